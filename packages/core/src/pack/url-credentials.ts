// `{cred.<name>}` placeholders in a version URL's path: values that are part of the caller's address
// (Tencent real-time ASR's wss://asr.cloud.tencent.com/asr/v2/{cred.appId}). The pack validator keeps
// them to the path and to non-secret credentials, so a credential only ever goes to a pack host.
// Parsed as a URL, a placeholder reads `%7Bcred.appId%7D`: these helpers work on either spelling.
import { ApidxError } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'

const RAW = /\{cred\.([A-Za-z0-9_]+)\}/g
const ENCODED = /%7Bcred\.([A-Za-z0-9_]+)%7D/gi

/** The credential names a URL's path refers to, in order, without repeats. */
export function urlCredentialNames(url: string | URL): string[] {
  const path = typeof url === 'string' ? pathOf(url) : url.pathname
  const names = [...path.matchAll(RAW), ...path.matchAll(ENCODED)].map((m) => m[1]!)
  return [...new Set(names)]
}

/** The path of a URL written as text, placeholders as written (`{…}` or `%7B…%7D`). */
function pathOf(raw: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(raw)
  return m?.[1] ?? ''
}

/**
 * A copy of `url` with its path placeholders filled from `credentials`, each value URL-encoded as one
 * path segment. Throws ERR_CREDENTIALS naming the environment variable when a value is missing.
 */
export function fillUrlCredentials(pack: ProviderPack, url: URL, credentials: Record<string, string>): URL {
  const out = new URL(url)
  const missing: string[] = []
  out.pathname = url.pathname.replace(ENCODED, (_, name: string) => {
    const v = Object.hasOwn(credentials, name) ? credentials[name] : undefined
    if (!v) {
      missing.push(name)
      return `%7Bcred.${name}%7D`
    }
    return encodeURIComponent(v)
  })
  if (missing.length) {
    const envs = [...new Set(missing)].map((n) => pack.credentials[n]?.env ?? n)
    throw new ApidxError(
      'ERR_CREDENTIALS',
      `The URL path needs ${envs.join(' and ')}, which ${envs.length === 1 ? 'is' : 'are'} not set.`,
      {
        suggestions: [
          `Set ${envs.join(' and ')} in the environment: the value is part of the endpoint's path.`,
        ],
      },
    )
  }
  return out
}

/** True when a URL's path still holds a placeholder. */
export function hasUrlCredentials(url: URL): boolean {
  return urlCredentialNames(url).length > 0
}

/**
 * A matcher for paths of a URL with placeholders: each placeholder stands for one non-empty path
 * segment; everything else compares literally (a trailing slash tolerated).
 */
export function pathMatcher(templatePath: string): (path: string) => boolean {
  const trim = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p)
  const parts = trim(templatePath).split(/%7Bcred\.[A-Za-z0-9_]+%7D|\{cred\.[A-Za-z0-9_]+\}/i)
  if (parts.length === 1) return (path) => trim(path) === parts[0]
  const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`)
  return (path) => re.test(trim(path))
}
