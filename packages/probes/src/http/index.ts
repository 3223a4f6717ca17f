// http: the answer of an HTTP service to the one request — a redirect (not followed), 404, 429, 5xx,
// or no answer in time. 401/403 are left to the auth link.
import { defineProbe } from '@apidx/core'
import { bodyExcerpt, matchingRules } from '../shared/rules.js'
import { reportStatus, STATUS_FINDINGS } from '../shared/status.js'
import { declaredCode } from '../shared/frames.js'

export default defineProbe({
  meta: {
    id: 'http',
    title: 'HTTP request',
    description:
      "Sends the pack's probe request once (no retry, no redirect followed) and reads the status and a capped body.",
    after: ['tls', 'version'],
    appliesTo: { protocols: ['http'] },
    findings: {
      ...STATUS_FINDINGS,
      'http/timeout': { severity: 'error', description: 'The server did not answer within the deadline.' },
      'http/rejected': {
        severity: 'error',
        description: 'The server answered with a 4xx status apidx has no more specific code for.',
      },
      'http/closed-early': {
        severity: 'error',
        description:
          'The server closed the connection before the response ended: with no answer at all, or after the head.',
      },
      'http/invalid-response': {
        severity: 'error',
        description:
          'The server answered with bytes that are not an HTTP response (another protocol, or a head larger than apidx reads).',
      },
      'url/wrong-scheme': {
        severity: 'error',
        description: 'A plain http:// request reached a server that speaks TLS only.',
      },
    },
    docs: 'docs/findings.md#http',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    const { target } = ctx
    ctx.measure(ex.timings.handshake)
    const f = ex.failure
    if (f && (f.phase === 'dns' || f.phase === 'tcp' || f.phase === 'tls')) return
    if (!ex.response) {
      const ms = f?.phase === 'firstFrame' ? ctx.deadlines.firstFrame : ctx.deadlines.handshake
      if (f?.kind === 'timeout')
        return ctx.report({
          code: 'http/timeout',
          message: `${target.url.host} did not answer within ${ms} ms.`,
          fix: 'Check the endpoint and any proxy; raise --timeout on a slow network.',
          data: { code: f.code ?? null },
        })
      if (f?.kind === 'protocol')
        return ctx.report({
          code: 'http/invalid-response',
          message: `${target.url.host} answered with something that is not an HTTP response (${f.code}).`,
          fix:
            f.code === 'HPE_HEADER_OVERFLOW'
              ? 'The response head is larger than any client reads: a misconfigured server or proxy in between; report it to its operator.'
              : `The port does not serve HTTP${target.url.protocol === 'http:' ? ' (it may expect TLS: try https://)' : ''}: check the endpoint (documented: ${target.version.url}).`,
          data: { code: f.code },
        })
      // A reset is not slowness: waiting longer would not help, so it is not reported as a timeout.
      return ctx.report({
        code: 'http/closed-early',
        message: `${target.url.host} closed the connection without an answer (${f?.code ?? 'no answer'}).`,
        fix: 'Something on the path drops the request: check the port serves HTTP(S) for this endpoint, and any proxy or firewall in between.',
        data: { status: null, code: f?.code ?? null },
      })
    }
    const res = ex.response
    const host = target.url.host
    // A body still arriving at its deadline: a trickle, not an answer (it could hold the run forever).
    if (f && f.phase === 'firstFrame' && f.kind === 'timeout') {
      return ctx.report({
        code: 'http/timeout',
        message: `${host} answered ${res.status}, but the body did not end within ${ctx.deadlines.firstFrame} ms.`,
        fix: 'A server or proxy that trickles its answer: check the endpoint and any proxy; raise --timeout on a slow network.',
        data: { status: res.status, code: f.code ?? null },
      })
    }
    if (f && f.phase === 'firstFrame' && f.kind !== 'timeout') {
      return ctx.report({
        code: 'http/closed-early',
        message: `${host} answered ${res.status}, then closed the connection before the body ended (${f.code ?? f.kind}).`,
        fix: "A fault on the vendor's side or a proxy in between: retry; if it persists, open a ticket with the time.",
        data: { status: res.status, code: f.code ?? null },
      })
    }
    // nginx's answer to plain HTTP on its TLS port: the scheme, not the request, is wrong.
    if (
      target.url.protocol === 'http:' &&
      new URL(target.version.url).protocol === 'https:' &&
      res.status === 400
    ) {
      return ctx.report({
        code: 'url/wrong-scheme',
        message: `${host} answered a plain http:// request with 400: it expects TLS.`,
        fix: `Use https://${host}${target.url.pathname} (documented: ${target.version.url}).`,
        data: { status: 400, bodyExcerpt: bodyExcerpt(res.body) },
      })
    }
    // A body with a code the pack declares is explained by the vendor-error link, whatever the status.
    if (res.status >= 400 && declaredCode(target, res.body) !== undefined) return
    if (reportStatus(ctx, res, 'request')) return
    if ((res.status === 401 || res.status === 403) && target.version.auth) return
    if (res.status >= 400) {
      const rule = matchingRules(target, res)[0]
      // A pack rule for another link (a 400 "IncompleteSignature" is an auth fault, a 400 "Signature
      // expired" a clock fault) is reported by that link; a rule naming a status finding is reported here.
      if (
        rule &&
        (rule.diagnosis.startsWith('auth/') || rule.diagnosis === 'clock/skew') &&
        target.version.auth
      )
        return
      if (rule && rule.diagnosis in STATUS_FINDINGS) {
        return ctx.report({
          code: rule.diagnosis as keyof typeof STATUS_FINDINGS,
          message: `${target.url.host} answered ${res.status}: ${rule.meaning}`,
          fix: rule.fix,
          data: { status: res.status, bodyExcerpt: bodyExcerpt(res.body) },
        })
      }
      ctx.report({
        code: 'http/rejected',
        message: `${target.url.host} answered ${res.status}${rule ? `: ${rule.meaning}` : ''}.`,
        fix: rule?.fix ?? `Compare the request with ${target.service.docs}.`,
        data: { status: res.status, bodyExcerpt: bodyExcerpt(res.body) },
      })
    }
  },
})
