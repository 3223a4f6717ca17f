// The `apidx` library (the package is both the CLI and this API, as `eslint` is): check one endpoint
// or many, and read a targets file. The CLI's commands are thin wrappers over these functions.
export { check, loadProvider, type CheckOptions } from './api/check.js'
export {
  checkAll,
  summarize,
  DEFAULT_CONCURRENCY,
  type CheckAllOptions,
  type FleetTarget,
} from './api/check-all.js'
export { loadTargets, type LoadedTargets } from './api/targets.js'
export type { CheckReport, FleetReport, FleetSummary, Finding, LoadedPack, TargetEntry } from '@apidx/core'
export { ApidxError, loadPack } from '@apidx/core'
// Formatters are pure functions over the API's results, as ESLint's are: the CLI's own renderings.
export {
  renderReportAs as formatReport,
  renderFleetAs as formatFleet,
  CHECK_FORMATS,
  type CheckFormat,
  type OutputContext,
} from './render/check-output.js'
export { version } from './api/version.js'
// The start-up health check: fire-and-forget with fallback (never blocks or throws into the app).
export {
  startHealthCheck,
  type HealthCheck,
  type HealthCheckOptions,
  type HealthState,
  type HealthStatus,
} from './api/health.js'
// Signing and scaffolding.
export { sign } from './api/sign.js'
export type { SignOptions, SignedRequest } from './api/sign.js'
export { scaffold, scaffoldHeader } from './scaffold/index.js'
export type { ScaffoldFile, ScaffoldLang, ScaffoldOptions } from './scaffold/index.js'
