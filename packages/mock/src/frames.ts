// What the emulated vendor sends: the pack's example frames with `{sid}`/`{code}`/`{message}` filled,
// its error and legacy frames, and the faulty frames of the response scenarios.
import { randomBytes } from 'node:crypto'
import { errorEntry, getPointer, sentMessage, tryJson } from '@apidx/core'
import type { Target } from '@apidx/core'

/** Values for the pack's frame placeholders. */
export interface Placeholders {
  sid: string
  code?: string
  message?: string
}

/** A vendor-like server session id: service prefix, hex, `@dx`, hex (iFlytek: `iat000e0044@dx18f5b16b0330324`). */
export function makeSid(serviceId: string): string {
  const prefix = (serviceId.replace(/[^a-z]/gi, '').slice(0, 3) || 'sid').toLowerCase().padEnd(3, 'x')
  return `${prefix}${randomBytes(4).toString('hex')}@dx${randomBytes(8).toString('hex')}`
}

/**
 * Fills placeholders in a deep copy of a frame. A string that is exactly `{code}` becomes a number
 * when the vendor sends integer codes (the pack's `codeType`).
 */
export function fill(frame: unknown, values: Placeholders, codeType?: 'integer' | 'string'): unknown {
  if (typeof frame === 'string') {
    if (
      frame === '{code}' &&
      values.code !== undefined &&
      codeType === 'integer' &&
      /^-?\d+$/.test(values.code)
    )
      return Number(values.code)
    return frame.replace(/\{(sid|code|message)\}/g, (m, k: keyof Placeholders) => values[k] ?? m)
  }
  if (Array.isArray(frame)) return frame.map((f) => fill(f, values, codeType))
  if (frame !== null && typeof frame === 'object')
    return Object.fromEntries(Object.entries(frame).map(([k, v]) => [k, fill(v, values, codeType)]))
  return frame
}

/** The healthy session's frames, split into those sent while the client streams and the final ones. */
export function healthyFrames(target: Target): { early: unknown[]; final: unknown[] } {
  const response = target.version.response
  const frames = response?.examples?.frames ?? []
  const end = response?.end
  if (!end?.pointer) return { early: [...frames], final: [] }
  // The last frame is the one carrying the end mark; everything before it streams.
  const last = frames.findLastIndex((f) => getPointer(f, end.pointer!) === end.equals)
  return last < 0
    ? { early: [...frames], final: [] }
    : { early: frames.slice(0, last), final: frames.slice(last) }
}

/** Longest client text frame inspected for an end mark (iat's audio frames are ≤ 13000 base64 characters). */
const MAX_PARSED_CHARS = 256 * 1024

/**
 * True when a client message ends the client's stream: the pack's end mark (iat `data.status == 2`,
 * LLM `header.status == 2`), the `{"end": true}` of rtasr (text or binary, both used by iFlytek's
 * code), or the only frame of a one-request service (tts, Spark chat).
 */
export function endsClientStream(target: Target, text: string | undefined, count: number): boolean {
  const probeFrames = target.version.probe?.frames?.length ?? 0
  if (probeFrames === 1 && count >= 1) return true
  // Only frames of a plausible control size are parsed: a stream of 1 MiB frames costs no JSON work.
  if (text === undefined || text.length > MAX_PARSED_CHARS) return false
  const parsed = tryJson(text)
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') return false
  const end = target.version.response?.end
  if (end?.pointer && end.equals !== undefined && getPointer(parsed.value, end.pointer) === end.equals)
    return true
  return (parsed.value as Record<string, unknown>).end === true
}

/**
 * True when a client frame is the last frame of the pack's probe request, as apidx sends it: the end
 * of the client's stream for vendors whose end message is neither a flag nor an end mark the pack
 * names (AWS's empty AudioEvent, NLS's StopTranscription). Binary frames must be byte-equal; in JSON
 * and text, a `{cred.…}` placeholder matches any string. Other clients end by the pack's end mark.
 */
