// The vendor facts lint rules check code against, read from the provider packs and nowhere else:
// documented endpoints with their status and successor, the hosts each vendor owns, each signing
// scheme's timestamp formats and the constant strings that give the scheme away in code, and the
// credentials' declarations. A rule never names a vendor; a new pack teaches lint a new vendor.
import type { ProviderPack } from '@apidx/core'
import { words } from './tree.js'

export interface Endpoint {
  provider: string
  service: string
  version: string
  url: string
  scheme: string
  host: string
  path: string
  status: string
  auth: string
  docs?: string
  /** The documented path as a test (URL templates such as `{cred.appId}` match one segment). */
  matchesPath: (path: string) => boolean
  successor?: { service: string; version: string; url?: string; note?: string }
}

export interface Scheme {
  provider: string
  id: string
  /** The formats of its time steps and its declared timestamp (unix-s, rfc1123, iso8601, date…). */
  timestampFormats: string[]
  /** Constant strings of its templates (`AWS4-HMAC-SHA256`, `tc3_request`) that mark code using it. */
  markers: string[]
}

export interface CredentialFact {
  provider: string
  id: string
  env: string
  secret: boolean
  length?: number
  /** Prefixes, when the pack declares them (a field packs may add; read when present). */
  prefixes: string[]
}

export interface PackFacts {
  endpoints: Endpoint[]
  hostPatterns: { provider: string; pattern: string }[]
  schemes: Scheme[]
  credentials: CredentialFact[]
  /** Words naming the vendors and their services (pack ids, service ids, host labels). */
  vocabulary: Set<string>
}

/** Reads the facts of every pack once per run. */
export function packFacts(packs: ProviderPack[]): PackFacts {
  const facts: PackFacts = {
    endpoints: [],
    hostPatterns: [],
    schemes: [],
    credentials: [],
    vocabulary: new Set(),
  }
  for (const pack of packs) {
    for (const pattern of pack.hosts)
      facts.hostPatterns.push({ provider: pack.id, pattern: pattern.toLowerCase() })
    facts.endpoints.push(...endpointsOf(pack))
    facts.schemes.push(...schemesOf(pack))
    facts.credentials.push(...credentialsOf(pack))
    for (const w of vocabularyOf(pack)) facts.vocabulary.add(w)
  }
  dropSharedMarkers(facts.schemes)
  return facts
}

function endpointsOf(pack: ProviderPack): Endpoint[] {
  const out: Endpoint[] = []
  for (const [serviceId, service] of Object.entries(pack.services)) {
    for (const [versionId, v] of Object.entries(service.versions)) {
      const parsed = splitUrl(v.url)
      if (!parsed) continue
      const e: Endpoint = {
        provider: pack.id,
        service: serviceId,
        version: versionId,
        url: v.url,
        ...parsed,
        status: v.status,
        auth: v.auth ?? '',
        matchesPath: pathTest(parsed.path),
      }
      const docs = v.source ?? service.docs
      if (docs) e.docs = docs
      const succ = v.successor
      if (succ) {
        const target = pack.services[succ.service ?? serviceId]?.versions[succ.version]
        e.successor = { service: succ.service ?? serviceId, version: succ.version }
        if (target) e.successor.url = target.url
        if (succ.note) e.successor.note = succ.note
      }
      out.push(e)
    }
  }
  return out
}

/** Scheme, lower-case host and path of a URL that may hold `{cred.x}` templates. */
export function splitUrl(url: string): { scheme: string; host: string; path: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)([^?#\s]*)/i.exec(url.trim())
  if (!m) return undefined
  const host = (m[2] ?? '').toLowerCase().replace(/:\d+$/, '')
  return { scheme: (m[1] ?? '').toLowerCase(), host, path: m[3] || '/' }
}

/** A test for a documented path: a `{…}` template matches one path segment; a trailing slash is optional. */
function pathTest(template: string): (path: string) => boolean {
  const trim = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p)
  const parts = trim(template).split(/\{[^}]*\}/)
  const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`)
  return (path) => re.test(trim(path))
}

function schemesOf(pack: ProviderPack): Scheme[] {
  return Object.entries(pack.auth).map(([id, scheme]) => {
    const s = scheme as unknown as Record<string, unknown>
    const steps = (Array.isArray(s.steps) ? s.steps : []) as Record<string, unknown>[]
    const formats = new Set<string>()
    if (typeof s.timestamp === 'string') formats.add(s.timestamp)
    for (const step of steps)
      if (step.op === 'time' && typeof step.format === 'string') formats.add(step.format)
    const texts: string[] = []
    for (const step of steps)
      for (const k of ['text', 'key']) if (typeof step[k] === 'string') texts.push(step[k])
    collectStrings(s.place, texts)
    return { provider: pack.id, id, timestampFormats: [...formats], markers: markersOf(texts) }
  })
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k)
      collectStrings(v, out)
    }
}

/** Constant tokens of a scheme's templates distinctive enough to identify it in code: at least 8
 * characters, with a digit, hyphen or underscore (`tc3_request`, `x-checksum`, `hmac-sha256`). */
function markersOf(texts: string[]): string[] {
  const found = new Set<string>()
  for (const t of texts)
    for (const token of t.replace(/\{[^}]*\}/g, ' ').split(/[\s"=,&/:;]+/))
      if (token.length >= 8 && /[-_0-9]/.test(token) && /[a-z]/i.test(token)) found.add(token.toLowerCase())
  return [...found]
}

/** A marker shared by schemes of different packs identifies neither. */
function dropSharedMarkers(schemes: Scheme[]): void {
  const owners = new Map<string, Set<string>>()
  for (const s of schemes)
    for (const m of s.markers) owners.set(m, (owners.get(m) ?? new Set()).add(s.provider))
  for (const s of schemes) s.markers = s.markers.filter((m) => (owners.get(m)?.size ?? 0) === 1)
}

function credentialsOf(pack: ProviderPack): CredentialFact[] {
  return Object.entries(pack.credentials).map(([id, c]) => {
    const decl = c as unknown as Record<string, unknown>
    const prefixes = [decl.prefix, decl.prefixes].flat().filter((p): p is string => typeof p === 'string')
    const fact: CredentialFact = { provider: pack.id, id, env: c.env, secret: c.secret, prefixes }
    if (c.length !== undefined) fact.length = c.length
    return fact
  })
}

/** Words that name the vendor and its services in code: the pack id, its service ids and the
 * labels of its documented hosts (`iat-api.xfyun.cn` → iat, api, xfyun), minus generic ones. */
function vocabularyOf(pack: ProviderPack): string[] {
  const out = new Set<string>(words(pack.id))
  for (const [serviceId, service] of Object.entries(pack.services)) {
    for (const w of words(serviceId)) out.add(w)
    for (const v of Object.values(service.versions)) {
      const host = splitUrl(v.url)?.host ?? ''
      for (const w of words(host)) out.add(w)
    }
  }
  for (const g of GENERIC_WORDS) out.delete(g)
  return [...out].filter((w) => w.length >= 3 && !/^\d/.test(w))
}

/** Host and service words that every API shares and so name no vendor. */
const GENERIC_WORDS = ['api', 'com', 'cn', 'www', 'v1', 'v2', 'open', 'gateway', 'rest', 'http', 'ws'].concat(
  ['models', 'oauth', 'token', 'dx', 'ecs', 'sts', 'bos', 'chat', 'cloud', 'server'],
)
