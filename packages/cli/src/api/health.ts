// startHealthCheck: the method's "fire-and-forget with fallback" start-up check. It returns at once,
// never blocks the app and never throws into it: the check runs in the background, its state is
// readable at any time, and listeners hear every change, so a failing auxiliary service degrades a
// feature instead of blocking the app.
import type { CheckReport } from '@apidx/core'
import type { CheckOptions } from './check.js'

export type HealthState = 'checking' | 'available' | 'unavailable'

export interface HealthStatus {
  state: HealthState
  /** The last finished check's report; absent while the first check runs. */
  report?: CheckReport
  /** When the state last changed (ms since the epoch). */
  since: number
  /** Why the check itself could not run (a missing pack, a bad option): the state is then `unavailable`. */
  error?: { code: string; message: string }
}

export interface HealthCheckOptions {
  /** Check again this often (ms) after a pass; absent: check once. */
  intervalMs?: number
  /** Longest wait between checks while failing; the wait doubles from intervalMs up to this. */
  maxBackoffMs?: number
  /** Stops the health check (and the check in flight) when aborted. */
  signal?: AbortSignal
}

export interface HealthCheck {
  current(): HealthStatus
  /** Calls `listener` on every state change; returns a function that removes it. */
  onChange(listener: (status: HealthStatus) => void): () => void
  stop(): void
}

/** Runs one check; the health check passes its own signal so stop() ends a check in flight. */
export type CheckRunner = (signal: AbortSignal) => Promise<CheckReport>

/** The health check over any check runner (the library's `check`, or a test's). */
export function healthCheck(runCheck: CheckRunner, options: HealthCheckOptions = {}): HealthCheck {
  const controller = new AbortController()
  const listeners = new Set<(status: HealthStatus) => void>()
  let status: HealthStatus = { state: 'checking', since: Date.now() }
  let timer: NodeJS.Timeout | undefined
  let failures = 0

  const publish = (next: Omit<HealthStatus, 'since'>) => {
    const changed = next.state !== status.state
    status = { ...next, since: changed ? Date.now() : status.since }
    if (!changed) return
    for (const listener of listeners) {
      try {
        listener(status)
      } catch {
        // A listener's bug must not stop the health check or reach the app's start-up path.
      }
    }
  }
  const schedule = () => {
    if (options.intervalMs === undefined || controller.signal.aborted) return
    const wait = nextWait(options.intervalMs, options.maxBackoffMs, failures)
    timer = setTimeout(runOnce, wait)
    timer.unref()
  }
  const runOnce = () => {
    runCheck(controller.signal).then(
      (report) => {
        if (controller.signal.aborted) return
        failures = report.verdict === 'pass' ? 0 : failures + 1
        publish({ state: report.verdict === 'pass' ? 'available' : 'unavailable', report })
        schedule()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        failures += 1
        publish({ state: 'unavailable', error: safeError(error) })
        schedule()
      },
    )
  }
  const stop = () => {
    clearTimeout(timer)
    controller.abort()
  }
  options.signal?.addEventListener('abort', stop, { once: true })
  if (options.signal?.aborted) stop()
  else queueMicrotask(runOnce)
  return {
    current: () => status,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
  }
}

/** The wait before the next check: the interval after a pass, doubling per failure up to the cap. */
export function nextWait(intervalMs: number, maxBackoffMs: number | undefined, failures: number): number {
  const cap = maxBackoffMs ?? intervalMs * 16
  return Math.min(intervalMs * 2 ** Math.min(failures, 20), Math.max(cap, intervalMs))
}

/** A code and message only: library errors can carry request details that must not travel further. */
function safeError(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown }
  const code = typeof e?.code === 'string' ? e.code : 'ERR_INTERNAL'
  const message =
    typeof e?.message === 'string' && code !== 'ERR_INTERNAL' ? e.message : 'The check could not run.'
  return { code, message }
}

/**
 * The start-up health check over the library's `check`: returns synchronously in `checking`, never
 * blocks or throws into the app, and reports `available` or `unavailable` (with the report's root
 * cause) when the check finishes; with `intervalMs`, again on that interval, backing off while failing.
 */
export function startHealthCheck(options: CheckOptions & HealthCheckOptions): HealthCheck {
  const { intervalMs, maxBackoffMs, signal, ...checkOptions } = options
  const run: CheckRunner = async (abort) => {
    const { check } = await import('./check.js')
    return check({ ...checkOptions, signal: abort })
  }
  return healthCheck(run, {
    ...(intervalMs !== undefined ? { intervalMs } : {}),
    ...(maxBackoffMs !== undefined ? { maxBackoffMs } : {}),
    ...(signal ? { signal } : {}),
  })
}
