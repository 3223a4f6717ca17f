// stale-endpoint: a URL literal that the packs say is legacy or sunset, lacks the documented path
// segments, uses the wrong scheme, carries stray whitespace, or names a vendor host no pack documents.
import type { Endpoint } from '../facts.js'
import { splitUrl } from '../facts.js'
import { providerOfHost } from '../file-facts.js'
import type { Rule } from '../rule.js'

/** Region labels in host names (us-east-1, cn-shanghai, cn-huabei-1): a host in another region of a
 * documented endpoint is the same endpoint. */
const REGION = /(?<=^|[.-])(?:[a-z]{2}-[a-z]+-\d+|cn-[a-z]+(?:-\d+)?)(?=[.-]|$)/g
const regionless = (host: string) => host.replace(REGION, '{region}')

/** Endpoints of the provider whose service id is a word of the host's first label. */
function serviceNamed(host: string, provider: string, endpoints: Endpoint[]): Endpoint[] {
  const first = (host.split('.')[0] ?? '').split('-')
  return endpoints.filter((e) => e.provider === provider && first.includes(e.service.split(/[-_]/)[0] ?? ''))
}

export const staleEndpoint: Rule = {
  meta: {
    docs: {
      description:
        'A vendor URL that is legacy, incomplete, of the wrong scheme, padded with whitespace or not documented.',
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#stale-endpoint',
    },
    severity: 'error',
    messages: {
      legacy: '{url} is {provider} {service} {version}, marked {status} in the pack.',
      missingSegment: '{url} lacks path segments: {provider} documents {expected}.',
      wrongScheme:
        '{url} uses {scheme}://, but {provider} {service} {version} is served over {expectedScheme}://.',
      whitespace: 'The URL {url} has stray whitespace, which the server reads as part of the host or path.',
      unknownPath: '{url}: {provider} documents no endpoint at this path on {host}.',
      unknownHost: '{host} is a {provider} host the pack documents no endpoint on.',
    },
    fixes: {
      legacy: 'Move to {successor}{note}.',
      missingSegment: 'Use {expected}.',
      wrongScheme: 'Use {expected}.',
      whitespace: 'Remove the whitespace: {trimmed}.',
      unknownPath: 'Use a documented endpoint: {expected}.',
      unknownHost: 'Check the host against the docs; documented hosts: {expected}.',
    },
  },
  create(context) {
    return {
      string(n) {
        const raw = n.value ?? ''
        const literal = raw.split('{}')[0] ?? ''
        const url = splitUrl(literal)
        if (!url || !/^(https?|wss?)$/.test(url.scheme)) return
        const provider = providerOfHost(url.host, context.facts)
        if (!provider) return
        const shown = `${url.scheme}://${url.host}${url.path === '/' ? '' : url.path}`
        if (
          literal !== literal.trimStart() ||
          /\s/.test(raw.trim().split(/[?#]/)[0] ?? '') ||
          (!n.partial && raw !== raw.trimEnd())
        ) {
          context.report({
            node: n,
            messageId: 'whitespace',
            data: { url: JSON.stringify(shown), trimmed: shown },
          })
          return
        }
        const sameHost = context.facts.endpoints.filter((e) => regionless(e.host) === regionless(url.host))
        if (sameHost.length === 0) {
          // Only a host named after one of the vendor's documented services (iat.xfyun.cn for iat) is
          // reported: other hosts of the vendor are products the pack does not cover, not mistakes.
          const services = serviceNamed(url.host, provider, context.facts.endpoints)
          if (services.length === 0) return
          const hosts = [...new Set(services.map((e) => e.host))]
          context.report({
            node: n,
            messageId: 'unknownHost',
            data: { host: url.host, provider, expected: hosts.slice(0, 4).join(', ') },
          })
          return
        }
        const complete = !n.partial && !literal.includes('{}')
        const matched = sameHost.filter((e) => e.matchesPath(url.path))
        const data = (e: Endpoint) => ({
          url: shown,
          provider: e.provider,
          service: e.service,
          version: e.version,
          status: e.status,
          scheme: url.scheme,
          host: url.host,
        })
        const hit = matched[0]
        if (hit) {
          if (hit.status !== 'current' && matched.every((e) => e.status !== 'current')) {
            const s = hit.successor
            const successor = s
              ? `${s.service} ${s.version}${s.url ? ` (${s.url})` : ''}`
              : 'a current version'
            context.report({
              node: n,
              messageId: 'legacy',
              data: { ...data(hit), successor, note: s?.note ? `: ${s.note}` : '' },
            })
          } else if (!matched.some((e) => e.scheme === url.scheme))
            context.report({
              node: n,
              messageId: 'wrongScheme',
              data: { ...data(hit), expectedScheme: hit.scheme, expected: hit.url },
            })
          return
        }
        if (!complete || url.path === '/') return
        const longer = sameHost.filter((e) => e.path.startsWith(url.path.replace(/\/$/, '') + '/'))
        const current = (es: Endpoint[]) => es.find((e) => e.status === 'current') ?? es[0]
        const target = current(longer)
        if (target) {
          context.report({
            node: n,
            messageId: 'missingSegment',
            data: { ...data(target), expected: target.url },
          })
          return
        }
        const documented = current(sameHost) as Endpoint
        context.report({
          node: n,
          messageId: 'unknownPath',
          data: {
            ...data(documented),
            expected: [...new Set(sameHost.map((e) => e.url))].slice(0, 3).join(', '),
          },
        })
      },
    }
  },
}
