// Demo credentials the emulated vendor knows, and the wrong ones a scenario's client uses: fixed,
// obviously fake values, so offline runs are reproducible and nobody mistakes them for real keys.
import type { ProviderPack } from '@apidx/core'
import { schemeFacts } from './scheme.js'
import type { Scenario } from './types.js'

/**
 * Fixed, obviously fake demo values, one per declared credential (`apidx-demo-apikey-000…`),
 * cut or padded to the length the pack states for the credential.
 */
export function demoCredentials(pack: ProviderPack): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, c] of Object.entries(pack.credentials))
    values[name] = fit(`apidx-demo-${name.toLowerCase()}-`, c.length)
  return values
}

/**
 * The credentials a scenario's client signs with: the demo ones; with the secret changed
 * (`wrong-secret`), the key id changed (`unknown-key`), or none (`missing-credentials`).
 */
export function clientCredentials(
  pack: ProviderPack,
  scenario: Scenario,
  known: Record<string, string>,
  schemeId: string | null,
): Record<string, string> {
  const mode = scenario.client?.credentials
  if (mode === 'none') return {}
  const values = { ...known }
  if (mode === undefined) return values
  const facts = schemeFacts(pack, schemeId)
  const names = mode === 'wrong-secret' ? (facts?.secrets ?? []) : (facts?.keyIds ?? [])
  for (const name of names) {
    const v = values[name]
    if (v !== undefined)
      values[name] = fit(
        mode === 'wrong-secret' ? 'apidx-wrong-secret-' : 'apidx-unknown-key-',
        v.length || pack.credentials[name]?.length,
      )
  }
  return values
}

/** `prefix` padded with zeros (or cut) to `length`; the prefix plus eight zeros without one. */
function fit(prefix: string, length: number | undefined): string {
  if (length === undefined) return `${prefix}00000000`
  return prefix.length >= length ? prefix.slice(0, length) : prefix.padEnd(length, '0')
}
