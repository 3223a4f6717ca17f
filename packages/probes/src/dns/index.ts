// dns: does the endpoint's host resolve? Read from the one connection's DNS phase, never a second lookup.
import { defineProbe } from '@apidx/core'

export default defineProbe({
  meta: {
    id: 'dns',
    title: 'DNS',
    description: "Resolves the endpoint's host name, within the DNS deadline.",
    after: [],
    findings: {
      'dns/not-found': { severity: 'error', description: 'The host name does not resolve.' },
      'dns/timeout': { severity: 'error', description: 'The resolver did not answer within the deadline.' },
    },
    docs: 'docs/findings.md#dns',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    ctx.measure(ex.timings.dns)
    const host = ctx.target.url.hostname
    const f = ex.failure
    if (!f || f.phase !== 'dns') return
    if (f.kind === 'timeout') {
      ctx.report({
        code: 'dns/timeout',
        message: `The resolver did not answer for ${host} within ${ctx.deadlines.dns} ms.`,
        fix: 'Check the DNS server this machine uses (or its VPN/proxy settings), then retry; raise --timeout on a slow network.',
        data: { host, code: f.code, deadlineMs: ctx.deadlines.dns },
      })
      return
    }
    ctx.report({
      code: 'dns/not-found',
      message: `${host} does not resolve (${f.code ?? 'no address'}).`,
      fix: `Check the host name for typos against the documented endpoint ${ctx.target.version.url}; if it is right, check this machine's DNS or proxy settings.`,
      data: { host, code: f.code },
    })
  },
})
