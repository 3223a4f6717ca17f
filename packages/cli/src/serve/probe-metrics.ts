// The exposition of one probe, in blackbox_exporter's names where they exist (probe_success,
// probe_duration_seconds) and apidx's for what only apidx knows: the phases, the root cause, the clock
// skew and the vendor's error code. Every label value comes from the redacted report, never a credential.
import { Gauge, Registry } from 'prom-client'
import type { CheckReport } from '@apidx/core'

/** What a probe produced: the report, or nothing when the scrape deadline came first. */
export interface ProbeOutcome {
  report?: CheckReport
  durationSeconds: number
  timedOut: boolean
}

/** The report's phase timings (ms) by the label value apidx uses for each. */
const PHASES = ['dns', 'tcp', 'tls', 'handshake', 'firstFrame'] as const

/** Label values stay short: a code or a vendor's code, never free text. */
const label = (v: unknown) => String(v).slice(0, 100)

/** Renders one probe's metrics in the Prometheus text format. */
export async function probeExposition(outcome: ProbeOutcome): Promise<string> {
  const registry = new Registry()
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] })
  const r = outcome.report
  gauge('probe_success', 'Whether the check passed (1) or diagnosed a fault (0).').set(
    r?.verdict === 'pass' ? 1 : 0,
  )
  gauge('probe_duration_seconds', 'How long the probe took to complete in seconds.').set(
    outcome.durationSeconds,
  )
  gauge('apidx_probe_timed_out', 'Whether the scrape deadline ended the probe before its report (1).').set(
    outcome.timedOut ? 1 : 0,
  )
  if (!r) return registry.metrics()
  const phases = gauge('apidx_phase_duration_seconds', 'Duration of each phase of the connection.', ['phase'])
  for (const p of PHASES) if (r.timings[p] !== undefined) phases.set({ phase: p }, r.timings[p]! / 1000)
  const cause = gauge(
    'apidx_root_cause_info',
    "The diagnosed root cause (1); absent when healthy. Codes are documented in apidx's docs/findings.md.",
    ['code', 'probe'],
  )
  if (r.rootCause) cause.set({ code: label(r.rootCause.code), probe: label(r.rootCause.probe) }, 1)
  const skew = r.findings.find((f) => typeof f.data.offsetSeconds === 'number')
  if (skew)
    gauge(
      'apidx_clock_skew_seconds',
      "Local clock minus the server's Date, in seconds (present when the clock probe measured a skew).",
    ).set(skew.data.offsetSeconds as number)
  const vendor = gauge('apidx_vendor_error_info', 'An error code the vendor answered with (1).', ['code'])
  for (const f of r.findings)
    if (f.data.vendorCode !== undefined && f.data.vendorCode !== null)
      vendor.set({ code: label(f.data.vendorCode) }, 1)
  return registry.metrics()
}
