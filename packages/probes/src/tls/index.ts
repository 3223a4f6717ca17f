// tls: is the server's certificate trusted, current and issued for the host? From the one
// connection's TLS phase; each verification failure has its own code (DESIGN §6).
import { defineProbe } from '@apidx/core'

/** A certificate valid for fewer days than this is reported (a warning: the link still works). */
const EXPIRY_WARNING_DAYS = 14

export default defineProbe({
  meta: {
    id: 'tls',
    title: 'TLS',
    description:
      "Completes the TLS handshake and verifies the server's certificate (trust, validity dates, host name).",
    after: ['tcp'],
    appliesTo: { secureOnly: true },
    findings: {
      'tls/untrusted-certificate': {
        severity: 'error',
        description:
          'The certificate is not signed by a trusted authority (self-signed, or an intercepting proxy).',
      },
      'tls/expired-certificate': {
        severity: 'error',
        description: 'The certificate has expired (or is not valid yet).',
      },
      'tls/hostname-mismatch': {
        severity: 'error',
        description: 'The certificate does not name the host that was dialled.',
      },
      'tls/handshake-failed': {
        severity: 'error',
        description:
          'The TLS handshake failed for another reason (protocol, cipher, a non-TLS server, a timeout).',
      },
      'tls/expiring-certificate': {
        severity: 'warning',
        description: 'The certificate is valid but expires within 14 days.',
      },
    },
    docs: 'docs/findings.md#tls',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    ctx.measure(ex.timings.tls)
    const f = ex.failure
    const validTo = ex.tls?.validTo ? Date.parse(ex.tls.validTo) : NaN
    if (!f && Number.isFinite(validTo)) {
      const days = Math.floor((validTo - ctx.clock.now()) / 86_400_000)
      if (days < EXPIRY_WARNING_DAYS) {
        ctx.report({
          code: 'tls/expiring-certificate',
          message: `The certificate of ${ex.tlsName ?? ctx.target.url.hostname} expires in ${days} day(s) (${ex.tls!.validTo}); apidx warns under ${EXPIRY_WARNING_DAYS} days.`,
          fix: "Nothing to change on your side if it is the vendor's: the operator must renew it; a proxy's certificate is yours to renew.",
          data: { validTo: ex.tls!.validTo, days },
        })
      }
    }
    if (!f || f.phase !== 'tls') return
    // The name the certificate was checked against: the URL's host, or the servername the run was given.
    const host = ex.tlsName ?? ctx.target.url.hostname
    const data = { host, code: f.code }
    switch (f.tlsReason) {
      case 'untrusted':
        return ctx.report({
          code: 'tls/untrusted-certificate',
          message: `The certificate of ${host} is not trusted (${f.code}).`,
          fix: "If a proxy intercepts TLS, add its CA with NODE_EXTRA_CA_CERTS; otherwise the endpoint is not the vendor's: check the host.",
          data,
        })
      case 'expired':
      case 'not-yet-valid':
        return ctx.report({
          code: 'tls/expired-certificate',
          message: `The certificate of ${host} ${f.tlsReason === 'expired' ? 'has expired' : 'is not valid yet'} (${f.code}).`,
          fix: "Check this machine's date; if it is right, the server's certificate is out of date: report it to the server's operator.",
          data,
        })
      case 'hostname':
        return ctx.report({
          code: 'tls/hostname-mismatch',
          message: `The certificate presented does not name ${host} (${f.code}).`,
          fix: `Use the documented host (${new URL(ctx.target.version.url).hostname}); a certificate for another name means the wrong server or an intercepting proxy.`,
          data,
        })
      default:
        return ctx.report({
          code: 'tls/handshake-failed',
          message:
            f.kind === 'timeout'
              ? `No TLS handshake with ${host} within ${ctx.deadlines.tls} ms.`
              : `The TLS handshake with ${host} failed (${f.code ?? f.kind}).`,
          fix: 'Check that the port speaks TLS (wss:// or https://) and that no proxy blocks it.',
          data,
        })
    }
  },
})
