// Whether a failed request can succeed if sent again: the one table that maps a finding code (and the
// pack entry's `retryable`) to the `retry` every diagnosis carries, so a user's retry loop does not
// hammer a billing wall or give up on a throttle. docs/findings.md#retry explains the three values.
import type { Retry } from '../generated/index.js'

/**
 * Codes whose retry differs from their area's default. A vendor code the pack marks `retryable` is
 * `after-backoff` whatever its finding code (a busy engine reported as `vendor/error`).
 */
const BY_CODE: Readonly<Record<string, Retry>> = {
  'http/rate-limited': 'after-backoff',
  'http/server-error': 'after-backoff',
  'http/timeout': 'after-backoff',
  'http/closed-early': 'after-backoff',
  'ws/handshake-timeout': 'after-backoff',
  'ws/closed-early': 'after-backoff',
  'ws/no-response': 'after-backoff',
  'dns/timeout': 'after-backoff',
  'tcp/timeout': 'after-backoff',
  'proxy/timeout': 'after-backoff',
  'engine/probe-crashed': 'after-backoff',
  // Billing, entitlement, whitelist and clock: nothing in the request is wrong, the account or the
  // machine must change first, then the very same request succeeds.
  'quota/exhausted': 'after-fix',
  'auth/not-entitled': 'after-fix',
  'auth/ip-not-allowed': 'after-fix',
  'clock/skew': 'after-fix',
  'auth/forbidden': 'after-fix',
}

/** Area defaults: the network and TLS are fixed outside the request; auth, url, response inside it. */
const BY_AREA: Readonly<Record<string, Retry>> = {
  dns: 'after-fix',
  tcp: 'after-fix',
  tls: 'after-fix',
  proxy: 'after-fix',
  session: 'after-backoff',
}

/**
 * The retry advice for a finding code. `retryable` is the pack entry's flag when the finding came
 * from one: true means the vendor documents the code as transient; false overrides a transient
 * default (a 429 the vendor sends for an exhausted plan is not a throttle).
 */
export function retryFor(code: string, retryable?: boolean): Retry {
  if (retryable === true) return 'after-backoff'
  const known = Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined
  const area = code.split('/')[0] ?? ''
  const base = known ?? (Object.hasOwn(BY_AREA, area) ? BY_AREA[area] : undefined) ?? 'never'
  if (retryable === false && base === 'after-backoff') return 'after-fix'
  return base
}
