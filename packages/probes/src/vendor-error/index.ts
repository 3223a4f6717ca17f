// vendor-error: did the vendor answer with an error code? The code is read where the pack says it is
// and mapped through the service's own table (codes are per service), giving the vendor's meaning and
// fix; a pack entry may name a more specific finding code.
import { defineProbe, getPointer, resolveError } from '@apidx/core'
import { answerUnits, documentOf, failingCode } from '../shared/frames.js'
import { vendorError, vendorName } from '../shared/rules.js'

const SPECIFIC = {
  'auth/ip-not-allowed': {
    severity: 'error',
    description: 'The vendor code means the IP is not whitelisted.',
  },
  'auth/unknown-key': { severity: 'error', description: 'The vendor code means the key is unknown.' },
  'auth/signature-mismatch': {
    severity: 'error',
    description: 'The vendor code means the signature is wrong.',
  },
  'auth/unauthorized': {
    severity: 'error',
    description: 'The vendor code means the request is not authorised.',
  },
  'auth/forbidden': { severity: 'error', description: 'The vendor code means access is forbidden.' },
  'clock/skew': { severity: 'error', description: 'The vendor code means the timestamp was rejected.' },
  'auth/missing-credentials': {
    severity: 'error',
    description: 'The vendor code means a credential (app id, key) was not sent.',
  },
  'http/rate-limited': {
    severity: 'error',
    description: 'The vendor code means a rate limit (throttling) was hit: retry after a backoff.',
  },
  'quota/exhausted': {
    severity: 'error',
    description:
      'The vendor code means credit, plan, licence or a daily/token allowance is used up: retrying does not help.',
  },
  'auth/not-entitled': {
    severity: 'error',
    description: 'The vendor code means the account is not enabled for this service, model, voice or region.',
  },
  'http/server-error': {
    severity: 'error',
    description: "The vendor code means a fault on the vendor's side.",
  },
} as const

export default defineProbe({
  meta: {
    id: 'vendor-error',
    title: 'Vendor status',
    description:
      "Reads the vendor's status code from the frames or body and maps it through the pack's per-service error table.",
    after: ['response'],
    findings: {
      'vendor/error': {
        severity: 'error',
        description:
          "The vendor answered with an error code; `vendorCode`, its meaning and fix come from the pack's table for the service.",
      },
      ...SPECIFIC,
    },
    docs: 'docs/findings.md#vendor',
  },
  async run(ctx) {
    const { target } = ctx
    const ex = await ctx.exchange()
    const r = target.version.response
    if (!r?.errorCode) return
    for (const unit of answerUnits(ex, target)) {
      const doc = documentOf(target, unit)
      const code = failingCode(target, doc)
      if (code === undefined) continue
      const said = r.errorMessage ? getPointer(doc, r.errorMessage) : undefined
      // The message picks the meaning when the code has several (the entry's byMessage).
      const found = vendorError(target, code)
      const entry = found ? resolveError(found, said) : undefined
      const sessionPointer = target.version.session?.pointer
      const sid = sessionPointer ? getPointer(doc, sessionPointer) : undefined
      const vendor = vendorName(target)
      const status = ex.response?.status
      const where =
        ex.protocol === 'websocket'
          ? `in frame ${unit.index + 1}`
          : status !== undefined && status >= 300
            ? `with status ${status}`
            : 'in the body'
      const saidText = typeof said === 'string' && said ? ` ("${said.slice(0, 200)}")` : ''
      const data = {
        vendorCode: code,
        service: target.serviceId,
        ...(typeof said === 'string' ? { vendorMessage: said.slice(0, 500) } : {}),
        ...(typeof sid === 'string' ? { sessionId: sid } : {}),
        ...(entry
          ? {
              meaning: entry.meaning,
              ...(entry.vendorText ? { vendorText: entry.vendorText } : {}),
              ...(entry.cause ? { cause: entry.cause } : {}),
              source: entry.source,
              ...(entry.confidence ? { confidence: entry.confidence } : {}),
              // Only what the pack states: the core reads it for the finding's `retry`.
              ...(entry.retryable !== undefined ? { retryable: entry.retryable } : {}),
            }
          : { meaning: null }),
      }
      if (!entry) {
        return ctx.report({
          code: 'vendor/error',
          message: `${vendor} answered code ${code} ${where}${saidText}; the pack has no entry for it in ${target.serviceId}.`,
          fix: `Look the code up in ${target.service.docs}${typeof sid === 'string' ? ` and quote sid ${sid} to support` : ''}.`,
          data,
        })
      }
      const specific =
        entry.diagnosis && entry.diagnosis in SPECIFIC
          ? (entry.diagnosis as keyof typeof SPECIFIC)
          : 'vendor/error'
      return ctx.report({
        code: specific,
        message: `${vendor} answered code ${code} ${where}${saidText}: ${entry.meaning}${entry.cause ? ` Likely cause: ${entry.cause}` : ''}`,
        fix: entry.fix,
        data,
      })
    }
  },
})
