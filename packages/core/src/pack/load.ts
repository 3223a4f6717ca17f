// Loads provider packs by id, package name or path, validated, from every source apidx knows (sources.ts).
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'
import { quote } from './safe-json.js'
import { closeNames, didYouMean } from './target.js'
import {
  type BuiltinPacks,
  type PackSource,
  installedPackFiles,
  looksLikePackage,
  looksLikePath,
  packFileFromPath,
  resolvePackage,
} from './sources.js'
import { type PackValidation, validatePackFile } from './validate.js'

/** A validated pack and where it came from. */
export interface LoadedPack {
  pack: ProviderPack
  file: string
  source: PackSource
}

/** A pack that was found but does not validate. */
export interface BrokenPack {
  file: string
  source: PackSource
  problems: PackValidation['problems']
}

/** Where to look for packs; every field optional. */
export interface LoadOptions {
  /** Base for relative paths and for resolving npm packages; defaults to process.cwd(). */
  cwd?: string
  /** Extra pack files or folders (from config), absolute or relative to `cwd`. */
  extraPaths?: string[]
  /** The built-in packs the caller ships. */
  builtins?: BuiltinPacks
  /** Environment for the data dir ($APIDX_DATA_DIR, $XDG_DATA_HOME); defaults to process.env. */
  env?: NodeJS.ProcessEnv
}

/** Validation results by file, keyed also by size and mtime so an edited or reinstalled file is validated again. */
const cache = new Map<string, { key: string; result: Promise<PackValidation> }>()

/** Validates a pack file once per process and version of the file. */
async function validated(file: string): Promise<PackValidation> {
  const info = await stat(file).catch(() => undefined)
  const key = info ? `${info.size}:${info.mtimeMs}:${info.ino}` : 'missing'
  const known = cache.get(file)
  if (known?.key === key) return known.result
  const result = validatePackFile(file)
  cache.set(file, { key, result })
  return result
}

/** Every candidate pack file, in precedence order: paths from config, installed, built-in. */
async function candidates(options: LoadOptions): Promise<PackSource[]> {
  const cwd = options.cwd ?? process.cwd()
  const list: PackSource[] = []
  for (const p of options.extraPaths ?? [])
    list.push({ kind: 'path', location: await packFileFromPath(p, cwd) })
  for (const f of await installedPackFiles(options.env)) list.push({ kind: 'installed', location: f })
  for (const name of options.builtins?.packages ?? []) {
    const location = resolvePackage(name, options.builtins!.resolveFrom)
    if (location) list.push({ kind: 'builtin', location, package: name })
  }
  return list
}

/**
 * Every pack apidx can see (config paths, installed, built-in); the first source of an id wins.
 * Packs that fail validation are pushed to `broken` when it is given, never thrown.
 */
export async function listPacks(options: LoadOptions = {}, broken?: BrokenPack[]): Promise<LoadedPack[]> {
  const packs: LoadedPack[] = []
  const seen = new Set<string>()
  for (const source of await candidates(options)) {
    const v = await validated(source.location)
    if (!v.pack) {
      broken?.push({ file: source.location, source, problems: v.problems })
      continue
    }
    if (seen.has(v.pack.id)) continue // an earlier source (config path, installed) shadows a built-in
    seen.add(v.pack.id)
    packs.push({ pack: v.pack, file: source.location, source })
  }
  return packs
}

/**
 * Loads one pack by id (config paths, installed, built-in, then `@apidx/provider-<id>` and
 * `apidx-provider-<id>` resolved from `cwd`), by npm package name, or by path (a pack file or a
 * folder holding pack.json). Throws ERR_PACK_INVALID with every problem when the pack it finds does
 * not validate, and ERR_PACK_NOT_FOUND naming the packs there are when none matches.
 */
export async function loadPack(ref: string, options: LoadOptions = {}): Promise<LoadedPack> {
  const cwd = options.cwd ?? process.cwd()
  if (looksLikePackage(ref)) {
    const location = resolvePackage(ref, `${cwd}/`)
    if (location) return loadFrom({ kind: 'npm', location, package: ref })
  }
  if (looksLikePath(ref)) return loadFrom({ kind: 'path', location: await packFileFromPath(ref, cwd) })
  let namedButBroken: PackSource | undefined
  for (const source of await candidates(options)) {
    const v = await validated(source.location)
    if (v.pack?.id === ref) return { pack: v.pack, file: source.location, source }
    // A broken pack cannot say its id; its folder or package name can.
    if (!v.pack && !namedButBroken && namesId(source, ref)) namedButBroken = source
  }
  for (const name of [`@apidx/provider-${ref}`, `apidx-provider-${ref}`]) {
    const location = resolvePackage(name, `${cwd}/`)
    if (location) return loadFrom({ kind: 'npm', location, package: name })
  }
  if (namedButBroken) return loadFrom(namedButBroken)
  const known = (await listPacks(options)).map((p) => p.pack.id)
  // A typo of a pack apidx has comes before the install hint: `iflytk` is not a package to install.
  const close = closeNames(ref, known)
  throw new ApidxError('ERR_PACK_NOT_FOUND', `No provider pack ${quote(ref)}.`, {
    suggestions: [
      ...(close.length ? [didYouMean(close)] : []),
      known.length ? `Packs available: ${known.join(', ')}.` : 'No packs are installed.',
      `Install one with: apidx packs install @apidx/provider-${ref}, or pass the path of a pack.json.`,
    ],
  })
}

/** True when a source's folder or package name says it is the pack `id`. */
function namesId(source: PackSource, id: string): boolean {
  if (source.package)
    return source.package === `@apidx/provider-${id}` || source.package === `apidx-provider-${id}`
  return path.basename(path.dirname(source.location)) === id
}

async function loadFrom(source: PackSource): Promise<LoadedPack> {
  if (!(await stat(source.location).catch(() => undefined))) {
    throw new ApidxError('ERR_PACK_NOT_FOUND', `No pack file at ${source.location}.`, {
      suggestions: ['Pass a pack.json file, or the folder that holds one.'],
    })
  }
  const v = await validated(source.location)
  if (!v.pack) {
    const n = v.problems.length
    throw new ApidxError(
      'ERR_PACK_INVALID',
      `The pack ${source.location} is not valid (${n} problem${n === 1 ? '' : 's'}).`,
      {
        problems: v.problems,
        suggestions: [`Run apidx packs validate ${source.location} for the same list.`],
      },
    )
  }
  return { pack: v.pack, file: source.location, source }
}
