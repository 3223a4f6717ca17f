// The credentials a command may use for one pack: the pack's environment variables, overridden by the
// config's (its `${env:NAME}` read now, for this provider only), and whether an untrusted project
// config asks to send them somewhere new (then they are withheld, with how to trust it).
import path from 'node:path'
import { configNeedsTrust, providerCredentials, readCredentials, type LoadedPack } from '@apidx/core'
import type { Settings } from './settings.js'

/** What a check sends, and what it must say about what it does not. */
export interface CredentialPlan {
  values: Record<string, string>
  /** The variable each config credential reads, so a missing one is named as the user wrote it. */
  credentialEnv: Record<string, string>
  /** Set when an untrusted project config would choose where the credentials go. */
  withhold?: { reason: string; fix: string }
}

/** The credentials for `loaded` under `settings`. */
export function credentialPlan(
  loaded: LoadedPack,
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): CredentialPlan {
  const values = { ...readCredentials(loaded.pack, env).values }
  const fromConfig = providerCredentials(settings.config, loaded.pack.id, env)
  Object.assign(values, fromConfig.values)
  const credentialEnv: Record<string, string> = {}
  // The config says where this credential comes from: unset there means missing, named as written.
  for (const { name, variable } of fromConfig.unset) {
    delete values[name]
    credentialEnv[name] = variable
  }
  const plan: CredentialPlan = { values, credentialEnv }
  const withhold = untrustedReason(settings, loaded)
  if (withhold) plan.withhold = withhold
  return plan
}

/** Why an untrusted project config may not aim these credentials, with the command that trusts it. */
export function untrustedReason(
  settings: Settings,
  loaded: LoadedPack,
): { reason: string; fix: string } | undefined {
  if (settings.trusted || !settings.file) return undefined
  const reasons = configNeedsTrust(settings.config, loaded.pack, loaded.file)
  if (!reasons.length) return undefined
  return {
    reason: `The project config ${settings.file} is not trusted, and it changes where credentials go (${reasons.join('; ')}), so credentials were not sent.`,
    fix: `Read ${settings.file}; if you trust it, run \`apidx config trust\` in ${path.dirname(settings.file)} and check again.`,
  }
}
