// The user's config, loaded once per command: extra pack paths and per-provider defaults.
import type { ApidxConfig } from '@apidx/core'

export interface Settings {
  config: ApidxConfig
  file?: string
  packPaths: string[]
}

/** Loads config from the working directory; code config only with APIDX_ALLOW_CODE_CONFIG=1. */
export async function loadSettings(): Promise<Settings> {
  const { loadConfig } = await import('@apidx/core')
  const { config, file } = await loadConfig({ allowCode: process.env.APIDX_ALLOW_CODE_CONFIG === '1' })
  return { config, ...(file ? { file } : {}), packPaths: config.packs ?? [] }
}
