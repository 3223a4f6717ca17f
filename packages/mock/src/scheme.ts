// Reads what a gateway needs to know from a pack's signing scheme (where the timestamp and the key id
// travel, which credentials are keys), defensively: the scheme is data the signing engine owns.
import type { ProviderPack } from '@apidx/core'

/** The parts of a signing scheme the emulated gateway checks before the signature itself. */
export interface SchemeFacts {
  /** Query parameters the scheme places, by name → template. */
  query: Record<string, string>
  /** Headers the scheme places, by lower-case name → template. */
  headers: Record<string, string>
  /** Where the timestamp travels (`query` or `header` and the name), when the scheme has one. */
  timestamp?: { in: 'query' | 'header'; name: string; format: string }
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
  const steps = (Array.isArray(scheme.steps) ? scheme.steps : []).filter((s): s is Step => typeof s === 'object' && s !== null)
  const place = (typeof scheme.place === 'object' && scheme.place !== null ? scheme.place : {}) as Record<string, unknown>
  const query = stringRecord(place.query)
  const headers = Object.fromEntries(Object.entries(stringRecord(place.headers)).map(([k, v]) => [k.toLowerCase(), v]))

  const facts: SchemeFacts = { query, headers, secrets: [], keyIds: [] }
  const timeStep = steps.find((s) => s.op === 'time' && typeof s.id === 'string')
  if (timeStep) {
    const ref = `{${String(timeStep.id)}}`
    const format = typeof timeStep.format === 'string' ? timeStep.format : typeof scheme.timestamp === 'string' ? scheme.timestamp : 'rfc1123'
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
    if (s.op === 'hmac' && typeof s.key === 'string') for (const m of s.key.matchAll(CRED)) secrets.add(m[1]!)
    if (s.op === 'template' && typeof s.text === 'string') for (const m of s.text.matchAll(CRED)) carried.add(m[1]!)
  }
  for (const t of [...Object.values(query), ...Object.values(headers)]) for (const m of t.matchAll(CRED)) carried.add(m[1]!)
  facts.secrets = [...secrets]
  // A template step may feed only the HMAC (the signed string): its credentials are still carried
  // when the same credential is not a key; rtasr's appId is both templated and placed, never a key.
  facts.keyIds = [...carried].filter((c) => !secrets.has(c))
  return facts
}

/** Parses a timestamp in the scheme's named format to ms; undefined when it does not parse. */
export function parseTimestamp(value: string, format: string): number | undefined {
  let ms: number
  if (format === 'unix-s') ms = /^\d{1,12}$/.test(value) ? Number(value) * 1000 : NaN
  else if (format === 'unix-ms') ms = /^\d{1,15}$/.test(value) ? Number(value) : NaN
  else ms = Date.parse(value.replace(/ UTC$/, ' GMT').replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([+-]\d\d)(\d\d)$/, '$1$2:$3'))
  return Number.isFinite(ms) ? ms : undefined
}

function stringRecord(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null) return {}
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'))
}
