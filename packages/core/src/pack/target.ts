// Turns what the user asked for (--service, --version, --endpoint, or a URL) into one service
// version of a pack: the target every command works on.
import { ApidxError } from '../errors.js'
import type { ProviderPack, Service, Version } from '../generated/index.js'
import { printable, quote } from './safe-json.js'
import { pathMatcher } from './url-credentials.js'

/** One service version of a pack, with the URL apidx will use. */
export interface Target {
  pack: ProviderPack
  serviceId: string
  versionId: string
  service: Service
  version: Version
  /** The pack's URL, or the user's --endpoint. */
  url: URL
  /** True when the user named the endpoint: credentials may go there even outside the pack's hosts. */
  explicitEndpoint: boolean
}

/** What the user asked for: flags or config defaults. All optional; see resolveTarget for the defaults. */
export interface TargetSelection {
  service?: string
  version?: string
  endpoint?: string
}

/** Resolves a selection against a pack; unknown names raise ERR_TARGET with the nearest names. */
export function resolveTarget(pack: ProviderPack, selection: TargetSelection = {}): Target {
  const serviceIds = Object.keys(pack.services)
  let serviceId = selection.service
  if (serviceId === undefined) {
    if (serviceIds.length !== 1) {
      if (selection.endpoint) {
        const matched = matchUrl(pack, selection.endpoint)
        if (matched) return { ...matched, url: new URL(selection.endpoint), explicitEndpoint: true }
      }
      throw new ApidxError(
        'ERR_TARGET',
        `The ${printable(pack.name)} pack has ${serviceIds.length} services; choose one with --service.`,
        {
          suggestions: [`Services: ${serviceIds.join(', ')}.`],
        },
      )
    }
    serviceId = serviceIds[0]!
  }
  // Own keys only: --service toString must not resolve through Object.prototype.
  const service = Object.hasOwn(pack.services, serviceId) ? pack.services[serviceId] : undefined
  if (!service) {
    throw new ApidxError(
      'ERR_TARGET',
      `The ${printable(pack.name)} pack has no service ${quote(serviceId)}.`,
      { suggestions: nearest(serviceId, serviceIds, 'service') },
    )
  }
  const versionId = selection.version ?? service.defaultVersion
  const version = Object.hasOwn(service.versions, versionId) ? service.versions[versionId] : undefined
  if (!version) {
    throw new ApidxError(
      'ERR_TARGET',
      `Service ${quote(serviceId)} of ${printable(pack.name)} has no version ${quote(versionId)}.`,
      {
        suggestions: nearest(versionId, Object.keys(service.versions), 'version'),
      },
    )
  }
  let url: URL
  try {
    url = new URL(selection.endpoint ?? version.url)
  } catch {
    throw new ApidxError(
      'ERR_USAGE',
      `--endpoint ${quote(selection.endpoint ?? '')} is not an absolute URL.`,
      { suggestions: ['Write the full URL, e.g. wss://host/path.'] },
    )
  }
  return {
    pack,
    serviceId,
    versionId,
    service,
    version,
    url,
    explicitEndpoint: selection.endpoint !== undefined,
  }
}

/** Scheme families that name the same endpoint: ws/wss and http/https differ only in transport security. */
const family = (protocol: string) => (protocol === 'ws:' || protocol === 'wss:' ? 'ws' : 'http')

/**
 * Finds the service version a URL belongs to by host and path (query ignored, trailing slash and
 * ws↔wss / http↔https tolerated, a `{cred.<name>}` segment of the pack's URL matching any value). A
 * current version wins over a legacy one at the same address.
 */
export function matchUrl(
  pack: ProviderPack,
  raw: string | URL,
): Omit<Target, 'explicitEndpoint'> | undefined {
  let url: URL
  try {
    url = typeof raw === 'string' ? new URL(raw.trim()) : raw
  } catch {
    return undefined
  }
  const found: Omit<Target, 'explicitEndpoint'>[] = []
  for (const [serviceId, service] of Object.entries(pack.services)) {
    for (const [versionId, version] of Object.entries(service.versions)) {
      const known = new URL(version.url)
      // A `{cred.<name>}` path segment (the caller's AppID) matches any value.
      if (known.hostname !== url.hostname || !pathMatcher(known.pathname)(url.pathname)) continue
      if (family(known.protocol) !== family(url.protocol)) continue
      found.push({ pack, serviceId, versionId, service, version, url })
    }
  }
  const rank = (t: Omit<Target, 'explicitEndpoint'>) =>
    (t.version.status === 'current' ? 0 : 1) + (t.service.defaultVersion === t.versionId ? 0 : 0.5)
  return found.sort((a, b) => rank(a) - rank(b))[0]
}

/** "Did you mean" suggestions: names within a small edit distance, else the full list. */
export function nearest(name: string, names: string[], what: string): string[] {
  const close = closeNames(name, names)
  if (close.length) return [didYouMean(close)]
  return [`Available ${what}s: ${names.join(', ')}.`]
}

/** The names within a small edit distance of `name` (a typo), nearest first. */
export function closeNames(name: string, names: string[]): string[] {
  return names
    .map((n) => ({ n, d: distance(name.toLowerCase(), n.toLowerCase()) }))
    .filter(({ d, n }) => d <= Math.max(2, Math.floor(n.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map((c) => c.n)
}

/** `Did you mean "a" or "b"?` */
export const didYouMean = (close: string[]) => `Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`

/** Levenshtein distance, bounded input (ids are short). */
function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}
