// Diagnosis: the root cause is the first broken link of the chain (findings arrive in chain order),
// and further causes are ranked after it: the other pack rules that matched the same evidence, then
// any other error. A renderer never computes this (DESIGN §1).
import type { EngineFinding } from '../engine/types.js'
import type { Cause } from '../generated/index.js'
import { retryFor } from './retry.js'

/** The root cause and the ranked causes of a run. */
export interface Diagnosis<F extends EngineFinding = EngineFinding> {
  rootCause: F | null
  causes: Cause[]
}

/** An alternative explanation a probe attached to a finding (`data.alternatives`). */
export interface Alternative {
  code: string
  meaning: string
  fix: string | null
}

function alternativesOf(f: EngineFinding): Alternative[] {
  const alts = f.data.alternatives
  if (!Array.isArray(alts)) return []
  return alts.filter(
    (a): a is Alternative =>
      Boolean(a) &&
      typeof a === 'object' &&
      typeof (a as Alternative).code === 'string' &&
      typeof (a as Alternative).meaning === 'string',
  )
}

/** Diagnoses findings that are in chain order. */
export function diagnose<F extends EngineFinding>(findings: readonly F[]): Diagnosis<F> {
  const errors = findings.filter((f) => f.severity === 'error')
  const rootCause = errors[0] ?? null
  if (!rootCause) return { rootCause: null, causes: [] }
  const causes: Omit<Cause, 'rank'>[] = [
    {
      code: rootCause.code,
      likelihood: 'observed',
      message: rootCause.message,
      fix: rootCause.fix,
      retry: findingRetry(rootCause),
    },
  ]
  const seen = new Set([`${rootCause.code}\u0000${rootCause.message}`])
  const add = (c: Omit<Cause, 'rank'>) => {
    const key = `${c.code}\u0000${c.message}`
    if (seen.has(key)) return
    seen.add(key)
    causes.push(c)
  }
  for (const alt of alternativesOf(rootCause))
    add({
      code: alt.code,
      likelihood: 'likely',
      message: alt.meaning,
      fix: alt.fix,
      retry: retryFor(alt.code),
    })
  for (const f of errors.slice(1)) {
    add({ code: f.code, likelihood: 'likely', message: f.message, fix: f.fix, retry: findingRetry(f) })
    for (const alt of alternativesOf(f))
      add({
        code: alt.code,
        likelihood: 'possible',
        message: alt.meaning,
        fix: alt.fix,
        retry: retryFor(alt.code),
      })
  }
  return { rootCause, causes: causes.slice(0, 50).map((c, i) => ({ rank: i + 1, ...c })) }
}

/** A finding's retry advice: the one the report set, else from its code and the pack's `retryable`. */
function findingRetry(f: EngineFinding & { retry?: Cause['retry'] }): Cause['retry'] {
  if (f.retry) return f.retry
  return retryFor(f.code, typeof f.data.retryable === 'boolean' ? f.data.retryable : undefined)
}
