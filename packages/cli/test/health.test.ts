// startHealthCheck's contract, over a stand-in check runner: returns at once in `checking`, never
// throws into the app, publishes every change, backs off while failing, and stop() ends a check in flight.
import { describe, expect, it, vi } from 'vitest'
import type { CheckReport } from '@apidx/core'
import { healthCheck, nextWait, type HealthStatus } from '../src/api/health.js'

const report = (verdict: 'pass' | 'fail'): CheckReport =>
  ({ verdict, rootCause: verdict === 'pass' ? null : { code: 'clock/skew' } }) as unknown as CheckReport

/** Waits until `predicate` holds, polling the event loop (no wall-clock assertion). */
async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !predicate(); i++) await new Promise((r) => setImmediate(r))
  expect(predicate()).toBe(true)
}

describe('healthCheck', () => {
  it('starts in checking and becomes available after a passing check', async () => {
    let resolve!: (r: CheckReport) => void
    const hc = healthCheck(() => new Promise((r) => (resolve = r)))
    expect(hc.current().state).toBe('checking')
    await until(() => resolve !== undefined)
    resolve(report('pass'))
    await until(() => hc.current().state === 'available')
    expect(hc.current().report?.verdict).toBe('pass')
  })

  it('reports unavailable with the report of a failing check', async () => {
    const seen: HealthStatus[] = []
    const hc = healthCheck(async () => report('fail'))
    hc.onChange((s) => seen.push(s))
    await until(() => seen.length === 1)
    expect(seen[0]!.state).toBe('unavailable')
    expect(seen[0]!.report?.rootCause?.code).toBe('clock/skew')
  })

  it('turns a check that throws into unavailable with a code, never a rejection', async () => {
    const hc = healthCheck(async () => {
      throw Object.assign(new Error('No provider pack "iflytk".'), { code: 'ERR_PACK_NOT_FOUND' })
    })
    await until(() => hc.current().state === 'unavailable')
    expect(hc.current().error).toEqual({ code: 'ERR_PACK_NOT_FOUND', message: 'No provider pack "iflytk".' })
  })

  it('hides the message of an unexpected error, which may come from a library that saw the request', async () => {
    const hc = healthCheck(async () => {
      throw new Error('GET https://host/?authorization=secret failed')
    })
    await until(() => hc.current().state === 'unavailable')
    expect(JSON.stringify(hc.current())).not.toContain('secret')
  })

  it('keeps a throwing listener from breaking the others', async () => {
    const hc = healthCheck(async () => report('pass'))
    const calls: string[] = []
    hc.onChange(() => {
      throw new Error('listener bug')
    })
    hc.onChange((s) => calls.push(s.state))
    await until(() => calls.length === 1)
    expect(calls).toEqual(['available'])
  })

  it('aborts the check in flight on stop() and publishes nothing after', async () => {
    let signal: AbortSignal | undefined
    const hc = healthCheck((s) => ((signal = s), new Promise(() => {})))
    const listener = vi.fn()
    hc.onChange(listener)
    await until(() => signal !== undefined)
    hc.stop()
    expect(signal!.aborted).toBe(true)
    expect(listener).not.toHaveBeenCalled()
  })

  it('re-checks on the interval, doubling the wait while failing up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((f) => nextWait(1000, 5000, f))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(nextWait(1000, undefined, 30)).toBe(16000)
  })

  it('runs again after the interval, with fake timers', async () => {
    vi.useFakeTimers()
    try {
      let runs = 0
      const hc = healthCheck(async () => (runs++, report(runs === 1 ? 'fail' : 'pass')), { intervalMs: 1000 })
      await vi.advanceTimersByTimeAsync(0)
      expect(hc.current().state).toBe('unavailable')
      await vi.advanceTimersByTimeAsync(2000)
      expect(runs).toBe(2)
      expect(hc.current().state).toBe('available')
      hc.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
