// dns: does the endpoint's host resolve? Read from the one connection's DNS phase, never a second lookup.
import { CONTROL_HOST, defineProbe } from '@apidx/core'

export default defineProbe({
  meta: {
    id: 'dns',
    title: 'DNS',
    description: "Resolves the endpoint's host name, within the DNS deadline.",
    after: ['proxy'],
    findings: {
      'dns/not-found': { severity: 'error', description: 'The host name does not resolve.' },
      'dns/timeout': { severity: 'error', description: 'The resolver did not answer within the deadline.' },
      'dns/resolved': { severity: 'info', description: 'Evidence: the addresses the host resolves to.' },
      'dns/no-resolver': {
        severity: 'error',
        description:
          'No name resolves at all: a control lookup of example.com fails too, so the resolver (not the host) is the problem.',
      },
    },
    docs: 'docs/findings.md#dns',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    ctx.measure(ex.timings.dns)
    if (ex.addresses?.length)
      ctx.report({
        code: 'dns/resolved',
        message: `${ctx.target.url.hostname} resolves to ${ex.addresses.map((a) => a.ip).join(', ')}.`,
        data: { addresses: ex.addresses },
      })
    const host = ctx.target.url.hostname
    const f = ex.failure
    if (!f || f.phase !== 'dns') return
    const via =
      f.viaProxy && ex.proxy
        ? ` (reported by the proxy ${ex.proxy.shown}, which resolves names for this connection)`
        : ''
    if (f.kind === 'no-resolver') {
      ctx.report({
        code: 'dns/no-resolver',
        message: `${host} does not resolve, and neither does ${CONTROL_HOST}: no DNS resolver answers on this machine (${f.code ?? 'no answer'}).`,
        fix: 'Check the network connection and the DNS servers in use (/etc/resolv.conf, VPN); behind a corporate proxy, set HTTPS_PROXY so that the proxy resolves names.',
        data: { host, control: CONTROL_HOST, code: f.code },
      })
      return
    }
    if (f.kind === 'timeout') {
      ctx.report({
        code: 'dns/timeout',
        message: `The resolver did not answer for ${host} within ${ctx.deadlines.dns} ms${via}.`,
        fix: 'Check the DNS server this machine uses (or its VPN/proxy settings), then retry; raise --timeout on a slow network.',
        data: { host, code: f.code, deadlineMs: ctx.deadlines.dns },
      })
      return
    }
    ctx.report({
      code: 'dns/not-found',
      message: `${host} does not resolve (${f.code ?? 'no address'})${via}.`,
      fix: `Check the host name for typos against the documented endpoint ${ctx.target.version.url}; if it is right, check this machine's DNS or proxy settings.`,
      data: { host, code: f.code },
    })
  },
})
