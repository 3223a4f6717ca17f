// Reading the answer the way the pack describes it: the frames (or the HTTP body) as documents, with
// nested encodings decoded, and the vendor's status code where the pack says it is.
import { decodeEventStream, decodeNested, getPointer, tryJson, type Exchange, type Target } from '@apidx/core'
import { vendorError } from './rules.js'

/** One answer unit: a WebSocket frame, or the body of a 2xx HTTP response. */
export interface AnswerUnit {
  index: number
  text: string
  binary: boolean
  /** A binary frame's bytes. */
  bytes?: Buffer
}

/**
 * The frames of a WebSocket session, or the body of an HTTP answer: a 2xx body, or the body of any
 * status that carries a code the pack declares (REST vendors pair codes with 4xx and 5xx statuses).
 */
export function answerUnits(ex: Exchange, target?: Target): AnswerUnit[] {
  if (ex.protocol === 'websocket')
    return ex.frames.map((f, index) => ({
      index,
      text: f.text,
      binary: f.binary,
      ...(f.bytes ? { bytes: f.bytes } : {}),
    }))
  const res = ex.response
  if (!res || res.body === '') return []
  const unit = { index: 0, text: res.body, binary: false }
  if (res.status >= 200 && res.status < 300) return [unit]
  return target && declaredCode(target, res.body) !== undefined ? [unit] : []
}

/**
 * The vendor code in an HTTP body when the pack's table for the service declares it: such a body is
 * the vendor-error link's to explain, whatever its status, since the entry is more specific than it.
 */
export function declaredCode(target: Target, body: string): string | undefined {
  if (!target.version.response?.errorCode || body.length > 1024 * 1024) return undefined
  const code = failingCode(target, documentOf(target, { index: 0, text: body, binary: false }))
  return code !== undefined && vendorError(target, code) ? code : undefined
}

/** The parsed, decoded document of a unit, or undefined when it is not JSON. */
export function documentOf(target: Target, unit: AnswerUnit): unknown {
  if (unit.binary) {
    // A framing the pack declares turns a binary frame into a document; other binary frames are audio.
    if (target.version.response?.framing !== 'aws-event-stream' || !unit.bytes) return undefined
    const message = decodeEventStream(unit.bytes)
    return message === undefined ? undefined : decodeNested(message, target.version.response.decode)
  }
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
  return answerUnits(ex, target).some((u) => failingCode(target, documentOf(target, u)) !== undefined)
}
