// The words for a diagnosis's `retry` advice, shared by the check and explain renderers.
import type { Retry } from '@apidx/core'

/** One sentence per value of `retry` (docs/findings.md#retry). */
export const RETRY_TEXT: Readonly<Record<Retry, string>> = {
  never: 'Retry: no, the same request fails again; change it first.',
  'after-backoff': 'Retry: yes, after a backoff (throttling or a transient fault).',
  'after-fix': 'Retry: only after the fix; then the same request succeeds.',
}
