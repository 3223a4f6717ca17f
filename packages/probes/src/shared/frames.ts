// Reading the answer the way the pack describes it: the frames (or the HTTP body) as documents, with
// nested encodings decoded, and the vendor's status code where the pack says it is.
import { decodeNested, getPointer, tryJson, type Exchange, type Target } from '@apidx/core'

/** One answer unit: a WebSocket frame, or the body of a 2xx HTTP response. */
export interface AnswerUnit {
  index: number
  text: string
  binary: boolean
}

/** The frames of a WebSocket session, or the body of a successful HTTP answer. */
export function answerUnits(ex: Exchange): AnswerUnit[] {
  if (ex.protocol === 'websocket') return ex.frames.map((f, index) => ({ index, text: f.text, binary: f.binary }))
  const res = ex.response
  return res && res.status >= 200 && res.status < 300 && res.body !== '' ? [{ index: 0, text: res.body, binary: false }] : []
}

/** The parsed, decoded document of a unit, or undefined when it is not JSON. */
export function documentOf(target: Target, unit: AnswerUnit): unknown {
  if (unit.binary) return undefined
  const parsed = tryJson(unit.text)
  return parsed.ok ? decodeNested(parsed.value, target.version.response?.decode) : undefined
}

/** The vendor code in a document when it is not a success code, else undefined. */
export function failingCode(target: Target, doc: unknown): string | undefined {
  const r = target.version.response
  if (!r?.errorCode || doc === undefined) return undefined
  const code = getPointer(doc, r.errorCode)
  if (code === undefined || code === null || typeof code === 'object') return undefined
  const ok = (r.okCodes ?? [0, '0']).map(String)
  return ok.includes(String(code)) ? undefined : String(code)
}

/** True when any frame of the session carries a vendor error code. */
export function hasVendorError(target: Target, ex: Exchange): boolean {
  return answerUnits(ex).some((u) => failingCode(target, documentOf(target, u)) !== undefined)
}
