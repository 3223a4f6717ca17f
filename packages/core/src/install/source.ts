// Turns what a user passes to `apidx packs install` (npm spec, folder, pack file, .tgz) into the
// pack bytes to install and where they came from. Reads only the manifest and the pack file;
// nothing from a package is executed and nothing is extracted.
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import { DEFAULT_LIMITS } from '../pack/safe-json.js'
import { readBytesCapped } from './files.js'
import { integrityOf } from './integrity.js'
import { type NpmRunner, fetchNpmTarball, isNpmSpec } from './npm.js'
import type { InstallSourceKind } from './record.js'
import { PackageError, readManifest, readPackTarball, TARBALL_LIMITS } from './tarball.js'

/** A pack read from its source, not yet validated. */
export interface PackCandidate {
  kind: InstallSourceKind
  /** The spec as typed for npm, else the absolute path. */
  spec: string
  /** How problems name the pack file, e.g. `acme-1.0.0.tgz:package/pack.json`. */
  label: string
  packBytes: Buffer
  package?: string
  version?: string
  /** Integrity of the tarball, when there was one. */
  tarballIntegrity?: string
}

/** True when an install argument is a filesystem path rather than an npm spec (npm's own rule: paths start with `.` or `/`, or hold a `/` outside a scope). */
export function isPathSpec(ref: string): boolean {
  return (
    ref.startsWith('.') ||
    path.isAbsolute(ref) ||
    /\.(json|tgz|tar\.gz)$/.test(ref) ||
    (ref.includes('/') && !ref.startsWith('@')) ||
    ref.includes('\\')
  )
}

/** Reads the pack a user asked to install; every failure is an ApidxError with a remedy. */
export async function readCandidate(
  ref: string,
  options: { cwd: string; npm?: NpmRunner },
): Promise<PackCandidate> {
  if (!isPathSpec(ref)) {
    if (!isNpmSpec(ref))
      throw new ApidxError('ERR_USAGE', `"${ref}" is neither a path nor an npm package name.`, {
        suggestions: [
          'Give apidx-provider-<id>, @scope/provider-<id>, ./folder, ./pack.json or ./package.tgz.',
        ],
      })
    const { bytes, filename } = await fetchNpmTarball(ref, options.npm)
    return fromTarball(bytes, 'npm', ref, filename)
  }
  const full = path.resolve(options.cwd, ref)
  const info = await lstat(full).catch(() => undefined)
  if (!info)
    throw new ApidxError('ERR_PACK_NOT_FOUND', `${full} does not exist.`, {
      suggestions: ['Check the path; an npm package name has no leading ./ or /.'],
    })
  if (info.isDirectory()) return fromFolder(full)
  if (/\.(tgz|tar\.gz)$/.test(full)) {
    const read = await readBytesCapped(full, TARBALL_LIMITS.maxCompressedBytes)
    if ('problem' in read) throw new ApidxError('ERR_PACK_INVALID', `The tarball ${full} ${read.problem}.`)
    return fromTarball(read.bytes, 'tarball', full, full)
  }
  return { kind: 'path', spec: full, label: full, packBytes: await packFileBytes(full) }
}

/** A folder: its package.json's `apidx.pack` names the pack file, else `pack.json`. Only that file is read. */
async function fromFolder(dir: string): Promise<PackCandidate> {
  const manifestFile = path.join(dir, 'package.json')
  const manifest = await readBytesCapped(manifestFile, 1024 * 1024)
  let packPath = 'pack.json'
  let pkg: { name?: string; version?: string } = {}
  if ('bytes' in manifest) {
    try {
      const m = readManifest(manifest.bytes.toString('utf8'), manifestFile)
      packPath = m.packPath
      pkg = { ...(m.name ? { name: m.name } : {}), ...(m.version ? { version: m.version } : {}) }
    } catch (err) {
      if (err instanceof PackageError) throw invalid(manifestFile, err.message)
      throw err
    }
  } else if (manifest.problem !== 'does not exist')
    throw invalid(manifestFile, `package.json ${manifest.problem}`)
  const file = path.join(dir, packPath)
  // The pack file must really be inside the folder: no symlinked file or parent folder leads out.
  const link = await lstat(file).catch(() => undefined)
  if (link?.isSymbolicLink()) throw invalid(file, 'is a symbolic link; install copies only a real pack file')
  const [realDir, realFile] = await Promise.all([realpath(dir), realpath(file).catch(() => file)])
  if (!realFile.startsWith(realDir + path.sep)) throw invalid(file, `resolves to ${realFile}, outside ${dir}`)
  return {
    kind: 'path',
    spec: dir,
    label: file,
    packBytes: await packFileBytes(file),
    ...(pkg.name ? { package: pkg.name } : {}),
    ...(pkg.version ? { version: pkg.version } : {}),
  }
}

function fromTarball(bytes: Buffer, kind: 'npm' | 'tarball', spec: string, shown: string): PackCandidate {
  try {
    const contents = readPackTarball(bytes)
    return {
      kind,
      spec,
      label: `${shown}:package/${contents.packPath}`,
      packBytes: contents.packBytes,
      tarballIntegrity: integrityOf(bytes),
      ...(contents.name ? { package: contents.name } : {}),
      ...(contents.version ? { version: contents.version } : {}),
    }
  } catch (err) {
    if (err instanceof PackageError) throw invalid(err.where ? `${shown}:${err.where}` : shown, err.message)
    throw err
  }
}

async function packFileBytes(file: string): Promise<Buffer> {
  const read = await readBytesCapped(file, DEFAULT_LIMITS.maxBytes)
  if ('problem' in read)
    throw new ApidxError(
      read.problem === 'does not exist' ? 'ERR_PACK_NOT_FOUND' : 'ERR_PACK_INVALID',
      `The pack file ${file} ${read.problem}.`,
      {
        suggestions: [
          'Point at a pack.json, the folder holding it, or a package whose package.json names it in apidx.pack.',
        ],
      },
    )
  return read.bytes
}

/** A package that cannot be installed: one problem at the file's root, nothing written. */
function invalid(file: string, message: string): ApidxError {
  return new ApidxError(
    'ERR_PACK_INVALID',
    `Nothing was installed: ${file} is not an installable pack package.`,
    {
      problems: [
        {
          file,
          pointer: '',
          message,
          remedy: 'Build the package with npm pack from a folder holding package.json and pack.json only.',
        },
      ],
    },
  )
}
