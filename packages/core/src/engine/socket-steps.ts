// Small steps shared by the direct connection and the proxy hop: a promise raced against a phase
// deadline, and waiting for one socket event.
import type net from 'node:net'

export const TIMEOUT = Symbol('timeout')

/** Races a promise against a phase deadline; `onTimeout` cleans up. */
export function withDeadline<T>(
  p: Promise<T>,
  ms: number,
  onTimeout: () => void,
): Promise<T | typeof TIMEOUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout()
      resolve(TIMEOUT)
    }, ms)
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}

/** Resolves on `event`, rejects on `error` or an early `close`. */
export function once(emitter: net.Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: unknown) => {
      cleanup()
      reject(err)
    }
    const onClose = () => {
      cleanup()
      reject(Object.assign(new Error('closed'), { code: 'ECONNRESET' }))
    }
    const onEvent = () => {
      cleanup()
      resolve()
    }
    const cleanup = () => {
      emitter.off('error', onError)
      emitter.off('close', onClose)
      emitter.off(event, onEvent)
    }
    emitter.once('error', onError)
    emitter.once('close', onClose)
    emitter.once(event, onEvent)
  })
}
