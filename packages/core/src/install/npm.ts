// Fetches an npm package's tarball without installing it: `npm pack <spec> --ignore-scripts`.
// npm pack of a registry spec only downloads the tarball (no lifecycle scripts run for it);
// --ignore-scripts and npm_config_ignore_scripts are passed anyway so no future npm changes that.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import { readBytesCapped } from './files.js'
import { TARBALL_LIMITS } from './tarball.js'

/** The outcome of one `npm` run. */
export interface NpmResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs npm with arguments in a folder; injectable so tests never reach a registry. */
export type NpmRunner = (args: string[], cwd: string) => Promise<NpmResult>

/** An npm package name with an optional version, range or tag; nothing npm would read as a URL, path or git spec. */
const NPM_SPEC = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:@[0-9A-Za-z.^~<>=*+_-]{1,100})?$/

/** True when `spec` is a plain registry spec (`name`, `@scope/name`, `name@1.2.3`, `name@latest`). */
export function isNpmSpec(spec: string): boolean {
  return spec.length <= 320 && NPM_SPEC.test(spec)
}

/** The real npm: no shell, a deadline, scripts off through the environment as well as the flag. */
export const runNpm: NpmRunner = (args, cwd) =>
  new Promise((resolve) => {
    execFile(
      'npm',
      args,
      {
        cwd,
        timeout: 120_000,
        maxBuffer: 4 * 1024 * 1024,
        env: {
          ...process.env,
          npm_config_ignore_scripts: 'true',
          npm_config_fund: 'false',
          npm_config_audit: 'false',
        },
      },
      // ENOENT: no npm on PATH, reported as a shell would (127).
      (err, stdout, stderr) =>
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : err.code === 'ENOENT' ? 127 : 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    )
  })

/** The arguments apidx passes to npm: exactly these, so a test can assert them. */
export function npmPackArgs(spec: string, destination: string): string[] {
  return ['pack', spec, '--ignore-scripts', '--json', '--pack-destination', destination]
}

/**
 * Downloads the tarball of a registry spec into a temporary folder, reads it (size-capped) and
 * removes the folder. Returns the bytes and npm's own file name.
 */
export async function fetchNpmTarball(
  spec: string,
  runner: NpmRunner = runNpm,
): Promise<{ bytes: Buffer; filename: string }> {
  if (!isNpmSpec(spec))
    throw new ApidxError('ERR_USAGE', `"${spec}" is not an npm package name.`, {
      suggestions: [
        'Give a registry name such as apidx-provider-acme or @apidx/provider-acme@1.2.0, a folder, or a .tgz file.',
      ],
    })
  const tmp = await mkdtemp(path.join(tmpdir(), 'apidx-npm-'))
  try {
    const result = await runner(npmPackArgs(spec, tmp), tmp)
    if (result.code === 127) {
      throw new ApidxError('ERR_USAGE', `npm is needed to fetch "${spec}" and was not found on PATH.`, {
        suggestions: ['Install Node.js with npm, or install from a downloaded .tgz or a folder instead.'],
      })
    }
    if (result.code !== 0) {
      // Only npm's error code is repeated: its other lines can name registries and their settings.
      const code = /npm (?:error|ERR!) code (\S+)/.exec(result.stderr)?.[1]
      throw new ApidxError(
        'ERR_PACK_NOT_FOUND',
        `npm could not fetch "${spec}"${code ? ` (${code})` : ''}.`,
        {
          suggestions: [
            code === 'E404'
              ? 'Check the package name; provider packs are named apidx-provider-<id> or @apidx/provider-<id>.'
              : 'Run npm pack ' + spec + " --ignore-scripts yourself to see npm's full message.",
          ],
        },
      )
    }
    const filename = packedFilename(result.stdout, spec)
    const read = await readBytesCapped(path.join(tmp, filename), TARBALL_LIMITS.maxCompressedBytes)
    if ('problem' in read)
      throw new ApidxError('ERR_PACK_INVALID', `The tarball npm fetched for "${spec}" ${read.problem}.`)
    return { bytes: read.bytes, filename }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

/** The tarball file name from `npm pack --json` output; a plain base name, never a path. */
function packedFilename(stdout: string, spec: string): string {
  let name: unknown
  try {
    const out = JSON.parse(stdout) as { filename?: unknown }[]
    name = Array.isArray(out) && out.length === 1 ? out[0]!.filename : undefined
  } catch {
    name = undefined
  }
  if (typeof name !== 'string' || !/^[A-Za-z0-9@._-]+\.tgz$/.test(name)) {
    throw new ApidxError('ERR_INTERNAL', `npm pack printed no tarball name for "${spec}".`, {
      suggestions: ['Check that npm works: npm --version.'],
    })
  }
  return name
}
