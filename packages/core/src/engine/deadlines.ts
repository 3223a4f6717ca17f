// One deadline per network phase, so a hang names its phase (blackbox_exporter: the core owns the
// deadline). `--timeout` scales them all from one base value.

/** Milliseconds allowed for each phase of the one connection. */
export interface PhaseDeadlines {
  dns: number
  connect: number
  tls: number
  /** HTTP request to response head (the WebSocket upgrade or the HTTP response). */
  handshake: number
  /** Upgrade (or response head) to the first frame (or the whole body). */
  firstFrame: number
  /** Between later frames, until the end of the stream. */
  session: number
}

/** The base timeout of a CLI run, in ms: generous for a slow network, short enough for a person. */
export const DEFAULT_TIMEOUT_MS = 5000

/** Relative weight of each phase against the base timeout. */
const WEIGHTS: PhaseDeadlines = { dns: 1, connect: 1, tls: 1, handshake: 1, firstFrame: 1.5, session: 2 }

/** Deadlines scaled from one base value (the `--timeout` flag). */
export function deadlinesFor(baseMs: number = DEFAULT_TIMEOUT_MS): PhaseDeadlines {
  const base = Math.max(50, Math.floor(baseMs))
  const scale = (w: number) => Math.round(base * w)
  return {
    dns: scale(WEIGHTS.dns),
    connect: scale(WEIGHTS.connect),
    tls: scale(WEIGHTS.tls),
    handshake: scale(WEIGHTS.handshake),
    firstFrame: scale(WEIGHTS.firstFrame),
    session: scale(WEIGHTS.session),
  }
}

/** The longest a whole run can take: every phase at its deadline, plus slack for the probes. */
export function runBudget(d: PhaseDeadlines): number {
  return d.dns + d.connect + d.tls + d.handshake + d.firstFrame + d.session + 1000
}
