// Plans the chain for one target: the probes that apply to its protocol, URL scheme and auth, in
// dependency order, with each link's effective dependencies (a dependency that does not apply, such
// as `tls` for a ws:// URL, is replaced by its own).
import type { Target } from '../pack/target.js'
import type { ProbeRegistry } from './define.js'
import type { Probe } from './types.js'

/** What the plan knows of the run besides the target. */
export interface RunShape {
  /** True when the connection goes through a proxy (the proxy link applies). */
  proxied?: boolean
}

/** One planned link: the probe and the planned links it waits for. */
export interface PlannedLink {
  probe: Probe
  needs: string[]
}

/** True when the probe has something to check on this target. */
export function applies(probe: Probe, target: Target, run: RunShape = {}): boolean {
  const a = probe.meta.appliesTo
  if (!a) return true
  if (a.proxiedOnly && !run.proxied) return false
  if (a.protocols && !a.protocols.includes(target.version.protocol)) return false
  if (a.secureOnly && !(target.url.protocol === 'wss:' || target.url.protocol === 'https:')) return false
  if (a.signedOnly && !target.version.auth) return false
  return true
}

/** The chain for `target`, in an order where every link comes after the links it needs. */
export function planChain(target: Target, registry: ProbeRegistry, run: RunShape = {}): PlannedLink[] {
  const planned = new Map(registry.probes.filter((p) => applies(p, target, run)).map((p) => [p.meta.id, p]))
  const resolveNeeds = (id: string, seen = new Set<string>()): string[] => {
    const probe = registry.get(id)
    if (!probe || seen.has(id)) return []
    seen.add(id)
    return probe.meta.after.flatMap((dep) => (planned.has(dep) ? [dep] : resolveNeeds(dep, seen)))
  }
  const links = [...planned.values()].map((probe) => ({
    probe,
    needs: [...new Set(resolveNeeds(probe.meta.id))],
  }))
  // Stable topological sort: registry order, each link after its needs.
  const out: PlannedLink[] = []
  const placed = new Set<string>()
  while (out.length < links.length) {
    const next = links.find((l) => !placed.has(l.probe.meta.id) && l.needs.every((n) => placed.has(n)))
    if (!next)
      throw new Error(
        `probe dependencies form a cycle: ${links
          .filter((l) => !placed.has(l.probe.meta.id))
          .map((l) => l.probe.meta.id)
          .join(', ')}`,
      )
    out.push(next)
    placed.add(next.probe.meta.id)
  }
  return out
}
