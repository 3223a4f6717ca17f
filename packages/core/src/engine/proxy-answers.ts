// How proxies say that they could not reach the target, as data: an answer that names a DNS or TCP
// failure becomes that failure, so a check through a proxy gives the diagnosis a direct one gives.
import type { NetFailure } from './safe-error.js'

interface AnswerRule {
  /** The CONNECT status the rule applies to (any when absent). */
  status?: number
  header?: { name: string; pattern: RegExp }
  body?: RegExp
  failure: Pick<NetFailure, 'phase' | 'kind' | 'code'>
  /** Whose answer this is, and where that is documented. */
  source: string
}

const RULES: readonly AnswerRule[] = [
  {
    header: { name: 'x-squid-error', pattern: /^ERR_DNS_FAIL/ },
    failure: { phase: 'dns', kind: 'not-found', code: 'ENOTFOUND' },
    source: 'squid: X-Squid-Error ERR_DNS_FAIL (https://wiki.squid-cache.org/SquidFaq/SquidLogs)',
  },
  {
    header: { name: 'x-squid-error', pattern: /^ERR_CONNECT_FAIL 111\b/ },
    failure: { phase: 'tcp', kind: 'refused', code: 'ECONNREFUSED' },
    source: 'squid: ERR_CONNECT_FAIL with errno 111 (ECONNREFUSED)',
  },
  {
    header: { name: 'x-squid-error', pattern: /^ERR_CONNECT_FAIL 110\b/ },
    failure: { phase: 'tcp', kind: 'timeout', code: 'ETIMEDOUT' },
    source: 'squid: ERR_CONNECT_FAIL with errno 110 (ETIMEDOUT)',
  },
  {
    body: /Connection refused/i,
    failure: { phase: 'tcp', kind: 'refused', code: 'ECONNREFUSED' },
    source: 'tinyproxy and others quote strerror(ECONNREFUSED) in the error page',
  },
  {
    body: /Name or service not known|could not resolve|unknown host/i,
    failure: { phase: 'dns', kind: 'not-found', code: 'ENOTFOUND' },
    source: 'error pages quoting the resolver (getaddrinfo EAI_NONAME)',
  },
  {
    status: 404,
    failure: { phase: 'dns', kind: 'not-found', code: 'ENOTFOUND' },
    source:
      'a 404 to CONNECT: the host was not found (the `proxy` npm package answers ENOTFOUND so: https://github.com/TooTallNate/proxy-agents/blob/main/packages/proxy/src/proxy.ts)',
  },
  {
    status: 504,
    failure: { phase: 'tcp', kind: 'timeout', code: 'ETIMEDOUT' },
    source: 'RFC 9110 §15.6.5 504 Gateway Timeout',
  },
]

const MESSAGES: Record<string, string> = {
  'dns:not-found': 'The proxy could not resolve the host name.',
  'tcp:refused': 'The proxy could not connect: the target refused the connection.',
  'tcp:timeout': 'The proxy could not connect: the target did not answer in time.',
}

/** The target's failure a proxy's CONNECT answer reports, if it says which. */
export function targetFaultFromProxy(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): NetFailure | undefined {
  for (const rule of RULES) {
    if (rule.status !== undefined && rule.status !== status) continue
    if (rule.header) {
      const v = headers[rule.header.name]
      if (typeof v !== 'string' || !rule.header.pattern.test(v)) continue
    }
    if (rule.body && !rule.body.test(body)) continue
    const { phase, kind, code } = rule.failure
    return {
      phase,
      kind,
      code,
      message: MESSAGES[`${phase}:${kind}`] ?? 'The proxy could not reach the target.',
    }
  }
  return undefined
}
