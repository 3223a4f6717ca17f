// Probes are plain objects and the registry is an explicit list (STYLE habit 2): no classes, no
// side effects at import time, no scan of node_modules.
import type { Probe, ProbeContext, ProbeMeta } from './types.js'

/** Declares a probe. Returns it unchanged; the point is the type check and one place to validate meta. */
export function defineProbe(probe: {
  meta: ProbeMeta
  checkStatic?: (ctx: ProbeContext) => void
  run: (ctx: ProbeContext) => Promise<void> | void
}): Probe {
  if (!/^[a-z][a-z0-9-]*$/.test(probe.meta.id))
    throw new Error(`probe id "${probe.meta.id}" must be lower-case kebab`)
  for (const code of Object.keys(probe.meta.findings)) {
    if (!/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/.test(code))
      throw new Error(`probe "${probe.meta.id}" declares an invalid finding code "${code}"`)
  }
  return probe
}

/** An ordered set of probes by id. The order is the chain order when dependencies allow. */
export interface ProbeRegistry {
  readonly probes: readonly Probe[]
  get(id: string): Probe | undefined
}

/** Builds a registry from an explicit list; duplicate ids are a programming error. */
export function createRegistry(probes: readonly Probe[]): ProbeRegistry {
  const byId = new Map<string, Probe>()
  for (const p of probes) {
    if (byId.has(p.meta.id)) throw new Error(`two probes have the id "${p.meta.id}"`)
    byId.set(p.meta.id, p)
  }
  return { probes: [...probes], get: (id) => byId.get(id) }
}
