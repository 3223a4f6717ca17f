// Reads what a gateway needs to know from a pack's signing scheme (where the timestamp and the key id
// travel, which credentials are keys), defensively: the scheme is data the signing engine owns.
import type { ProviderPack } from '@apidx/core'

/** The parts of a signing scheme the emulated gateway checks before the signature itself. */
export interface SchemeFacts {
  /** Query parameters the scheme places, by name → template. */
  query: Record<string, string>
  /** Headers the scheme places (or sets before signing), by lower-case name → template. */
  headers: Record<string, string>
  /** Where the timestamp travels (`query` or `header` and the name), when the scheme has one. */
  timestamp?: { in: 'query' | 'header'; name: string; format: string }
  /** The placed values that carry the signature (`query:authorization`, `header:x-checksum`): without them the request is unsigned. */
  signatureCarriers: string[]
  /** The clock skew the vendor allows, in seconds, when it states one. */
  maxSkewSeconds?: number
  /** Credentials that only key an HMAC (the secret): a wrong value makes the signature differ. */
  secrets: string[]
  /** Credentials the request carries in readable form (the key id): an unknown value is an unknown key. */
  keyIds: string[]
}

type Step = Record<string, unknown> & { id?: unknown; op?: unknown }

const CRED = /\{cred\.([A-Za-z0-9_]+)\}/g

/** Extracts the gateway-relevant facts of the pack's scheme `schemeId`; undefined when the pack has none. */
export function schemeFacts(pack: ProviderPack, schemeId: string | null): SchemeFacts | undefined {
  if (!schemeId) return undefined
  const scheme = pack.auth[schemeId] as Record<string, unknown> | undefined
  if (!scheme || typeof scheme !== 'object') return undefined
  const steps = (Array.isArray(scheme.steps) ? scheme.steps : []).filter(
    (s): s is Step => typeof s === 'object' && s !== null,
  )
  const place = record(scheme.place)
  // What the request carries: the final placement, plus what `set` steps add before signing (AWS
  // x-amz-date, the iflyaisol accessKeyId/utc/uuid); they all stay in the signed request.
  const query: Record<string, string> = {}
  const headers: Record<string, string> = {}
  for (const s of steps.filter((s) => s.op === 'set')) {
    Object.assign(query, stringRecord(s.query))
    for (const [k, v] of Object.entries(stringRecord(s.header))) headers[k.toLowerCase()] = v
  }
  Object.assign(query, stringRecord(place.query))
  for (const [k, v] of Object.entries(stringRecord(place.header ?? place.headers)))
    headers[k.toLowerCase()] = v

  const facts: SchemeFacts = {
    query,
    headers,
    secrets: [],
    keyIds: [],
    signatureCarriers: carriers(scheme, steps, query, headers),
  }
  // The request's own instant: a time step that is not shifted (an expiry with addSeconds is not it).
  const timeStep = steps.find((s) => s.op === 'time' && typeof s.id === 'string' && !s.addSeconds)
  if (timeStep) {
    const ref = `{${String(timeStep.id)}}`
    const format =
      typeof timeStep.format === 'string'
        ? timeStep.format
        : typeof scheme.timestamp === 'string'
          ? scheme.timestamp
          : 'rfc1123'
    const inQuery = Object.entries(query).find(([, t]) => t === ref)
    const inHeader = Object.entries(headers).find(([, t]) => t === ref)
    if (inQuery) facts.timestamp = { in: 'query', name: inQuery[0], format }
    else if (inHeader) facts.timestamp = { in: 'header', name: inHeader[0], format }
  }
  if (typeof scheme.maxSkewSeconds === 'number') facts.maxSkewSeconds = scheme.maxSkewSeconds

  // A credential used as an HMAC key is a secret; one that is templated into what the request
  // carries (directly, or inside an encoded template) is the key id the gateway looks up.
  const secrets = new Set<string>()
  const carried = new Set<string>()
  for (const s of steps) {
    // A credential keying an HMAC, or hashed with the rest (the old REST X-CheckSum), is a secret.
    if (s.op === 'hmac' && typeof s.key === 'string') for (const m of s.key.matchAll(CRED)) secrets.add(m[1]!)
    if (s.op === 'hash' && typeof s.data === 'string')
      for (const m of s.data.matchAll(CRED)) secrets.add(m[1]!)
    if (s.op === 'template' && typeof s.text === 'string')
      for (const m of s.text.matchAll(CRED)) carried.add(m[1]!)
  }
  for (const t of [...Object.values(query), ...Object.values(headers)])
    for (const m of t.matchAll(CRED)) carried.add(m[1]!)
  facts.secrets = [...secrets]
  // A template step may feed only the HMAC (the signed string): its credentials are still carried
  // when the same credential is not a key; rtasr's appId is both templated and placed, never a key.
  facts.keyIds = [...carried].filter((c) => !secrets.has(c))
  return facts
}

/** Placed values whose template uses the signature step, directly or through steps built from it. */
function carriers(
  scheme: Record<string, unknown>,
  steps: Step[],
  query: Record<string, string>,
  headers: Record<string, string>,
): string[] {
  if (typeof scheme.signature !== 'string') return []
  const derived = new Set([scheme.signature])
  const uses = (v: unknown): boolean =>
    typeof v === 'string' && [...derived].some((id) => v.includes(`{${id}}`))
  for (const step of steps)
    if (typeof step.id === 'string' && Object.values(step).some(uses)) derived.add(step.id)
  return [
    ...Object.entries(query)
      .filter(([, t]) => uses(t))
      .map(([k]) => `query:${k}`),
    ...Object.entries(headers)
      .filter(([, t]) => uses(t))
      .map(([k]) => `header:${k}`),
  ]
}

/** Parses a timestamp in the scheme's named format to ms; undefined when it does not parse. */
export function parseTimestamp(value: string, format: string): number | undefined {
  let ms: number
  if (format === 'unix-s') ms = /^\d{1,12}$/.test(value) ? Number(value) * 1000 : NaN
  else if (format === 'unix-ms') ms = /^\d{1,15}$/.test(value) ? Number(value) : NaN
  else if (format === 'iso8601-basic') {
    // AWS's X-Amz-Date (20150830T123600Z), which Date.parse does not read.
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
    ms = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN
  } else
    ms = Date.parse(
      value.replace(/ UTC$/, ' GMT').replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([+-]\d\d)(\d\d)$/, '$1$2:$3'),
    )
  return Number.isFinite(ms) ? ms : undefined
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

function stringRecord(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null) return {}
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'))
}
