// Finds the config file with cosmiconfig's Explorer, driven directly: cosmiconfig() itself first
// reads a "meta config" from the working directory with its default loaders, which runs
// `.config/config.{js,cjs,mjs,ts}` and lets `.config/config.json` add search places — code from a
// cloned repository would run before apidx could refuse it. Here only apidx's loaders exist (code
// loaders only with the opt-in), `$import` is refused, and files are size-checked before any read.
import { stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { ApidxError, type Problem } from '../errors.js'
import { DEFAULT_LIMITS, parseJson, printable } from '../pack/safe-json.js'

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

type Loader = (file: string, content: string) => unknown
interface Explorer {
  search(from: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>
  getGlobalConfigDir(): string
}

/** The config error every problem of a config file becomes. */
export function invalidConfig(file: string, problems: Problem[]): ApidxError {
  return new ApidxError('ERR_CONFIG_INVALID', `The config file ${file} is not valid.`, {
    problems,
    suggestions: ['See schemas/config.schema.json for every field.'],
  })
}

/** The first config file for `cwd` (up to the home folder, then the user config folder), read but not validated. */
export async function findConfig(
  cwd: string,
  allowCode: boolean,
): Promise<{ value: unknown; file: string } | undefined> {
  const cosmiconfig = await import('cosmiconfig')
  const { Explorer } = (await import('cosmiconfig/dist/Explorer.js')) as unknown as {
    Explorer: new (options: object) => Explorer
  }
  const code = cosmiconfig.defaultLoaders
  const loaders: Record<string, Loader> = {
    '.json': jsonLoader,
    noExt: yamlLoader,
    '.yaml': yamlLoader,
    '.yml': yamlLoader,
  }
  if (allowCode)
    Object.assign(loaders, {
      '.js': code['.js'],
      '.cjs': code['.cjs'],
      '.mjs': code['.mjs'],
      '.ts': code['.ts'],
    })
  const explorer = new Explorer({
    moduleName: 'apidx',
    searchPlaces: allowCode ? [...DATA_PLACES, ...CODE_PLACES] : DATA_PLACES,
    ignoreEmptySearchPlaces: true,
    cache: false,
    transform: (r: unknown) => r,
    loaders,
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: false,
    searchStrategy: 'global',
  })
  await preflight(cwd, explorer.getGlobalConfigDir(), allowCode)
  const found = await explorer.search(cwd).catch((err: unknown) => {
    if (err instanceof ApidxError) throw err
    const file = (err as { filepath?: unknown }).filepath
    throw new ApidxError(
      'ERR_CONFIG_INVALID',
      `A config file${typeof file === 'string' ? ` (${file})` : ''} could not be read: ${safeMessage(err)}`,
      { suggestions: ['Check the file is valid JSON or YAML.'] },
    )
  })
  return found && !found.isEmpty ? { value: found.config, file: found.filepath } : undefined
}

/**
 * Walks the folders the search will read, before it reads anything: a code config without the
 * opt-in is refused by name (rather than ignored), and an oversized file is refused from its size.
 */
async function preflight(cwd: string, globalDir: string, allowCode: boolean): Promise<void> {
  const home = homedir()
  const dirs: { dir: string; data: string[]; code: string[] }[] = []
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    dirs.push({ dir, data: DATA_PLACES, code: CODE_PLACES })
    if (dir === home || dir === path.dirname(dir)) break
  }
  dirs.push({ dir: globalDir, data: GLOBAL_DATA, code: GLOBAL_CODE })
  for (const { dir, data, code } of dirs) {
    if (!allowCode) {
      for (const place of code) {
        const file = path.join(dir, place)
        if (await isFile(file)) {
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
    }
    for (const place of data) {
      const file = path.join(dir, place)
      const info = await stat(file).catch(() => undefined)
      if (!info || info.isDirectory()) continue
      // A FIFO or device would hang or flood the read.
      if (!info.isFile())
        throw invalidConfig(file, [
          {
            file,
            pointer: '',
            message: 'is not a regular file',
            remedy: 'Replace it with a JSON or YAML file, or remove it.',
          },
        ])
      if (info.size > DEFAULT_LIMITS.maxBytes) throw invalidConfig(file, [tooLarge(file, info.size)])
    }
    // Every folder the search may reach is checked: the search goes on past a file it finds empty (a
    // comment-only YAML, a package.json without "apidx"), so stopping here would leave a parent's FIFO
    // or 1 GiB file unchecked.
  }
}

const isFile = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  )

function tooLarge(file: string, size: number): Problem {
  return {
    file,
    pointer: '',
    message: `file is ${size} bytes, over the ${DEFAULT_LIMITS.maxBytes}-byte limit`,
    remedy: 'Config files are small; trim it.',
  }
}

/** `$import` would let a config pull in any file on disk (or code); apidx reads exactly one file. */
function refuseImport(file: string, value: unknown): void {
  const own = path.basename(file) === 'package.json' ? (value as { apidx?: unknown } | null)?.apidx : value
  if (own && typeof own === 'object' && Object.hasOwn(own, '$import')) {
    throw invalidConfig(file, [
      {
        file,
        pointer: '/$import',
        message: '$import is not supported',
        remedy: 'Put the settings in this one file.',
      },
    ])
  }
}

function jsonLoader(file: string, content: string): unknown {
  const parsed = parseJson(content, DEFAULT_LIMITS)
  if (!parsed.ok)
    throw invalidConfig(
      file,
      parsed.issues.map(({ pointer, message, remedy }) => ({ file, pointer, message, remedy })),
    )
  refuseImport(file, parsed.value)
  // For package.json cosmiconfig itself then takes the "apidx" field.
  return parsed.value
}

async function yamlLoader(file: string, content: string): Promise<unknown> {
  if (Buffer.byteLength(content) > DEFAULT_LIMITS.maxBytes)
    throw invalidConfig(file, [tooLarge(file, Buffer.byteLength(content))])
  const trimmed = content.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonLoader(file, content)
  const { defaultLoaders } = await import('cosmiconfig')
  let value: unknown
  try {
    value = await defaultLoaders['.yaml'](file, content)
  } catch (err) {
    throw invalidConfig(file, [yamlProblem(file, err)])
  }
  refuseImport(file, value)
  return value
}

/**
 * One problem for a YAML parse failure: js-yaml's reason and position (its message quotes the
 * file's lines, which may hold secrets, so only the reason is kept). A stack overflow on absurd
 * nesting becomes the depth problem.
 */
function yamlProblem(file: string, err: unknown): Problem {
  if (err instanceof RangeError)
    return {
      file,
      pointer: '',
      message: 'nesting is too deep to read',
      remedy: `Config never needs more than ${DEFAULT_LIMITS.maxDepth} levels.`,
    }
  const { reason, mark } = err as { reason?: unknown; mark?: { line?: unknown; column?: unknown } }
  const where =
    typeof mark?.line === 'number' && typeof mark.column === 'number'
      ? `line ${mark.line + 1}, column ${mark.column + 1}: `
      : ''
  const what = typeof reason === 'string' ? printable(reason.slice(0, 200)) : 'not valid YAML'
  return {
    file,
    pointer: '',
    message: `${where}${what}`,
    remedy: 'Fix the YAML syntax, or write the file as JSON.',
  }
}

/** A library error's first line only (YAML and JS errors quote the file, which may hold secrets). */
function safeMessage(err: unknown): string {
  const m = err instanceof Error ? err.message.split('\n')[0]! : 'unknown error'
  return printable(m.length > 200 ? `${m.slice(0, 200)}…` : m)
}
