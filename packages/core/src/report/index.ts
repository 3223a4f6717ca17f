// The report model: what `apidx check` returns and every renderer reads.
export { buildReport, maskSignedUrl, placedQueryKeys, type RedactFn, type ReportOptions } from './build.js'
