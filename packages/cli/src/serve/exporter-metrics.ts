// The exporter's own metrics (`/metrics`): process metrics from prom-client, probes by module and
// result, their durations, and how many run now. Module names come from the config, never the query.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ProbeOutcome } from './probe-metrics.js'

export function exporterMetrics(inFlight: () => number) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const probes = new Counter({
    name: 'apidx_probes_total',
    help: 'Probes run, by module and result (success, failure, timeout).',
    labelNames: ['module', 'result'],
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'apidx_probe_duration_seconds',
    help: 'Duration of probes, by module.',
    labelNames: ['module'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  new Gauge({
    name: 'apidx_probes_in_flight',
    help: 'Probes running now.',
    registers: [registry],
    collect() {
      this.set(inFlight())
    },
  })
  return {
    registry,
    observe(module: string, outcome: ProbeOutcome) {
      const result = outcome.timedOut ? 'timeout' : outcome.report?.verdict === 'pass' ? 'success' : 'failure'
      probes.inc({ module, result })
      duration.observe({ module }, outcome.durationSeconds)
    },
  }
}
