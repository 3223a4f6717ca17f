// Reads a provider pack out of an npm tarball (`.tgz`) in memory: gunzip with an output cap, the
// strict tar reader, then only `package/package.json` and the pack file it names. Nothing is
// extracted and nothing in the package (scripts, binaries, other files) is ever looked at.
import { gunzipSync } from 'node:zlib'
import { DEFAULT_LIMITS, parseJson } from '../pack/safe-json.js'
import { readTar, safePath, TarError } from './tar.js'

/** Caps on a tarball: its compressed size and what it may inflate to. */
export const TARBALL_LIMITS = { maxCompressedBytes: 16 * 1024 * 1024, maxUncompressedBytes: 64 * 1024 * 1024 }

/** The parts of a package apidx reads: its manifest fields and the pack file's bytes. */
export interface PackageContents {
  /** `name` from package.json, when it is a string. */
  name?: string
  /** `version` from package.json, when it is a string. */
  version?: string
  /** The pack file's path inside the package (from `apidx.pack`, else `pack.json`). */
  packPath: string
  /** The pack file's bytes, exactly as in the archive. */
  packBytes: Buffer
}

/** Why a package could not be read; `where` is the file inside the package, `''` for the archive. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly where = '',
  ) {
    super(message)
    this.name = 'PackageError'
  }
}

/** Inflates a gzip buffer, refusing archives over the caps (a gzip bomb stops at the cap). */
export function gunzipCapped(gz: Buffer): Buffer {
  if (gz.length > TARBALL_LIMITS.maxCompressedBytes)
    throw new PackageError(
      `the tarball is ${gz.length} bytes, over the ${TARBALL_LIMITS.maxCompressedBytes}-byte limit`,
    )
  if (gz[0] !== 0x1f || gz[1] !== 0x8b)
    throw new PackageError('the file is not gzip-compressed; expected an npm tarball (.tgz)')
  try {
    return gunzipSync(gz, { maxOutputLength: TARBALL_LIMITS.maxUncompressedBytes })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw new PackageError(
        `the tarball inflates past the ${TARBALL_LIMITS.maxUncompressedBytes}-byte limit`,
      )
    throw new PackageError(`the tarball cannot be decompressed (${code ?? 'corrupt gzip data'})`)
  }
}

/**
 * Reads the pack out of an npm tarball. Every entry is checked (a traversal or link anywhere
 * rejects the archive), then `package/package.json` is parsed with the pack parser's caps, and the
 * pack file it names through `apidx.pack` (default `pack.json`) is returned unparsed.
 */
export function readPackTarball(gz: Buffer): PackageContents {
  let files
  try {
    files = readTar(gunzipCapped(gz))
  } catch (err) {
    if (err instanceof TarError) throw new PackageError(err.message, err.entry ?? '')
    throw err
  }
  const byPath = new Map(files.map((f) => [f.path, f.data]))
  const manifest = byPath.get('package/package.json')
  if (!manifest)
    throw new PackageError(
      'the tarball has no package/package.json; expected a tarball made by npm pack',
      'package/package.json',
    )
  const pkg = readManifest(manifest.toString('utf8'), 'package/package.json')
  const packPath = `package/${pkg.packPath}`
  const packBytes = byPath.get(packPath)
  if (!packBytes)
    throw new PackageError(
      `the package has no ${pkg.packPath} (named by ${pkg.named ? 'apidx.pack in package.json' : 'default'})`,
      packPath,
    )
  return {
    ...(pkg.name ? { name: pkg.name } : {}),
    ...(pkg.version ? { version: pkg.version } : {}),
    packPath: pkg.packPath,
    packBytes,
  }
}

/**
 * Reads the fields apidx uses from a package.json: name, version and `apidx.pack`, the pack file's
 * path relative to the package, which must stay inside it.
 */
export function readManifest(
  text: string,
  where: string,
): { name?: string; version?: string; packPath: string; named: boolean } {
  const parsed = parseJson(text, { maxBytes: 1024 * 1024, maxDepth: DEFAULT_LIMITS.maxDepth })
  if (!parsed.ok)
    throw new PackageError(`package.json is not valid JSON: ${parsed.issues[0]!.message}`, where)
  const pkg = parsed.value
  if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg))
    throw new PackageError('package.json is not a JSON object', where)
  const { name, version, apidx } = pkg as Record<string, unknown>
  const named = apidx !== undefined && apidx !== null && typeof apidx === 'object' && 'pack' in apidx
  const declared = named ? (apidx as Record<string, unknown>).pack : 'pack.json'
  if (typeof declared !== 'string' || !declared.endsWith('.json'))
    throw new PackageError(
      'apidx.pack in package.json must name a .json file inside the package, e.g. "pack.json"',
      where,
    )
  let packPath: string
  try {
    packPath = safePath(declared)
  } catch (err) {
    throw new PackageError(
      `apidx.pack in package.json is not a safe relative path: ${(err as Error).message}`,
      where,
    )
  }
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof version === 'string' ? { version } : {}),
    packPath,
    named,
  }
}
