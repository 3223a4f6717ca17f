// Renders `apidx config trust`'s result. A pure function: data in, text out.
import { printable } from '@apidx/core'

/** What `apidx config trust` did (also its --json document). */
export interface TrustView {
  file: string
  scope: 'user' | 'project'
  /** The sha256 recorded for a project config; null for a user-level one (always trusted). */
  hash: string | null
  /** True when the file was already trusted as it is. */
  alreadyTrusted: boolean
}

export function renderTrust(view: TrustView): string {
  const file = printable(view.file)
  if (view.scope === 'user') return `${file} is your user-level config: it is always trusted.`
  return [
    `Trusted ${file} (sha256 ${view.hash?.slice(0, 12)}…)${view.alreadyTrusted ? ', as before' : ''}.`,
    'Its endpoints, packs and ${env:} references now apply to your credentials. Editing the file withdraws the trust until you run apidx config trust again.',
  ].join('\n')
}
