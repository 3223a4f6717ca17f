// The library's `checkAll`: many endpoints at once, at most `concurrency` in flight, reports kept in
// the targets' order, and the summary whose worst verdict decides the exit code.
import { performance } from 'node:perf_hooks'
import type { CheckReport, FleetReport, FleetSummary } from '@apidx/core'
import { check, type CheckOptions } from './check.js'

/** One endpoint of a fleet: check options plus the name the summary shows. */
export interface FleetTarget extends CheckOptions {
  /** The label of this target; `provider/service/version` (from the report) when absent. */
  name?: string
}

export interface CheckAllOptions {
  /** How many checks run at once (default {@link DEFAULT_CONCURRENCY}). */
  concurrency?: number
  /** Called as each target's report is ready, in completion order (for progress). */
  onReport?: (report: CheckReport, index: number) => void
}

/** The default bound: enough to overlap network waits, few enough to stay polite to one vendor. */
export const DEFAULT_CONCURRENCY = 8

/** Checks every target, at most `concurrency` at once; rejects on the first invalid target (ApidxError). */
export async function checkAll(targets: FleetTarget[], options: CheckAllOptions = {}): Promise<FleetReport> {
  const started = performance.now()
  const limit = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY))
  const reports: CheckReport[] = new Array(targets.length)
  let next = 0
  const worker = async () => {
    while (next < targets.length) {
      const i = next++
      reports[i] = await check(targets[i]!)
      options.onReport?.(reports[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, targets.length) }, worker))
  return { reports, summary: summarize(targets, reports, performance.now() - started) }
}

/** The summary of a fleet run: counts, the worst verdict and one row per target. */
export function summarize(targets: FleetTarget[], reports: CheckReport[], durationMs: number): FleetSummary {
  const failed = reports.filter((r) => r.verdict === 'fail').length
  return {
    verdict: failed ? 'fail' : 'pass',
    total: reports.length,
    passed: reports.length - failed,
    failed,
    durationMs: Math.round(durationMs),
    targets: reports.map((r, i) => ({
      name: targets[i]?.name ?? `${r.provider}/${r.service}/${r.version}`,
      verdict: r.verdict,
      rootCause: r.rootCause?.code ?? null,
      durationMs: r.durationMs,
    })),
  }
}
