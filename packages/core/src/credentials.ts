// Reads a pack's credentials from the environment variables it declares (DESIGN §7: never from
// flags, which would show in `ps`). Pure over the env object, so tests pass their own.
import type { ProviderPack } from './generated/index.js'

/** Credential values by the pack's names, and the required ones that are not set. */
export interface CredentialRead {
  values: Record<string, string>
  /** Required (non-optional) credentials without a value, with the variable to set. */
  missing: { name: string; env: string }[]
}

/**
 * Reads each credential of `pack` from its `env` variable. Empty values count as missing; values
 * are used exactly as set (no trimming: a stray space is a real, diagnosable mistake).
 */
export function readCredentials(
  pack: ProviderPack,
  env: Record<string, string | undefined> = process.env,
): CredentialRead {
  const values: Record<string, string> = {}
  const missing: { name: string; env: string }[] = []
  for (const [name, cred] of Object.entries(pack.credentials)) {
    const value = Object.hasOwn(env, cred.env) ? env[cred.env] : undefined
    if (value) values[name] = value
    else if (!cred.optional) missing.push({ name, env: cred.env })
  }
  return { values, missing }
}

/**
 * The values of the credentials a pack does not mark `secret: false`: what every report of a run must
 * mask (a credential whose secrecy the pack leaves unsaid counts as secret).
 */
export function secretValues(pack: ProviderPack, credentials: Record<string, string>): string[] {
  return Object.entries(credentials)
    .filter(([name]) => pack.credentials[name]?.secret !== false)
    .map(([, v]) => v)
}
