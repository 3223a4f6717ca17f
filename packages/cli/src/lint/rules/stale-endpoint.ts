// stale-endpoint: a URL literal that the packs say is legacy or sunset, lacks the documented path
// segments, uses the wrong scheme, carries stray whitespace, or names a vendor host no pack documents.
import type { Endpoint, PackFacts } from '../facts.js'
import { splitUrl } from '../facts.js'
import { providerOfHost } from '../file-facts.js'
import type { Rule } from '../rule.js'
import type { LintNode } from '../tree.js'

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
        const literal = urlLiteral(n, context.facts)
        if (!literal) return
        const known = sameHost(literal, context.facts).length > 0
        const verdict =
          whitespaceProblem(literal) ??
          (known ? pathProblem(literal, context.facts) : hostProblem(literal, context.facts))
        if (verdict) context.report({ node: n, ...verdict })
      },
    }
  },
}

/** A string that is (or starts) a URL on a pack host, split into its parts. */
interface UrlLiteral {
  raw: string
  literal: string
  partial: boolean
  url: { scheme: string; host: string; path: string }
  provider: string
  shown: string
}

type Verdict = { messageId: string; data: Record<string, string> }

function urlLiteral(n: LintNode, facts: PackFacts): UrlLiteral | undefined {
  const raw = n.value ?? ''
  const literal = raw.split('{}')[0] ?? ''
  const url = splitUrl(literal)
  if (!url || !/^(https?|wss?)$/.test(url.scheme)) return undefined
  const provider = providerOfHost(url.host, facts)
  if (!provider) return undefined
  const shown = `${url.scheme}://${url.host}${url.path === '/' ? '' : url.path}`
  return { raw, literal, partial: n.partial === true || literal.includes('{}'), url, provider, shown }
}

function whitespaceProblem(u: UrlLiteral): Verdict | undefined {
  const padded =
    u.literal !== u.literal.trimStart() ||
    /\s/.test(u.raw.trim().split(/[?#]/)[0] ?? '') ||
    (!u.partial && u.raw !== u.raw.trimEnd())
  return padded
    ? { messageId: 'whitespace', data: { url: JSON.stringify(u.shown), trimmed: u.shown } }
    : undefined
}

/** Endpoints on the literal's host (another region of the same host counts). */
function sameHost(u: UrlLiteral, facts: PackFacts): Endpoint[] {
  return facts.endpoints.filter((e) => regionless(e.host) === regionless(u.url.host))
}

/** Only a host named after one of the vendor's documented services (iat.xfyun.cn for iat) is
 * reported: the vendor's other hosts are products the pack does not cover, not mistakes. */
function hostProblem(u: UrlLiteral, facts: PackFacts): Verdict | undefined {
  const services = serviceNamed(u.url.host, u.provider, facts.endpoints)
  if (services.length === 0) return undefined
  const hosts = [...new Set(services.map((e) => e.host))]
  return {
    messageId: 'unknownHost',
    data: { host: u.url.host, provider: u.provider, expected: hosts.slice(0, 4).join(', ') },
  }
}

function describe(u: UrlLiteral, e: Endpoint): Record<string, string> {
  const { provider, service, version, status } = e
  return { url: u.shown, provider, service, version, status, scheme: u.url.scheme, host: u.url.host }
}

function current(es: Endpoint[]): Endpoint | undefined {
  return es.find((e) => e.status === 'current') ?? es[0]
}

function pathProblem(u: UrlLiteral, facts: PackFacts): Verdict | undefined {
  const onHost = sameHost(u, facts)
  const matched = onHost.filter((e) => e.matchesPath(u.url.path))
  const hit = matched[0]
  if (hit) return versionProblem(u, hit, matched)
  if (u.partial || u.url.path === '/') return undefined
  const target = current(onHost.filter((e) => e.path.startsWith(u.url.path.replace(/\/$/, '') + '/')))
  if (target) return { messageId: 'missingSegment', data: { ...describe(u, target), expected: target.url } }
  const documented = current(onHost) as Endpoint
  const expected = [...new Set(onHost.map((e) => e.url))].slice(0, 3).join(', ')
  return { messageId: 'unknownPath', data: { ...describe(u, documented), expected } }
}

/** A documented path: legacy when no current version shares it, else the scheme must match. */
function versionProblem(u: UrlLiteral, hit: Endpoint, matched: Endpoint[]): Verdict | undefined {
  if (matched.every((e) => e.status !== 'current')) {
    const s = hit.successor
    const successor = s ? `${s.service} ${s.version}${s.url ? ` (${s.url})` : ''}` : 'a current version'
    return {
      messageId: 'legacy',
      data: { ...describe(u, hit), successor, note: s?.note ? `: ${s.note}` : '' },
    }
  }
  if (matched.some((e) => e.scheme === u.url.scheme)) return undefined
  return {
    messageId: 'wrongScheme',
    data: { ...describe(u, hit), expectedScheme: hit.scheme, expected: hit.url },
  }
}
