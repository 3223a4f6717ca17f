// The targets of `check --targets <file>`: the file's entries as check options, credentials read from
// the environment, names defaulted from the entry.
import type { ApidxTargets, TargetEntry } from '@apidx/core'
import type { FleetTarget } from './check-all.js'
import { interpolateCredentials, readFleetFile } from './fleet-file.js'

/** A targets file, read and validated. */
export interface LoadedTargets {
  targets: FleetTarget[]
  /** The file's own concurrency, when it sets one. */
  concurrency?: number
}

/** Reads a targets file (YAML or JSON, targets.schema.json) into check options. */
export async function loadTargets(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedTargets> {
  const doc = (await readFleetFile(file, 'targets')) as ApidxTargets
  interpolateCredentials(
    file,
    doc.targets.map((t, i) => [`/targets/${i}`, t]),
    env,
  )
  return {
    targets: doc.targets.map((t) => toCheckOptions(t, env)),
    ...(doc.concurrency ? { concurrency: doc.concurrency } : {}),
  }
}

/** One entry as check options: the same names, `timeout` as `timeoutMs`. */
export function toCheckOptions(entry: TargetEntry, env: NodeJS.ProcessEnv): FleetTarget {
  return {
    provider: entry.provider,
    env,
    ...(entry.name ? { name: entry.name } : {}),
    ...(entry.service ? { service: entry.service } : {}),
    ...(entry.version ? { version: entry.version } : {}),
    ...(entry.endpoint ? { endpoint: entry.endpoint } : {}),
    ...(entry.timeout ? { timeoutMs: entry.timeout } : {}),
    ...(entry.credentials ? { credentials: entry.credentials } : {}),
  }
}
