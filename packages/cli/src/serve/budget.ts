// How long a probe may take: Prometheus says how long it waits (X-Prometheus-Scrape-Timeout-Seconds),
// the probe answers before that, and the check's per-phase deadlines are scaled to fit inside.
import { DEFAULT_TIMEOUT_MS, deadlinesFor, runBudget } from '@apidx/core'

/** Seconds assumed when the header is absent (a manual curl): Prometheus's own default scrape timeout. */
export const DEFAULT_SCRAPE_TIMEOUT_SECONDS = 10
/** Kept back from the scrape timeout for the answer to travel, as blackbox_exporter's timeout_offset. */
export const TIMEOUT_OFFSET_MS = 500

/** The probe's budget in ms from the scrape-timeout header (bad or absent: the default). */
export function scrapeBudgetMs(header: string | string[] | undefined): number {
  const seconds = Number(Array.isArray(header) ? header[0] : header)
  const timeout = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SCRAPE_TIMEOUT_SECONDS
  return Math.max(100, timeout * 1000 - TIMEOUT_OFFSET_MS)
}

/** The check's base timeout: the module's (or the default) unless its whole run would not fit in `remainingMs`. */
export function checkTimeoutFor(remainingMs: number, moduleMs?: number): number {
  const wanted = moduleMs ?? DEFAULT_TIMEOUT_MS
  if (runBudget(deadlinesFor(wanted)) <= remainingMs) return wanted
  // runBudget is linear in the base: (sum of weights) × base + slack; solve it for the base that fits.
  const perMs = runBudget(deadlinesFor(1000)) - runBudget(deadlinesFor(0))
  const slack = runBudget(deadlinesFor(0))
  return Math.max(50, Math.floor(((remainingMs - slack) / perMs) * 1000))
}
