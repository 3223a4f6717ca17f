// tls: is the server's certificate trusted, current and issued for the host? From the one
// connection's TLS phase; each verification failure has its own code (DESIGN §6).
import { defineProbe, hostAllowed, type Exchange, type Target } from '@apidx/core'

/** What every TLS finding shows of the peer certificate: enough to name an interceptor at a glance. */
function certificateEvidence(ex: Exchange): Record<string, unknown> {
  const t = ex.tls
  if (!t) return {}
  return {
    ...(t.subject ? { subject: t.subject } : {}),
    ...(t.issuer ? { issuer: t.issuer } : {}),
    ...(t.validFrom ? { validFrom: t.validFrom } : {}),
    ...(t.validTo ? { validTo: t.validTo } : {}),
    ...(t.fingerprint256 ? { fingerprint256: t.fingerprint256 } : {}),
  }
}

/** The certificate in one clause, for messages. */
function shown(ex: Exchange): string {
  const t = ex.tls
  if (!t?.subject && !t?.issuer) return ''
  return ` Certificate: subject ${t.subject ?? '?'}, issuer ${t.issuer ?? '?'}, valid ${t.validFrom ?? '?'} to ${t.validTo ?? '?'}, SHA-256 ${t.fingerprint256 ?? '?'}.`
}

/** The issuer, when the pack lists its vendor's issuers, the host is the vendor's, and the issuer is not among them. */
function unexpectedIssuer(target: Target, host: string, ex: Exchange): string | undefined {
  const expected = target.pack.tls?.expectedIssuers
  const issuer = ex.tls?.issuer
  if (!expected || !issuer || !hostAllowed(target.pack, host)) return undefined
  const lower = issuer.toLowerCase()
  return expected.some((e) => lower.includes(e.name.toLowerCase())) ? undefined : issuer
}

/** The fix for an intercepted connection: trust the interceptor knowingly, or get the host exempted. */
const INTERCEPT_FIX = (host: string) =>
  `If your network inspects TLS (a corporate proxy, antivirus), get its CA from IT and trust it for Node with NODE_EXTRA_CA_CERTS=/path/to/corp-ca.pem (the proxy's CA), or ask IT to exempt ${host} from inspection; otherwise this is not the vendor's server.`

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
      'tls/intercepted': {
        severity: 'error',
        description:
          "The certificate of one of the pack's hosts comes from an issuer the vendor does not use (the pack's tls.expectedIssuers): TLS interception by a proxy or antivirus. An error when the chain fails verification, a warning when it verifies only thanks to a locally trusted root.",
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
    const evidence = certificateEvidence(ex)
    const tlsHost = ex.tlsName ?? ctx.target.url.hostname
    const interceptor = unexpectedIssuer(ctx.target, tlsHost, ex)
    if (interceptor && (!f || (f.phase === 'tls' && f.tlsReason === 'untrusted'))) {
      const expected = ctx.target.pack.tls!.expectedIssuers!.map((e) => e.name).join(', ')
      return ctx.report({
        code: 'tls/intercepted',
        ...(f ? {} : { severity: 'warning' as const }),
        message: `The certificate of ${tlsHost} is issued by ${interceptor}, not by an issuer ${ctx.target.pack.name} uses (${expected}): the connection is intercepted${f ? ` and the issuer is not trusted (${f.code})` : ', and this machine trusts the interceptor'}.${shown(ex)}`,
        fix: INTERCEPT_FIX(tlsHost),
        data: { host: tlsHost, ...(f ? { code: f.code } : {}), expectedIssuers: expected, ...evidence },
      })
    }
    const validTo = ex.tls?.validTo ? Date.parse(ex.tls.validTo) : NaN
    if (!f && Number.isFinite(validTo)) {
      const days = Math.floor((validTo - ctx.clock.now()) / 86_400_000)
      if (days < EXPIRY_WARNING_DAYS) {
        ctx.report({
          code: 'tls/expiring-certificate',
          message: `The certificate of ${ex.tlsName ?? ctx.target.url.hostname} expires in ${days} day(s) (${ex.tls!.validTo}); apidx warns under ${EXPIRY_WARNING_DAYS} days.`,
          fix: "Nothing to change on your side if it is the vendor's: the operator must renew it; a proxy's certificate is yours to renew.",
          data: { days, ...evidence },
        })
      }
    }
    if (!f || f.phase !== 'tls') return
    // The name the certificate was checked against: the URL's host, or the servername the run was given.
    const host = ex.tlsName ?? ctx.target.url.hostname
    const data = { host, code: f.code, ...evidence }
    switch (f.tlsReason) {
      case 'untrusted':
        return ctx.report({
          code: 'tls/untrusted-certificate',
          message: `The certificate of ${host} is not trusted (${f.code}).${shown(ex)}`,
          fix: "If a proxy intercepts TLS, add its CA with NODE_EXTRA_CA_CERTS; otherwise the endpoint is not the vendor's: check the host.",
          data,
        })
      case 'expired':
      case 'not-yet-valid':
        return ctx.report({
          code: 'tls/expired-certificate',
          message: `The certificate of ${host} ${f.tlsReason === 'expired' ? 'has expired' : 'is not valid yet'} (${f.code}).${shown(ex)}`,
          fix: "Check this machine's date; if it is right, the server's certificate is out of date: report it to the server's operator.",
          data,
        })
      case 'hostname':
        return ctx.report({
          code: 'tls/hostname-mismatch',
          message: `The certificate presented does not name ${host} (${f.code}).${shown(ex)}`,
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
