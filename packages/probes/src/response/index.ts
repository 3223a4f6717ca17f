// response: do the first frames (or the body) have the format the pack documents? Not JSON, a schema
// mismatch (with the pointer), or a legacy shape the pack recognises (a version mix-up, named with its
// fix). Frames carrying a vendor error code are left to the vendor-error link.
import { checkFrame, defineProbe, excerpt, getPointer, loadFrameValidator } from '@apidx/core'
import { answerUnits, documentOf, failingCode } from '../shared/frames.js'

export default defineProbe({
  meta: {
    id: 'response',
    title: 'Response format',
    description:
      "Checks the first frames (or the body) against the pack's response schema, recognising declared legacy shapes.",
    after: ['auth'],
    findings: {
      'response/not-json': {
        severity: 'error',
        description: 'A frame or body the pack documents as JSON does not parse as JSON.',
      },
      'response/schema-mismatch': {
        severity: 'error',
        description: "A frame does not match the pack's response schema; the data names the JSON pointer.",
      },
      'response/legacy-format': {
        severity: 'error',
        description:
          'A frame has a legacy shape of the same vendor: the endpoint and the configured version do not agree.',
      },
      'ws/no-response': {
        severity: 'warning',
        description: 'Frames stopped before the end of the stream the pack documents.',
      },
      'session/missing-id': {
        severity: 'warning',
        description: 'The server-assigned session id the pack documents did not arrive.',
      },
    },
    docs: 'docs/findings.md#response',
  },
  async run(ctx) {
    const { target } = ctx
    const r = target.version.response
    const ex = await ctx.exchange()
    ctx.measure(ex.timings.firstFrame)
    if (!r) return
    const units = answerUnits(ex, target)
    if (!units.length) return
    const label = (i: number) => (ex.protocol === 'websocket' ? `Frame ${i + 1}` : 'The body')
    if (r.format === 'json') {
      await loadFrameValidator()
      for (const unit of units) {
        const doc = documentOf(target, unit)
        if (doc === undefined) {
          return ctx.report({
            code: 'response/not-json',
            message: `${label(unit.index)} is not JSON${unit.binary ? ' (a binary frame)' : `: "${excerpt(unit.text.replace(/\s+/g, ' '), 120)}"`}.`,
            fix: `Check that ${target.url.pathname} is the ${target.serviceId} ${target.versionId} endpoint (${target.version.url}); a proxy or another service answers in another format.`,
            data: { frame: unit.index, excerpt: excerpt(unit.text, 200) },
          })
        }
        if (failingCode(target, doc) !== undefined || !r.schema) continue
        const problem = checkFrame(r.schema, doc)
        if (!problem) continue
        const legacy = (r.legacy ?? []).find((l) => checkFrame(l.schema, doc) === undefined)
        if (legacy) {
          return ctx.report({
            code: 'response/legacy-format',
            message: `${label(unit.index)} has the shape of ${legacy.name}, not of ${versionLabel(target)}.`,
            fix: legacy.fix,
            data: {
              frame: unit.index,
              legacy: legacy.name,
              ...(legacy.service ? { legacyService: legacy.service } : {}),
            },
          })
        }
        return ctx.report({
          code: 'response/schema-mismatch',
          message: `${label(unit.index)} does not match the ${target.serviceId} ${target.versionId} format: ${problem.pointer || '(the document)'} ${problem.message}.`,
          fix: `Check the endpoint and version against ${target.version.source}; the documented frame has the fields the schema in the pack lists.`,
          data: {
            frame: unit.index,
            pointer: problem.pointer,
            problem: problem.message,
            excerpt: excerpt(unit.text, 200),
          },
        })
      }
    }
    if (ex.failure?.phase === 'session') {
      ctx.report({
        code: 'ws/no-response',
        severity: 'warning',
        message: `Frames stopped after ${ex.frames.length} frame(s) without the end of the stream, for ${ctx.deadlines.session} ms.`,
        fix: 'Check that the last request frame marks the end of the input as the documentation says.',
        data: { frames: ex.frames.length, deadlineMs: ctx.deadlines.session },
      })
    }
    const session = target.version.session
    if (session?.idFrom === 'server' && session.pointer) {
      const first = documentOf(target, units[0]!)
      const id = first === undefined ? undefined : getPointer(first, session.pointer)
      if (typeof id !== 'string' || id === '') {
        ctx.report({
          code: 'session/missing-id',
          message: `The first frame has no session id at ${session.pointer}.`,
          fix: 'Vendor support needs the session id; check the endpoint returns the documented frames.',
          data: { pointer: session.pointer },
        })
      }
    }
  },
})

/**
 * How a message names the target's version: its title when the pack gives one (titles already say
 * service and version, and may hold their own parentheses: "iat v2 (iat-api host, recommended)"),
 * else "service version".
 */
export function versionLabel(target: {
  serviceId: string
  versionId: string
  version: { title?: string }
}): string {
  return target.version.title ?? `${target.serviceId} ${target.versionId}`
}
