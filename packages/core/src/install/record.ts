// The install record kept beside every installed pack (`packs/<id>/install.json`): where the pack
// came from, which version, and the integrity of what was installed. `packs list` reads it to show
// the source; `packs install` reads it to say what a --force replaces.
import path from 'node:path'
import { dataDir } from '../pack/sources.js'
import { DEFAULT_LIMITS } from '../pack/safe-json.js'
import { readBytesCapped } from './files.js'
import { integrityOf } from './integrity.js'

/** How a pack reached the data dir. */
export type InstallSourceKind = 'npm' | 'path' | 'tarball'

/** The shape of `install.json`. Fields are only added, never renamed (other tools read it). */
export interface InstallRecord {
  /** Version of this record's shape. */
  recordVersion: 1
  /** The pack id (the folder name). */
  id: string
  source: {
    kind: InstallSourceKind
    /** What the user typed: an npm spec, or a path made absolute. */
    spec: string
    /** The npm package name from the package's package.json, when there was one. */
    package?: string
  }
  /** The package's `version` when installed from a package, else the pack's `packVersion`. */
  version: string
  /** The pack's own `packVersion`. */
  packVersion: string
  integrity: {
    /** sha512 of the installed pack.json bytes (`sha512-<base64>`). */
    pack: string
    /** sha512 of the tarball, when the pack came from one (npm or a local .tgz). */
    tarball?: string
  }
  /** When it was installed, ISO 8601 UTC. */
  installedAt: string
}

/** The folder installed packs live in: `<data dir>/packs`. */
export function packsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'packs')
}

/** Reads an installed pack's record, or undefined when it has none or it is unreadable. */
export async function readInstallRecord(
  id: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<InstallRecord | undefined> {
  const read = await readBytesCapped(path.join(packsDir(env), id, 'install.json'), 64 * 1024)
  if ('problem' in read) return undefined
  try {
    const value = JSON.parse(read.bytes.toString('utf8')) as InstallRecord
    return value && typeof value === 'object' && value.recordVersion === 1 ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * Re-hashes an installed pack.json against its install record, so `packs list` (or a user) can tell
 * a pack edited or replaced after install. `ok` is undefined when there is no record to compare.
 */
export async function checkInstalledIntegrity(
  id: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ok?: boolean; expected?: string; actual?: string }> {
  const record = await readInstallRecord(id, env)
  const read = await readBytesCapped(path.join(packsDir(env), id, 'pack.json'), DEFAULT_LIMITS.maxBytes)
  const actual = 'bytes' in read ? integrityOf(read.bytes) : undefined
  if (!record) return actual ? { actual } : {}
  return {
    ok: actual === record.integrity.pack,
    expected: record.integrity.pack,
    ...(actual ? { actual } : {}),
  }
}
