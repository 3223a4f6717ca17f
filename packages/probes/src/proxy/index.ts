// proxy: the proxy between this machine and the vendor, as its own link: can it be reached, does it
// accept our credentials, does it open the tunnel? Read from the one connection's proxy hop.
import { defineProbe, type ProxyHop } from '@apidx/core'

/** Evidence of the hop: never the proxy's credentials (the shown URL masks the password). */
function dataOf(hop: ProxyHop): Record<string, unknown> {
  return {
    proxy: hop.shown,
    source: hop.source,
    target: hop.authority,
    ...(hop.address ? { address: `${hop.address.ip}:${hop.address.port}` } : {}),
    ...(hop.status !== undefined ? { status: hop.status } : {}),
    timings: hop.timings,
  }
}

export default defineProbe({
  meta: {
    id: 'proxy',
    title: 'Proxy',
    description:
      'Connects to the proxy (from --proxy or HTTPS_PROXY/HTTP_PROXY/ALL_PROXY) and opens a CONNECT tunnel to the endpoint.',
    after: [],
    appliesTo: { proxiedOnly: true },
    findings: {
      'proxy/refused': {
        severity: 'error',
        description: 'Nothing listens at the proxy address: the connection was refused.',
      },
      'proxy/timeout': {
        severity: 'error',
        description:
          'The proxy did not accept the connection, or did not answer CONNECT, within the deadline.',
      },
      'proxy/unreachable': {
        severity: 'error',
        description:
          "The proxy's host name does not resolve, or its network is unreachable, or it closed the connection.",
      },
      'proxy/auth-required': {
        severity: 'error',
        description: 'The proxy answered 407: it needs credentials, or rejected the ones in its URL.',
      },
      'proxy/connect-rejected': {
        severity: 'error',
        description:
          'The proxy answered CONNECT with a status other than 2xx (a policy, a blocked port or host).',
      },
    },
    docs: 'docs/findings.md#proxy',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    const hop = ex.proxy
    if (!hop) return
    ctx.measure((hop.timings.tcp ?? 0) + (hop.timings.connect ?? 0))
    const f = hop.failure
    if (!f) return
    const data = { ...dataOf(hop), code: f.code }
    const where = `${hop.shown} (from ${hop.source})`
    const unset = hop.source === '--proxy' ? 'drop --proxy' : `unset ${hop.source}`
    if (f.kind === 'refused')
      return ctx.report({
        code: 'proxy/refused',
        message: `The proxy ${where} refused the connection: nothing listens there.`,
        fix: `Check the proxy's host and port with your network admin, or ${unset} (or pass --no-proxy) if this network needs no proxy.`,
        data,
      })
    if (f.kind === 'timeout')
      return ctx.report({
        code: 'proxy/timeout',
        message: `${f.code === 'ETIMEDOUT' && hop.timings.connect !== undefined ? `The proxy ${where} did not answer CONNECT` : `No connection to the proxy ${where}`} within the deadline.`,
        fix: `Check that the proxy is reachable from this network (VPN on?); if it is slow, raise --timeout; or ${unset} if no proxy is needed.`,
        data,
      })
    if (f.kind === 'auth-required')
      return ctx.report({
        code: 'proxy/auth-required',
        message: `The proxy ${where} answered 407 Proxy Authentication Required${hop.authenticate ? ` (${hop.authenticate})` : ''}: ${hop.withCredentials ? 'it rejected the user and password in the proxy URL' : 'the proxy URL has no user and password'}.`,
        fix:
          hop.authenticate && !/^basic$/i.test(hop.authenticate)
            ? `The proxy asks for ${hop.authenticate} authentication, which apidx (like Node) cannot do: ask IT for a Basic-auth proxy or an exemption for this host.`
            : `Put the proxy credentials in the URL: ${hop.source === '--proxy' ? '--proxy' : hop.source}=http://USER:PASSWORD@${hop.shown.replace(/^[a-z]+:\/\/([^@]*@)?/, '')} (percent-encode special characters).`,
        data: { ...data, ...(hop.authenticate ? { authenticate: hop.authenticate } : {}) },
      })
    if (f.kind === 'connect-rejected')
      return ctx.report({
        code: 'proxy/connect-rejected',
        message: `The proxy ${where} refused to open a tunnel to ${hop.authority} (CONNECT answered ${hop.status}).`,
        fix: `Ask your network admin to allow CONNECT to ${hop.authority} (many proxies allow only port 443), or add the host to NO_PROXY if it can be reached directly.`,
        data,
      })
    return ctx.report({
      code: 'proxy/unreachable',
      message: `The proxy ${where} could not be reached: ${f.message}`,
      fix: `Check the proxy's host name and this machine's network, or ${unset} if no proxy is needed.`,
      data,
    })
  },
})
