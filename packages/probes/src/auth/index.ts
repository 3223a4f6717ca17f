// auth: was the signed request accepted? Missing or withheld credentials first (naming the variables
// to set), then a 401/403 answer matched against the pack's handshake rules (most specific first; the
// other matching rules become ranked alternatives), else a plain unauthorized/forbidden.
import { defineProbe } from '@apidx/core'
import { bodyExcerpt, matchingRules, vendorName } from '../shared/rules.js'
import { declaredCode } from '../shared/frames.js'

const AUTH_CODES = {
  'auth/missing-credentials': {
    severity: 'error',
    description:
      'Credentials the auth scheme needs are not set; the message names the environment variables.',
  },
  'auth/credentials-withheld': {
    severity: 'error',
    description:
      "Credentials were not sent: the host is outside the pack's hosts, or the channel is not encrypted.",
  },
  'auth/signature-mismatch': {
    severity: 'error',
    description: 'The server could not verify the signature (wrong secret, wrong string to sign).',
  },
  'auth/unknown-key': { severity: 'error', description: 'The server does not know the API key.' },
  'auth/ip-not-allowed': {
    severity: 'error',
    description: "The machine's IP is not in the application's whitelist.",
  },
  'auth/not-entitled': {
    severity: 'error',
    description:
      'Valid credentials, but the account is not enabled for this service, model, voice or region (a pack rule says so).',
  },
  'quota/exhausted': {
    severity: 'error',
    description:
      'The request was refused because credit, plan, licence or daily allowance is used up (a pack rule says so).',
  },
  'auth/unauthorized': {
    severity: 'error',
    description: 'The server answered 401 with no more specific rule in the pack.',
  },
  'auth/forbidden': {
    severity: 'error',
    description: 'The server answered 403 with no more specific rule in the pack.',
  },
} as const

export default defineProbe({
  meta: {
    id: 'auth',
    title: 'Authentication',
    description:
      "Checks the credentials are set and may be sent, and that the signed request was accepted; maps a rejection through the pack's handshake rules.",
    after: ['clock'],
    appliesTo: { signedOnly: true },
    findings: AUTH_CODES,
    docs: 'docs/findings.md#auth',
  },
  // Known before any packet, so reported even when DNS or TCP fails first (a co-cause, not the root).
  checkStatic(ctx) {
    const { target, credentials } = ctx
    if (!credentials.complete) {
      const vars = credentials.missing.map((m) => m.env)
      return ctx.report({
        code: 'auth/missing-credentials',
        message: `${vendorName(target)} credentials are not set: ${vars.join(', ')}. The unauthenticated links were checked.`,
        fix: `Set ${vars.join(', ')} in the environment (values from the ${vendorName(target)} console), or under providers.${target.pack.id}.credentials in .apidxrc with \${env:NAME}.`,
        data: { variables: vars, credentials: credentials.missing.map((m) => m.name) },
      })
    }
    if (credentials.withheld) {
      return ctx.report({
        code: 'auth/credentials-withheld',
        message: credentials.withheld,
        fix:
          credentials.withheldFix ??
          `Use the documented endpoint ${target.version.url}, or name the endpoint explicitly with --endpoint to trust it.`,
        data: {},
      })
    }
  },
  async run(ctx) {
    const { target, credentials } = ctx
    if (!credentials.complete || credentials.withheld) return
    const ex = await ctx.exchange()
    const res = ex.response
    if (!res || res.status < 400) return
    // 401 and 403 are this link's; another 4xx only when a pack rule says it is an auth fault (AWS's 400 IncompleteSignature).
    const authRule = matchingRules(target, res).find((r) => r.diagnosis !== 'clock/skew')
    if (
      res.status !== 401 &&
      res.status !== 403 &&
      !(res.status < 500 && authRule && authRule.diagnosis in AUTH_CODES)
    )
      return
    // A REST body with a code the pack declares: the vendor-error link names that code's meaning.
    if (ex.protocol === 'http' && declaredCode(target, res.body) !== undefined) return
    const rules = matchingRules(target, res).filter((r) => r.diagnosis !== 'clock/skew')
    const [rule, ...others] = rules
    const alternatives = others.map((r) => ({ code: r.diagnosis, meaning: r.meaning, fix: r.fix }))
    const evidence = { status: res.status, bodyExcerpt: bodyExcerpt(res.body) }
    if (rule && rule.diagnosis in AUTH_CODES) {
      return ctx.report({
        code: rule.diagnosis,
        message: `The server answered ${res.status} "${bodyExcerpt(res.body, 120)}": ${rule.meaning}${rule.cause ? ` Likely cause: ${rule.cause}` : ''}`,
        fix: rule.fix,
        data: {
          ...evidence,
          ...(rule.source ? { source: rule.source } : {}),
          ...(rule.confidence ? { confidence: rule.confidence } : {}),
          alternatives,
        },
      })
    }
    const code = res.status === 401 ? 'auth/unauthorized' : 'auth/forbidden'
    ctx.report({
      code,
      message: `The server answered ${res.status} "${bodyExcerpt(res.body, 120)}"${rule ? `: ${rule.meaning}` : ''}.`,
      fix:
        rule?.fix ??
        `Check the credentials and the signature against ${target.service.docs} (\`apidx sign --explain\` shows every step).`,
      data: { ...evidence, alternatives },
    })
  },
})
