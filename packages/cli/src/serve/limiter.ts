// A counting semaphore whose waits have a deadline: probes beyond the bound queue, and a probe that
// cannot start before its scrape would time out gives up instead of running late.

export interface Limiter {
  /** Resolves with a release function once a slot is free, or with null when `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<(() => void) | null>
  /** Probes running now. */
  readonly active: number
}

export function createLimiter(max: number): Limiter {
  let active = 0
  const waiting: (() => void)[] = []
  const release = () => {
    active--
    waiting.shift()?.()
  }
  return {
    get active() {
      return active
    },
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(null)
      if (active < max) {
        active++
        return Promise.resolve(once(release))
      }
      return new Promise((resolve) => {
        const wake = () => {
          signal.removeEventListener('abort', cancel)
          active++
          resolve(once(release))
        }
        const cancel = () => {
          const i = waiting.indexOf(wake)
          if (i >= 0) waiting.splice(i, 1)
          resolve(null)
        }
        waiting.push(wake)
        signal.addEventListener('abort', cancel, { once: true })
      })
    },
  }
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (!done) fn()
    done = true
  }
}
