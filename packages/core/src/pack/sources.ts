// Where packs come from: built-in packages the CLI ships, packs installed into the user's data dir,
// npm packages named @apidx/provider-<id> or apidx-provider-<id>, and paths (flags or config).
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import path from 'node:path'
import { existsSync } from 'node:fs'
import { stat, readdir } from 'node:fs/promises'

/** The kinds of place a pack can come from. */
export type PackSourceKind = 'builtin' | 'installed' | 'npm' | 'path'

/** Where a loaded pack came from, shown by `apidx packs list`. */
export interface PackSource {
  kind: PackSourceKind
  /** The pack file on disk. */
  location: string
  /** The npm package name, for built-in and npm packs. */
  package?: string
}

/** Built-in packs: npm package names, resolved from `resolveFrom` (the CLI's own module URL). */
export interface BuiltinPacks {
  packages: string[]
  resolveFrom: string
}

/** The folder apidx keeps installed packs in: $APIDX_DATA_DIR, else $XDG_DATA_HOME/apidx, else ~/.local/share/apidx. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.APIDX_DATA_DIR) return path.resolve(env.APIDX_DATA_DIR)
  if (env.XDG_DATA_HOME) return path.join(env.XDG_DATA_HOME, 'apidx')
  return path.join(homedir(), '.local', 'share', 'apidx')
}

/**
 * The pack file of a built-in or npm package, or undefined when it is not installed. Node's resolver
 * first; a package whose `exports` map hides pack.json is then looked up by name along the same
 * node_modules paths (one named folder per path, never a scan).
 */
export function resolvePackage(name: string, from: string): string | undefined {
  const require = createRequire(from)
  try {
    return require.resolve(`${name}/pack.json`)
  } catch {
    for (const dir of require.resolve.paths(name) ?? []) {
      const file = path.join(dir, name, 'pack.json')
      if (existsSync(file)) return file
    }
    return undefined
  }
}

/** True when a ref names an npm package (`@scope/name`, `apidx-provider-<id>`) rather than a pack id or a path. */
export function looksLikePackage(ref: string): boolean {
  return (
    /^@[a-z0-9][a-z0-9._~-]*\/[a-z0-9][a-z0-9._~-]*$/.test(ref) ||
    /^apidx-provider-[a-z0-9][a-z0-9._~-]*$/.test(ref)
  )
}

/** The pack files of every installed pack (`<dataDir>/packs/<id>/pack.json`). */
export async function installedPackFiles(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const root = path.join(dataDir(env), 'packs')
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name, 'pack.json'))
    .sort()
}

/** A path given by a user (file or folder holding pack.json), made absolute. */
export async function packFileFromPath(ref: string, cwd: string): Promise<string> {
  const full = path.resolve(cwd, ref)
  const info = await stat(full).catch(() => undefined)
  return info?.isDirectory() ? path.join(full, 'pack.json') : full
}

/** True when a --provider value is a path rather than an id. */
export function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || ref.endsWith('.json') || ref.startsWith('.')
}
