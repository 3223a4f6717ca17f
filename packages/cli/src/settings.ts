// The user's config, loaded once per command: extra pack paths, per-provider defaults, and whether a
// project config is trusted to choose where credentials go (`apidx config trust`).
import type { ApidxConfig, ConfigScope } from '@apidx/core'

export interface Settings {
  config: ApidxConfig
  file?: string
  scope?: ConfigScope
  /** The config file's text (its hash is what `apidx config trust` records). */
  text?: string
  /** True for no config, a user-level config, or a project config trusted with exactly this text. */
  trusted: boolean
  packPaths: string[]
}

/** Loads config from the working directory; code config only with APIDX_ALLOW_CODE_CONFIG=1. */
export async function loadSettings(env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const { loadConfig, isConfigTrusted } = await import('@apidx/core')
  const loaded = await loadConfig({ allowCode: env.APIDX_ALLOW_CODE_CONFIG === '1', env })
  const { config, file, scope, text } = loaded
  const trusted = file === undefined || scope === 'user' || (await isConfigTrusted(file, text ?? '', env))
  return {
    config,
    ...(file ? { file } : {}),
    ...(scope ? { scope } : {}),
    ...(text !== undefined ? { text } : {}),
    trusted,
    packPaths: config.packs ?? [],
  }
}
