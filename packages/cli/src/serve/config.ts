// The exporter's config: named modules (blackbox_exporter's shape, serve-config.schema.json), each the
// check options of one endpoint, credentials read from the exporter's environment at start-up.
import type { ApidxConfig, ApidxServeConfig } from '@apidx/core'
import type { CheckOptions } from '../api/check.js'
import { toCheckOptions } from '../api/targets.js'
import { interpolateCredentials, readFleetFile } from '../api/fleet-file.js'

/** A loaded exporter config: module name → check options. */
export interface ServeConfig {
  modules: Map<string, CheckOptions>
  maxConcurrentProbes: number
}

/** Default bound of probes in flight: a scrape storm cannot open unbounded connections. */
export const DEFAULT_MAX_CONCURRENT_PROBES = 8

/** Reads and validates the exporter config; a ${env:} reference to an unset variable stops start-up. */
export async function loadServeConfig(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  config: ApidxConfig = {},
): Promise<ServeConfig> {
  const doc = (await readFleetFile(file, 'serve-config')) as ApidxServeConfig
  const entries = Object.entries(doc.modules)
  interpolateCredentials(
    file,
    entries.map(([name, m]) => [`/modules/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, m]),
    env,
  )
  return {
    modules: new Map(entries.map(([name, m]) => [name, { ...toCheckOptions(m, env), config }])),
    maxConcurrentProbes: doc.maxConcurrentProbes ?? DEFAULT_MAX_CONCURRENT_PROBES,
  }
}
