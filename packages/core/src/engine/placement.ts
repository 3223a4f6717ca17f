// The engine's invariant that a failure never goes unexplained: when the one connection failed and no
// link took the failure as its own (a link failed, or the link that owns the phase warned), the run is
// not healthy. The failure is placed in the link that owns its phase, as `engine/unplaced-failure`, so
// a gap in the probes reads as a fault with its phase and code, never as PASS (issue 14, defect 1).
import type { Link } from '../generated/index.js'
import type { Exchange } from './exchange.js'
import { label, type Phase } from './safe-error.js'
import type { EngineFinding } from './types.js'

/** One link of the chain as run: the report's Link (schemas/report.schema.json). */
export type LinkResult = Link

/** Status of one link after the run. */
export type LinkStatus = Link['status']

/** The links that read each phase of the connection, in the order one is chosen to hold the failure. */
const OWNERS: Record<Phase, string[]> = {
  proxy: ['proxy'],
  dns: ['dns'],
  tcp: ['tcp'],
  tls: ['tls'],
  handshake: ['http', 'websocket'],
  firstFrame: ['http', 'websocket', 'response'],
  session: ['response', 'websocket'],
}

export const UNPLACED_CODE = 'engine/unplaced-failure'

/**
 * The finding for a failure no link explained, or undefined when the failure is placed (or there is
 * none). `links` is read, not changed; the caller marks the returned finding's link as failed.
 */
export function unplacedFailure(
  exchange: Exchange | undefined,
  links: LinkResult[],
): EngineFinding | undefined {
  const failure = exchange?.failure
  if (!failure) return undefined
  if (links.some((l) => l.status === 'fail')) return undefined
  const owners = OWNERS[failure.phase]
  if (links.some((l) => owners.includes(l.id) && l.status === 'warn')) return undefined
  const ran = links.filter((l) => l.status !== 'skip')
  const holder = ran.find((l) => owners.includes(l.id)) ?? ran[ran.length - 1] ?? links[links.length - 1]
  return {
    code: UNPLACED_CODE,
    severity: 'error',
    probe: holder?.id ?? 'engine',
    message: `The ${label(failure.phase)} failed (${failure.code ?? failure.kind}): ${failure.message} No check named a cause for it.`,
    fix: 'Retry once to rule out a transient fault; if it persists, the server is not speaking the protocol of the URL. Please report the output of --json: apidx should name this cause.',
    data: { phase: failure.phase, kind: failure.kind, code: failure.code },
  }
}

/** Marks the finding's link as failed with its code. */
export function placeIn(links: LinkResult[], finding: EngineFinding): LinkResult[] {
  return links.map((l) =>
    l.id === finding.probe ? { ...l, status: 'fail', codes: [finding.code, ...l.codes] } : l,
  )
}
