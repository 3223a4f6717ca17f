// tcp: does anything accept a connection on the endpoint's port? From the one connection's TCP phase.
import { defineProbe } from '@apidx/core'

export default defineProbe({
  meta: {
    id: 'tcp',
    title: 'TCP connect',
    description: "Opens a TCP connection to the endpoint's address and port, within the connect deadline.",
    after: ['dns'],
    findings: {
      'tcp/refused': {
        severity: 'error',
        description: 'Nothing listens on the port: the connection was refused.',
      },
      'tcp/timeout': {
        severity: 'error',
        description:
          'The connection attempt was not answered within the deadline (a firewall dropping packets, or a wrong address).',
      },
      'tcp/ipv6-unreachable': {
        severity: 'warning',
        description:
          'The host has IPv4 and IPv6 addresses and one family fails while the other works: clients that try only the first address hang or fail.',
      },
      'tcp/unreachable': {
        severity: 'error',
        description: 'The host or its network is unreachable from this machine.',
      },
    },
    docs: 'docs/findings.md#tcp',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    ctx.measure(ex.timings.tcp)
    const ff = ex.familyFailure
    if (ff) {
      const family = ff.family === 6 ? 'IPv6' : 'IPv4'
      const worked = ff.family === 6 ? 'IPv4' : 'IPv6'
      ctx.report({
        code: 'tcp/ipv6-unreachable',
        message:
          `${family} ${ff.ip} failed (${ff.failure.code ?? ff.failure.kind}); ${worked} ${ex.address?.ip ?? ''} worked.`.replace(
            ' ;',
            ';',
          ),
        fix:
          ff.family === 6
            ? 'Prefer IPv4 in your client: node --dns-result-order=ipv4first, or autoSelectFamily: true (Node ≥ 20 default) so a dead IPv6 route falls back; or fix the IPv6 route.'
            : 'Prefer IPv6 in your client (node --dns-result-order=verbatim with autoSelectFamily: true), or fix the IPv4 route.',
        data: {
          family: ff.family,
          failedAddress: ff.ip,
          code: ff.failure.code,
          workingAddress: ex.address?.ip ?? null,
        },
      })
    }
    const f = ex.failure
    if (!f || f.phase !== 'tcp') return
    const where =
      (ex.address ? `${ex.address.ip}:${ex.address.port}` : ctx.target.url.host) +
      (f.viaProxy && ex.proxy ? ` (reported by the proxy ${ex.proxy.shown})` : '')
    const data = { address: where, code: f.code }
    if (f.kind === 'refused') {
      ctx.report({
        code: 'tcp/refused',
        message: `Connection to ${where} was refused: nothing listens there.`,
        fix: `Check the port of the endpoint (documented: ${ctx.target.version.url}); for a local server, start it.`,
        data,
      })
    } else if (f.kind === 'timeout') {
      const port = ex.address?.port
      // Office and cloud networks often let only 80 and 443 out: AWS Transcribe's 8443 is the classic victim.
      const fix =
        port !== undefined && port !== 80 && port !== 443
          ? `Outbound port ${port} is often closed where only 80 and 443 may leave (office, VPN and cloud firewalls): open it for this host, or try from another network to confirm.`
          : `Check firewalls and proxies between this machine and the host (outbound port ${port ?? 'of the URL'}).`
      ctx.report({
        code: 'tcp/timeout',
        message: `No answer to the connection attempt to ${where} within ${ctx.deadlines.connect} ms.`,
        fix,
        data: { ...data, deadlineMs: ctx.deadlines.connect },
      })
    } else {
      ctx.report({
        code: 'tcp/unreachable',
        message: `${where} is unreachable (${f.code ?? f.kind}).`,
        fix: 'Check the network connection, VPN and routes of this machine.',
        data,
      })
    }
  },
})
