// Loads provider packs by id or path, validated, from every source apidx knows (sources.ts).
import { ApidxError } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'
import { type BuiltinPacks, type PackSource, installedPackFiles, looksLikePath, packFileFromPath, resolvePackage } from './sources.js'
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

export interface LoadOptions {
  /** Base for relative paths; defaults to process.cwd(). */
  cwd?: string
  /** Extra pack files or folders (from config). */
  extraPaths?: string[]
  /** The built-in packs the caller ships. */
  builtins?: BuiltinPacks
  env?: NodeJS.ProcessEnv
}

const cache = new Map<string, Promise<PackValidation>>()

/** Validates a pack file once per process. */
function validated(file: string): Promise<PackValidation> {
  let v = cache.get(file)
  if (!v) {
    v = validatePackFile(file)
    cache.set(file, v)
  }
  return v
}

/** Reads every candidate pack, in precedence order: paths from config, installed, built-in. */
async function candidates(options: LoadOptions): Promise<PackSource[]> {
  const cwd = options.cwd ?? process.cwd()
  const list: PackSource[] = []
  for (const p of options.extraPaths ?? []) list.push({ kind: 'path', location: await packFileFromPath(p, cwd) })
  for (const f of await installedPackFiles(options.env)) list.push({ kind: 'installed', location: f })
  for (const name of options.builtins?.packages ?? []) {
    const location = resolvePackage(name, options.builtins!.resolveFrom)
    if (location) list.push({ kind: 'builtin', location, package: name })
  }
  return list
}

/** Every pack apidx can see; packs that fail validation are pushed to `broken` when given. */
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

/** Loads one pack by id (config paths, installed, built-in, then npm packages) or by path. */
export async function loadPack(ref: string, options: LoadOptions = {}): Promise<LoadedPack> {
  const cwd = options.cwd ?? process.cwd()
  if (looksLikePath(ref)) return loadFrom({ kind: 'path', location: await packFileFromPath(ref, cwd) })
  for (const source of await candidates(options)) {
    const v = await validated(source.location)
    if (v.pack?.id === ref) return { pack: v.pack, file: source.location, source }
  }
  for (const name of [`@apidx/provider-${ref}`, `apidx-provider-${ref}`]) {
    const location = resolvePackage(name, `${cwd}/`)
    if (location) return loadFrom({ kind: 'npm', location, package: name })
  }
  const known = (await listPacks(options)).map((p) => p.pack.id)
  throw new ApidxError('ERR_PACK_NOT_FOUND', `No provider pack "${ref}".`, {
    suggestions: [known.length ? `Packs available: ${known.join(', ')}.` : 'No packs are installed.', `Install one with: apidx packs install @apidx/provider-${ref}`],
  })
}

async function loadFrom(source: PackSource): Promise<LoadedPack> {
  const v = await validated(source.location)
  if (!v.pack) {
    throw new ApidxError('ERR_PACK_INVALID', `The pack ${source.location} is not valid (${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}).`, {
      problems: v.problems,
      suggestions: ['Run apidx packs validate on it for the same list.'],
    })
  }
  return { pack: v.pack, file: source.location, source }
}

