// version: is the URL the right kind for the service, and is the version still served? Static facts
// from the pack, no network: a wrong scheme, a legacy/sunset version with its successor, a path the
// pack does not document.
import { defineProbe, isLoopback, pathMatcher, type Target } from '@apidx/core'

const isWs = (p: string) => p === 'ws:' || p === 'wss:'

/** The URL with its scheme swapped to the family the service speaks. */
function withScheme(url: URL, protocol: 'websocket' | 'http'): string {
  const secure = url.protocol === 'wss:' || url.protocol === 'https:'
  const scheme = protocol === 'websocket' ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http'
  return `${scheme}://${url.host}${url.pathname}`
}

function successorText(target: Target): { text: string; url?: string } | undefined {
  const s = target.version.successor
  if (!s) return undefined
  const serviceId = s.service ?? target.serviceId
  const v = target.pack.services[serviceId]?.versions[s.version]
  return {
    text: `${serviceId} ${s.version}${v ? ` (${v.url})` : ''}${s.note ? `: ${s.note}` : ''}`,
    ...(v ? { url: v.url } : {}),
  }
}

export default defineProbe({
  meta: {
    id: 'version',
    title: 'Endpoint',
    description:
      "Checks the URL against the pack: the scheme the service speaks, the version's status and successor, a documented path.",
    after: [],
    findings: {
      'url/wrong-scheme': {
        severity: 'error',
        description:
          'The URL scheme does not fit the service (http(s) for a WebSocket service, ws(s) for an HTTP one, or ws:// where the vendor requires wss://).',
      },
      'url/deprecated-version': {
        severity: 'warning',
        description: 'The version is legacy, deprecated or sunset; the pack names its successor.',
      },
      'url/unknown-endpoint': {
        severity: 'warning',
        description: 'The URL path matches no version of the service in the pack.',
      },
    },
    docs: 'docs/findings.md#url',
  },
  run(ctx) {
    const { target } = ctx
    const { url, version } = target
    const documented = new URL(version.url)
    if (version.protocol === 'websocket' && !isWs(url.protocol)) {
      ctx.report({
        code: 'url/wrong-scheme',
        message: `${target.serviceId} ${target.versionId} is a WebSocket service, but the URL starts with ${url.protocol}//.`,
        fix: `Connect with a WebSocket client to ${withScheme(url, 'websocket')} (documented: ${version.url}).`,
        data: {
          scheme: url.protocol.replace(':', ''),
          expected: documented.protocol.replace(':', ''),
          documentedUrl: version.url,
        },
      })
    } else if (version.protocol === 'http' && isWs(url.protocol)) {
      ctx.report({
        code: 'url/wrong-scheme',
        message: `${target.serviceId} ${target.versionId} is an HTTP service, but the URL starts with ${url.protocol}//.`,
        fix: `Send an HTTP request to ${withScheme(url, 'http')} (documented: ${version.url}).`,
        data: {
          scheme: url.protocol.replace(':', ''),
          expected: documented.protocol.replace(':', ''),
          documentedUrl: version.url,
        },
      })
    }
    const next = successorText(target)
    if (version.status !== 'current') {
      const sunset = version.status === 'sunset'
      ctx.report({
        code: 'url/deprecated-version',
        severity: sunset ? 'error' : 'warning',
        message: `${target.serviceId} ${target.versionId} is ${version.status}${version.sunsetDate ? ` (sunset ${version.sunsetDate})` : ''}.`,
        fix: next ? `Move to ${next.text}.` : `See ${target.service.docs} for the current version.`,
        data: {
          status: version.status,
          ...(version.sunsetDate ? { sunsetDate: version.sunsetDate } : {}),
          ...(next?.url ? { successorUrl: next.url } : {}),
        },
      })
    }
    if (target.explicitEndpoint) {
      // A `{cred.x}` segment of a documented path (Tencent's /asr/v2/{cred.appId}) matches any value.
      const documentedPaths = Object.values(target.service.versions).map((v) =>
        pathMatcher(new URL(v.url).pathname),
      )
      if (!documentedPaths.some((matches) => matches(url.pathname))) {
        const shown = decodeURI(documented.pathname)
        ctx.report({
          code: 'url/unknown-endpoint',
          message: `The path ${url.pathname} is not a documented path of ${target.serviceId} (documented: ${shown}).`,
          fix: `Use the path ${shown} (${version.url}).`,
          data: { path: url.pathname, documentedPath: shown },
        })
      }
      const insecure =
        (documented.protocol === 'wss:' && url.protocol === 'ws:') ||
        (documented.protocol === 'https:' && url.protocol === 'http:')
      if (insecure && !isLoopback(url.hostname)) {
        ctx.report({
          code: 'url/wrong-scheme',
          severity: 'warning',
          message: `The URL uses ${url.protocol}// but ${target.pack.name} documents ${documented.protocol}// for ${target.serviceId}.`,
          fix: `Use ${documented.protocol}//${url.host}${url.pathname}.`,
          data: {
            scheme: url.protocol.replace(':', ''),
            expected: documented.protocol.replace(':', ''),
            documentedUrl: version.url,
          },
        })
      }
    }
  },
})
