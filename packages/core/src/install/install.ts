// `apidx packs install` and `uninstall` as library calls: read the candidate (source.ts), validate it
// with the loader's own validator BEFORE anything is written, refuse id clashes unless forced, then
// swap the pack folder in with one rename so a crash never leaves a half-installed pack.
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import { type BuiltinPacks, dataDir, resolvePackage } from '../pack/sources.js'
import { validatePackFile, validatePackText } from '../pack/validate.js'
import { integrityOf } from './integrity.js'
import type { NpmRunner } from './npm.js'
import { type InstallRecord, packsDir, readInstallRecord } from './record.js'
import { readCandidate } from './source.js'

/** Options shared by install and uninstall. */
export interface InstallOptions {
  /** Environment deciding the data dir ($APIDX_DATA_DIR, $XDG_DATA_HOME, HOME). */
  env?: NodeJS.ProcessEnv
  /** Base for relative paths. */
  cwd?: string
  /** The built-in packs of the caller, so their ids are protected. */
  builtins?: BuiltinPacks
  /** Replace an installed pack of the same id, or shadow a built-in one. */
  force?: boolean
  /** How npm is run (tests inject a fake; never a registry in tests). */
  npm?: NpmRunner
  /** The install time; now when absent. */
  now?: Date
}

/** What an install did. */
export interface InstallResult {
  id: string
  name: string
  /** The folder the pack now lives in. */
  location: string
  record: InstallRecord
  /** What --force replaced or shadowed, if anything. */
  replaced?: { kind: 'installed'; record?: InstallRecord } | { kind: 'builtin'; package: string }
}

/** What an uninstall did. */
export interface UninstallResult {
  id: string
  location: string
  record?: InstallRecord
  /** The built-in pack of the same id that is used again now, if any. */
  builtinRestored?: string
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** The built-in packs by id, with their package names (only valid ones have an id to protect). */
async function builtinIds(options: InstallOptions): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const name of options.builtins?.packages ?? []) {
    const file = resolvePackage(name, options.builtins!.resolveFrom)
    const pack = file ? (await validatePackFile(file)).pack : undefined
    if (pack) ids.set(pack.id, name)
  }
  return ids
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}

/**
 * Installs a pack from an npm spec, a folder, a pack file or a `.tgz` into `<data dir>/packs/<id>/`
 * (pack.json and install.json). No package script runs; an invalid pack raises ERR_PACK_INVALID
 * with every problem and writes nothing; an id clash raises ERR_USAGE unless `force`.
 */
export async function installPack(ref: string, options: InstallOptions = {}): Promise<InstallResult> {
  const env = options.env ?? process.env
  const candidate = await readCandidate(ref, {
    cwd: options.cwd ?? process.cwd(),
    ...(options.npm ? { npm: options.npm } : {}),
  })
  const text = candidate.packBytes.toString('utf8')
  const v = await validatePackText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, candidate.label)
  if (!v.pack) {
    throw new ApidxError(
      'ERR_PACK_INVALID',
      `Nothing was installed: the pack in ${candidate.label} is not valid (${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}).`,
      {
        problems: v.problems,
        suggestions: ['Fix the pack and run apidx packs validate on it before installing.'],
      },
    )
  }
  const { id, name, packVersion } = v.pack
  const root = packsDir(env)
  const target = path.join(root, id)

  let replaced: InstallResult['replaced']
  const builtins = await builtinIds(options)
  if (await exists(target)) {
    const record = await readInstallRecord(id, env)
    if (!options.force) {
      const from = record ? ` (${record.version} from ${record.source.kind} ${record.source.spec})` : ''
      throw new ApidxError('ERR_PACK_CONFLICT', `A pack "${id}" is already installed${from}.`, {
        suggestions: ['Add --force to replace it.', `Or remove it first: apidx packs uninstall ${id}`],
      })
    }
    replaced = { kind: 'installed', ...(record ? { record } : {}) }
  } else if (builtins.has(id)) {
    const pkg = builtins.get(id)
    if (!options.force) {
      throw new ApidxError(
        'ERR_PACK_CONFLICT',
        `"${id}" is a built-in pack (${pkg}); an installed pack of that id would be used instead of it.`,
        { suggestions: ['Add --force to install it anyway (apidx packs uninstall puts the built-in back).'] },
      )
    }
    replaced = { kind: 'builtin', package: pkg! }
  }

  const record: InstallRecord = {
    recordVersion: 1,
    id,
    source: {
      kind: candidate.kind,
      spec: candidate.spec,
      ...(candidate.package ? { package: candidate.package } : {}),
    },
    version: candidate.version ?? packVersion,
    packVersion,
    integrity: {
      pack: integrityOf(candidate.packBytes),
      ...(candidate.tarballIntegrity ? { tarball: candidate.tarballIntegrity } : {}),
    },
    installedAt: (options.now ?? new Date()).toISOString(),
  }
  await swapIn(env, target, [
    ['pack.json', candidate.packBytes],
    ['install.json', JSON.stringify(record, null, 2) + '\n'],
  ])
  return { id, name, location: target, record, ...(replaced ? { replaced } : {}) }
}

/**
 * Writes the files into a staging folder outside `packs/` (so the loader never sees it), then
 * renames it into place; an existing folder is moved aside first and removed after.
 */
async function swapIn(
  env: NodeJS.ProcessEnv,
  target: string,
  files: [string, Buffer | string][],
): Promise<void> {
  const staging = path.join(dataDir(env), '.staging')
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`
  const dir = path.join(staging, tag)
  await mkdir(dir, { recursive: true })
  try {
    for (const [name, content] of files) await writeFile(path.join(dir, name), content, { flag: 'wx' })
    await mkdir(path.dirname(target), { recursive: true })
    const old = path.join(staging, `${tag}.old`)
    const hadOld = await exists(target)
    if (hadOld) await rename(target, old)
    await rename(dir, target)
    if (hadOld) await rm(old, { recursive: true, force: true })
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rmdir(staging).catch(() => undefined) // only when empty: another install may be staging
  }
}

/** Removes an installed pack (only from the data dir). Built-in packs cannot be uninstalled. */
export async function uninstallPack(id: string, options: InstallOptions = {}): Promise<UninstallResult> {
  const env = options.env ?? process.env
  if (!ID.test(id) || id.length > 40)
    throw new ApidxError('ERR_USAGE', `"${id}" is not a pack id.`, {
      suggestions: ['Pack ids are lower-case letters, digits and single hyphens; see apidx packs list.'],
    })
  const target = path.join(packsDir(env), id)
  const builtins = await builtinIds(options)
  if (!(await exists(target))) {
    if (builtins.has(id))
      throw new ApidxError(
        'ERR_PACK_CONFLICT',
        `"${id}" is a built-in pack; it ships with apidx and cannot be uninstalled.`,
        { suggestions: ['Packs you installed show as "installed" in apidx packs list.'] },
      )
    throw new ApidxError('ERR_PACK_NOT_FOUND', `No installed pack "${id}" in ${packsDir(env)}.`, {
      suggestions: ['See apidx packs list for installed packs.'],
    })
  }
  const record = await readInstallRecord(id, env)
  await rm(target, { recursive: true, force: true })
  const pkg = builtins.get(id)
  return { id, location: target, ...(record ? { record } : {}), ...(pkg ? { builtinRestored: pkg } : {}) }
}
