// What a signed request says about the computation that made it: the values it carries where the
// scheme sets or places them, read back through the templates (and through reversible encodings,
// e.g. iFlytek's base64 authorization) to the steps and credentials they were built from.
import type { AuthScheme, Step } from '../generated/index.js'
import { percentDecode } from './encoding.js'
import { getHeader, type WorkingRequest } from './request.js'
import { matchTemplate, parseTemplate } from './template.js'
import { parseTime } from './time.js'

/** One place the scheme writes into the request. */
export interface Carrier {
  kind: 'query' | 'header'
  name: string
  template: string
  /** From the scheme's `place` (true) or a `set` step (false). */
  placed: boolean
  /** The request's value there, decoded; undefined when absent. */
  value: string | undefined
  /** For a query value written with a literal `+`: the value with `+` kept (an unencoded base64 signature). */
  plusKept?: string
}

/** Every place the scheme sets or places a value, with what the request has there. */
export function carriers(scheme: AuthScheme, request: WorkingRequest): Carrier[] {
  const read = (kind: 'query' | 'header', name: string) =>
    kind === 'query' ? request.query.find((q) => q.name === name)?.value : getHeader(request, name)
  const out: Carrier[] = []
  for (const s of scheme.steps) {
    if (s.op !== 'set') continue
    for (const [name, template] of Object.entries(s.query ?? {}))
      out.push({ kind: 'query', name, template, placed: false, value: read('query', name) })
    for (const [name, template] of Object.entries(s.header ?? {}))
      out.push({ kind: 'header', name, template, placed: false, value: read('header', name) })
  }
  for (const [name, template] of Object.entries(scheme.place.query ?? {})) {
    const raw = request.query.find((q) => q.name === name)?.raw
    const rawValue = raw !== undefined && raw.includes('=') ? raw.slice(raw.indexOf('=') + 1) : undefined
    const plusKept = rawValue?.includes('+') ? percentDecode(rawValue, false) : undefined
    out.push({
      kind: 'query',
      name,
      template,
      placed: true,
      value: read('query', name),
      ...(plusKept !== undefined ? { plusKept } : {}),
    })
  }
  for (const [name, template] of Object.entries(scheme.place.header ?? {}))
    out.push({ kind: 'header', name, template, placed: true, value: read('header', name) })
  return out
}

const DIGEST_BYTES: Record<string, number> = { md5: 16, sha1: 20, sha256: 32 }

/** Whether a value could be what the referenced step (or header list) produces: settles ambiguous template readings. */
function plausibility(scheme: AuthScheme): (ref: string, value: string) => boolean {
  const steps = new Map(scheme.steps.flatMap((s) => (s.id ? [[s.id, s] as const] : [])))
  return (ref, value) => {
    if (ref.endsWith('.names')) return /^[a-z0-9-]+(;[a-z0-9-]+)*$/.test(value)
    const s = steps.get(ref)
    if (!s) return !value.includes('/')
    if (s.op === 'time') return parseTime(value, s.format) !== undefined
    if (s.op === 'template') return matchTemplate(s.text, value) !== undefined
    if ((s.op === 'hash' || s.op === 'hmac') && s.out === 'hex')
      return value.length === DIGEST_BYTES[s.alg]! * 2 && /^[0-9a-fA-F]+$/.test(value)
    if ((s.op === 'hash' || s.op === 'hmac') && s.out === 'base64')
      return value.length === Math.ceil(DIGEST_BYTES[s.alg]! / 3) * 4 && /^[A-Za-z0-9+/]+=*$/.test(value)
    return true
  }
}

/** Decodes what an encode step produced, when the encoding can be undone. */
function undo(step: Extract<Step, { op: 'encode' }>, value: string): string | undefined {
  if (step.to === 'base64' || step.to === 'base64url') {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) return undefined
    return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
  }
  if (step.to === 'hex')
    return /^([0-9a-fA-F]{2})*$/.test(value) ? Buffer.from(value, 'hex').toString('utf8') : undefined
  if (step.to === 'rfc3986' || step.to === 'rfc3986-except-slash' || step.to === 'uri-component')
    return percentDecode(value, false)
  if (step.to === 'form') return percentDecode(value, true)
  return undefined
}

/**
 * The values the request implies, by reference name (`signature`, `cred.apiKey`, `headers.names`…):
 * read from each carrier through its template, then through encode steps and template steps whose
 * value became known, until nothing new is learnt.
 */
export function impliedValues(
  scheme: AuthScheme,
  found: Carrier[],
  hints?: ReadonlyMap<string, string>,
): Map<string, string> {
  const implied = new Map<string, string>()
  const plausible = plausibility(scheme)
  const learn = (template: string, value: string) => {
    const m = matchTemplate(template, value, hints, 64, plausible)
    if (!m) return
    for (const [ref, v] of m) if (!implied.has(ref)) implied.set(ref, v)
  }
  for (const c of found) if (c.value !== undefined) learn(c.template, c.value)
  for (let round = 0; round < scheme.steps.length; round++) {
    const before = implied.size
    for (const s of scheme.steps) {
      const known = s.id !== undefined ? implied.get(s.id) : undefined
      if (known === undefined) continue
      if (s.op === 'encode') {
        const inner = undo(s, known)
        if (inner !== undefined) learn(s.data, inner)
      } else if (s.op === 'template' && parseTemplate(s.text).some((seg) => 'ref' in seg))
        learn(s.text, known)
    }
    if (implied.size === before) break
  }
  return implied
}
