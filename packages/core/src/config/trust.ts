// Trust for project config files, like `direnv allow`: a `.apidxrc` in a cloned repository is not the
// user speaking (DESIGN §8), so the settings in it that change where credentials go (an endpoint,
// extra packs, a `${env:NAME}` outside the pack's own variables) take effect only after
// `apidx config trust` recorded the file's path and hash. An edited file needs trusting again.
import { createHash } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ApidxConfig, ProviderPack } from '../generated/index.js'
import { dataDir } from '../pack/sources.js'
import { parseJson } from '../pack/safe-json.js'
import { readCapped } from '../pack/validate.js'

/** The file holding trusted config hashes, in apidx's data folder. */
export function trustStoreFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'trusted-configs.json')
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

/** Trusted files by absolute path: the sha256 of the text trusted. */
async function readStore(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const read = await readCapped(trustStoreFile(env), 1024 * 1024)
  if ('problem' in read) return {}
  const parsed = parseJson(read.text)
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return {}
  const store: Record<string, string> = {}
  for (const [file, hash] of Object.entries(parsed.value)) if (typeof hash === 'string') store[file] = hash
  return store
}

/** True when `file` was trusted with exactly this text. */
export async function isConfigTrusted(
  file: string,
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const store = await readStore(env)
  return Object.hasOwn(store, file) && store[file] === hashOf(text)
}

/** Records `file` with the hash of `text` as trusted; returns the hash. */
export async function trustConfig(
  file: string,
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const store = await readStore(env)
  const hash = hashOf(text)
  store[file] = hash
  const target = trustStoreFile(env)
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
  // Written beside and renamed, so a crash never leaves half a store.
  const tmp = `${target}.${process.pid}.tmp`
  await writeFile(tmp, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 })
  await rename(tmp, target)
  return hash
}

/**
 * The settings of `config` that change where `pack`'s credentials go, as JSON pointers with what
 * they do: each needs the file trusted. A `${env:NAME}` naming one of the pack's own variables is
 * harmless (it reads what apidx would read anyway). `packFile` is where the pack was loaded from.
 */
export function configNeedsTrust(config: ApidxConfig, pack: ProviderPack, packFile?: string): string[] {
  const reasons: string[] = []
  if (packFile && fromConfigPacks(config, packFile))
    reasons.push(`/packs supplies the ${pack.id} pack (its hosts receive credentials)`)
  const own =
    config.providers && Object.hasOwn(config.providers, pack.id) ? config.providers[pack.id] : undefined
  if (!own) return reasons
  if (own.endpoint) reasons.push(`/providers/${pack.id}/endpoint sends credentials to ${own.endpoint}`)
  for (const [service, d] of Object.entries(own.services ?? {}))
    if (d.endpoint)
      reasons.push(`/providers/${pack.id}/services/${service}/endpoint sends credentials to ${d.endpoint}`)
  const declared = new Set(Object.values(pack.credentials).map((c) => c.env))
  for (const [name, raw] of Object.entries(own.credentials ?? {}))
    for (const m of raw.matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g))
      if (!declared.has(m[1]!))
        reasons.push(
          `/providers/${pack.id}/credentials/${name} reads \${env:${m[1]}}, not a ${pack.id} variable`,
        )
  return reasons
}

/** True when the pack file is one of the config's packs (a pack.json or the folder holding it). */
function fromConfigPacks(config: ApidxConfig, packFile: string): boolean {
  return (config.packs ?? []).some((p) => packFile === p || packFile === path.join(p, 'pack.json'))
}