export function isLastProbeFrame(
  target: Target,
  data: Buffer | string | undefined,
  binary: boolean,
): boolean {
  const frames = target.version.probe?.frames ?? []
  const last = frames[frames.length - 1]
  if (frames.length < 2 || !last || data === undefined) return false
  if (binary)
    return (
      last.type === 'binary' &&
      last.base64 !== undefined &&
      typeof data !== 'string' &&
      data.equals(Buffer.from(last.base64, 'base64'))
    )
  const text = typeof data === 'string' ? data : data.toString('utf8')
  if (last.type === 'text') return last.text !== undefined && matchesTemplate(last.text, text)
  if (last.type !== 'json' || text.length > MAX_PARSED_CHARS) return false
  const parsed = tryJson(text)
  return parsed.ok && matchesJson(last.json, parsed.value)
}

function matchesTemplate(template: string, value: string): boolean {
  if (!template.includes('{cred.')) return template === value
  const parts = template.split(/\{cred\.[A-Za-z0-9_]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(value)
}

function matchesJson(pattern: unknown, value: unknown): boolean {
  if (typeof pattern === 'string') return typeof value === 'string' && matchesTemplate(pattern, value)
  if (Array.isArray(pattern))
    return (
      Array.isArray(value) &&
      value.length === pattern.length &&
      pattern.every((p, i) => matchesJson(p, value[i]))
    )
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
    const keys = Object.keys(pattern)
    return (
      keys.length === Object.keys(value).length &&
      keys.every((k) =>
        matchesJson((pattern as Record<string, unknown>)[k], (value as Record<string, unknown>)[k]),
      )
    )
  }
  return pattern === value
}

/**
 * The pack's error frame for `code`, with the vendor's text from the served version's or service's
 * table; `variant` sends the message of that `byMessage` meaning instead (the message is what tells it).
 */
export function errorFrame(target: Target, code: string, sid: string, variant?: number): unknown {
  const response = target.version.response
  const entry = errorEntry(target.version, target.service, code)
  const message = entry ? sentMessage(entry, variant) : 'error'
  const template = response?.examples?.errorFrame ?? { code: '{code}', message: '{message}', sid: '{sid}' }
  return fill(template, { sid, code, message }, response?.codeType)
}

/** Codes the vendor-error scenario prefers, in order, when none is asked: the matrix's iat 10165 and Spark 10110. */
const DEFAULT_VENDOR_CODES = ['10165', '10110']

/** The code the vendor-error scenario sends: the one asked for, else a preferred one the table has, else the table's first. */
export function vendorErrorCode(target: Target, asked?: string): string | undefined {
  const codes = [...Object.keys(target.version.errors ?? {}), ...Object.keys(target.service.errors ?? {})]
  if (asked !== undefined) return codes.includes(asked) ? asked : undefined
  return DEFAULT_VENDOR_CODES.find((c) => codes.includes(c)) ?? codes[0]
}

/** A frame of the pack's legacy shape (`legacyFrame`), with its sid filled. */
export function legacyFrame(target: Target, sid: string): unknown {
  const frame = target.version.response?.examples?.legacyFrame
  return frame === undefined ? undefined : fill(frame, { sid })
}

/** Text that is not JSON, as a proxy in front of the vendor would send. */
export const NOT_JSON = '<html><body><h1>502 Bad Gateway</h1></body></html>'

/**
 * The first example frame with the schema's required fields removed, keeping the error code and the
 * session id so the fault is the shape alone; valid JSON either way.
 */
export function schemaMismatchFrame(target: Target, sid: string): unknown {
  const response = target.version.response
  const first = fill(response?.examples?.frames?.[0] ?? {}, { sid }, response?.codeType)
  const required = ((response?.schema as { required?: unknown } | undefined)?.required ?? []) as unknown[]
  const keep = new Set(
    [response?.errorCode, target.version.session?.pointer]
      .filter((p): p is string => typeof p === 'string')
      .map((p) => p.split('/')[1]),
  )
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return { unexpected: true }
  const copy = { ...(first as Record<string, unknown>) }
  const removable = required.filter((k): k is string => typeof k === 'string' && !keep.has(k))
  const drop = removable.length
    ? removable
    : required.filter((k): k is string => typeof k === 'string').slice(0, 1)
  for (const k of drop) delete copy[k]
  return drop.length ? copy : { unexpected: true }
}
