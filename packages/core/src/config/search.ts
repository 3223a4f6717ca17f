// Finds apidx's config file by an explicit walk, reading each candidate once with a size cap and
// only when it is a regular file: the folder of `cwd`, its parents up to the home folder, then the
// user config folder. The first non-empty config wins. Only apidx's loaders exist (code loaders,
// cosmiconfig's public `defaultLoaders`, only with the opt-in), `$import` is refused, and nothing
// like cosmiconfig's "meta config" lets a cloned repository add search places or run code.
import { lstat } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import { DEFAULT_LIMITS } from '../pack/safe-json.js'
import { readCapped } from '../pack/validate.js'
import { loadCode, loadData } from './loaders.js'
import { invalidConfig } from './problems.js'

/** Config files apidx reads as data, in search order. */
export const DATA_PLACES = ['package.json', '.apidxrc', '.apidxrc.json', '.apidxrc.yaml', '.apidxrc.yml']
/** Config files that are code: loaded only with `allowCode`. */
export const CODE_PLACES = [
  '.apidxrc.js',
  '.apidxrc.cjs',
  '.apidxrc.mjs',
  '.apidxrc.ts',
  'apidx.config.js',
  'apidx.config.cjs',
  'apidx.config.mjs',
  'apidx.config.ts',
]
/** The user-wide config folder's files (cosmiconfig's names), data then code. */
const GLOBAL_DATA = ['config', 'config.json', 'config.yaml', 'config.yml']
const GLOBAL_CODE = ['config.js', 'config.ts', 'config.cjs', 'config.mjs']

/** Where a config file sits: `user` (home folder or user config folder) is the user speaking; `project` may be a cloned repository's. */
export type ConfigScope = 'user' | 'project'

/** A config file found and read, not yet validated. */
export interface FoundConfig {
  value: unknown
  file: string
  scope: ConfigScope
  /** The bytes read, for trust records (their hash). */
  text: string
}

/** The user config folder, as cosmiconfig (env-paths) names it per platform. */
export function globalConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir()
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'apidx')
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'apidx', 'Config')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'apidx')
}

/** The folders searched, in order, with the file names looked for in each. */
function searchDirs(cwd: string, env: NodeJS.ProcessEnv) {
  const home = homedir()
  const dirs: { dir: string; data: string[]; code: string[]; scope: ConfigScope }[] = []
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    dirs.push({ dir, data: DATA_PLACES, code: CODE_PLACES, scope: dir === home ? 'user' : 'project' })
    if (dir === home || dir === path.dirname(dir)) break
  }
  dirs.push({ dir: globalConfigDir(env), data: GLOBAL_DATA, code: GLOBAL_CODE, scope: 'user' })
  return dirs
}

/** The first config file for `cwd`, read but not validated; undefined when there is none. */
export async function findConfig(
  cwd: string,
  allowCode: boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FoundConfig | undefined> {
  for (const { dir, data, code, scope } of searchDirs(cwd, env)) {
    if (!allowCode) await refuseCode(dir, code)
    for (const place of data) {
      const file = path.join(dir, place)
      const text = await readPlace(file)
      if (text === undefined) continue
      const value = await loadData(file, text)
      // An empty file, a comment-only YAML file or a package.json without "apidx" lets the search go on.
      if (value !== undefined && value !== null) return { value, file, scope, text }
    }
    if (!allowCode) continue
    for (const place of code) {
      const file = path.join(dir, place)
      const text = await readPlace(file)
      if (text === undefined) continue
      const value = await loadCode(file, text)
      if (value !== undefined && value !== null) return { value, file, scope, text }
    }
  }
  return undefined
}

/** A code config without the opt-in is refused by name, rather than silently ignored. */
async function refuseCode(dir: string, places: string[]): Promise<void> {
  for (const place of places) {
    const file = path.join(dir, place)
    if (!(await lstat(file).catch(() => undefined))) continue
    throw new ApidxError(
      'ERR_CONFIG_INVALID',
      `${file} is a config file that runs code, and code config is off.`,
      {
        suggestions: [
          'Move the settings to .apidxrc.json or .apidxrc.yaml, or opt in with APIDX_ALLOW_CODE_CONFIG=1 if you trust the file.',
        ],
      },
    )
  }
}

/**
 * The text of one search place, or undefined when nothing is there. Anything present that is not a
 * regular file (a FIFO would hang the read, a device would flood it) or is over the size cap is an
 * error, from the open file's own stat, never after reading it whole.
 */
async function readPlace(file: string): Promise<string | undefined> {
  const info = await lstat(file).catch(() => undefined)
  if (!info || info.isDirectory()) return undefined
  const read = await readCapped(file, DEFAULT_LIMITS.maxBytes)
  if ('problem' in read) {
    if (read.problem.message === 'file not found') return undefined
    throw invalidConfig(file, [
      {
        ...read.problem,
        remedy:
          read.problem.message === 'is not a regular file'
            ? 'Replace it with a JSON or YAML file, or remove it.'
            : 'Config files are small; trim it.',
      },
    ])
  }
  return read.text.trim() === '' ? undefined : read.text
}
