// A fake clock for the check engine (RunOptions.clock): the local time a run reads when it signs,
// stamps its report and compares the server's Date. Deadlines still use real timers, so a test
// can put the machine six minutes behind without waiting six minutes.

/** A clock the test moves by hand. */
export interface FakeClock {
  now(): number
  /** Moves the clock to an instant (ms since epoch, an ISO string or a Date). */
  set(instant: number | string | Date): void
  /** Moves the clock by `ms` (negative goes back). */
  advance(ms: number): void
}

/** A clock standing still at `start` (default: the real time now) until the test moves it. */
export function fakeClock(start: number | string | Date = Date.now()): FakeClock {
  let t = toMs(start)
  return {
    now: () => t,
    set: (instant) => {
      t = toMs(instant)
    },
    advance: (ms) => {
      t += ms
    },
  }
}

/** A clock that runs with real time, `offsetMs` ahead of it (behind when negative): a machine's wrong clock. */
export function offsetClock(offsetMs: number): { now(): number } {
  return { now: () => Date.now() + offsetMs }
}

function toMs(instant: number | string | Date): number {
  const ms =
    typeof instant === 'number'
      ? instant
      : typeof instant === 'string'
        ? Date.parse(instant)
        : instant.getTime()
  if (!Number.isFinite(ms)) throw new TypeError(`not an instant: ${String(instant)}`)
  return ms
}
