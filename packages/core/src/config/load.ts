// Loads apidx's config with cosmiconfig (module name `apidx`), as untrusted input: size-capped,
// prototype keys and YAML alias bombs rejected, validated against config.schema.json, and
// `${env:NAME}` interpolated. Config files that are code load only with an explicit opt-in.
import { access } from 'node:fs/promises'
import path from 'node:path'
import { ApidxError, type Problem } from '../errors.js'
import type { ApidxConfig } from '../generated/index.js'
import { DEFAULT_LIMITS, parseJson, pointerSegment, printable, quote } from '../pack/safe-json.js'
import { checkShape } from '../pack/shape.js'

/** Config files apidx reads as data. */
export const DATA_PLACES = ['package.json', '.apidxrc', '.apidxrc.json', '.apidxrc.yaml', '.apidxrc.yml']
/** Config files that are code: loaded only with `allowCode`. */
export const CODE_PLACES = ['.apidxrc.js', '.apidxrc.cjs', '.apidxrc.mjs', '.apidxrc.ts', 'apidx.config.js', 'apidx.config.cjs', 'apidx.config.mjs', 'apidx.config.ts']

export interface ConfigOptions {
  cwd?: string
  /** Load `.js`/`.ts` config files (they run code). Off unless the user opts in. */
  allowCode?: boolean
  env?: NodeJS.ProcessEnv
}

export interface LoadedConfig {
  config: ApidxConfig
  /** The file it came from; absent when no config was found. */
  file?: string
}

/** Finds, reads and validates the config that applies to `cwd` (searching up to the home or root folder). */
export async function loadConfig(options: ConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd()
  const env = options.env ?? process.env
  const { cosmiconfig } = await import('cosmiconfig')
  const places = options.allowCode ? [...DATA_PLACES, ...CODE_PLACES] : DATA_PLACES
  const explorer = cosmiconfig('apidx', {
    searchPlaces: places,
    searchStrategy: 'global',
    loaders: { '.json': jsonLoader, noExt: yamlLoader, '.yaml': yamlLoader, '.yml': yamlLoader },
  })
  const found = await explorer.search(cwd).catch((err: unknown) => {
    if (err instanceof ApidxError) throw err
    throw new ApidxError('ERR_CONFIG_INVALID', `A config file could not be read: ${safeMessage(err)}`, { suggestions: ['Check the file is valid JSON or YAML.'] })
  })
  if (!options.allowCode) await refuseCode(cwd, found?.filepath)
  if (!found || found.isEmpty) return { config: {} }
  return { config: await checkConfig(found.config, found.filepath, env), file: found.filepath }
}

/** Validates and interpolates a config value read from `file`. */
export async function checkConfig(value: unknown, file: string, env: NodeJS.ProcessEnv): Promise<ApidxConfig> {
  const problems = [...scanUntrusted(value, file), ...(await checkShape('config', value, file))]
  if (problems.length) throw invalid(file, problems)
  const config = value as ApidxConfig
  const missing: Problem[] = []
  for (const [id, p] of Object.entries(config.providers ?? {})) {
    for (const [name, raw] of Object.entries(p.credentials ?? {})) {
      p.credentials![name] = raw.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
        const v = env[variable]
        if (v === undefined) missing.push({ file, pointer: `/providers/${pointerSegment(id)}/credentials/${pointerSegment(name)}`, message: `refers to \${env:${variable}}, which is not set`, remedy: `Set ${variable} in the environment, or remove the entry.` })
        return v ?? ''
      })
    }
  }
  if (missing.length) throw invalid(file, missing)
  const dir = path.dirname(file)
  if (config.packs) config.packs = config.packs.map((p) => path.resolve(dir, p))
  return config
}

function invalid(file: string, problems: Problem[]): ApidxError {
  return new ApidxError('ERR_CONFIG_INVALID', `The config file ${file} is not valid.`, { problems, suggestions: ['See schemas/config.schema.json for every field.'] })
}

/** A code config exists near `cwd` but the user did not opt in: say so rather than ignore it silently. */
async function refuseCode(cwd: string, dataFile: string | undefined): Promise<void> {
  const stop = dataFile ? path.dirname(dataFile) : path.parse(cwd).root
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    for (const place of CODE_PLACES) {
      const file = path.join(dir, place)
      if (await access(file).then(() => true, () => false)) {
        throw new ApidxError('ERR_CONFIG_INVALID', `${file} is a config file that runs code, and code config is off.`, {
          suggestions: ['Move the settings to .apidxrc.json or .apidxrc.yaml, or opt in with APIDX_ALLOW_CODE_CONFIG=1 if you trust the file.'],
        })
      }
    }
    if (dir === stop || dir === path.dirname(dir)) return
  }
}

function jsonLoader(file: string, content: string): unknown {
  const parsed = parseJson(content, DEFAULT_LIMITS)
  if (!parsed.ok) throw invalid(file, parsed.issues.map(({ pointer, message, remedy }) => ({ file, pointer, message, remedy })))
  // For package.json cosmiconfig itself then takes the "apidx" field.
  return parsed.value
}

async function yamlLoader(file: string, content: string): Promise<unknown> {
  if (Buffer.byteLength(content) > DEFAULT_LIMITS.maxBytes) throw invalid(file, [{ file, pointer: '', message: `file is over the ${DEFAULT_LIMITS.maxBytes}-byte limit`, remedy: 'Config files are small; trim it.' }])
  const trimmed = content.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonLoader(file, content)
  const { defaultLoaders } = await import('cosmiconfig')
  try {
    return await defaultLoaders['.yaml'](file, content)
  } catch (err) {
    throw invalid(file, [yamlProblem(file, err)])
  }
}

/**
 * One problem for a YAML parse failure: js-yaml's reason and position (its message quotes the
 * file's lines, which may hold secrets, so only the reason is kept). A stack overflow on absurd
 * nesting becomes the depth problem.
 */
function yamlProblem(file: string, err: unknown): Problem {
  if (err instanceof RangeError) return { file, pointer: '', message: 'nesting is too deep to read', remedy: `Config never needs more than ${DEFAULT_LIMITS.maxDepth} levels.` }
  const { reason, mark } = err as { reason?: unknown; mark?: { line?: unknown; column?: unknown } }
  const where = typeof mark?.line === 'number' && typeof mark.column === 'number' ? `line ${mark.line + 1}, column ${mark.column + 1}: ` : ''
  const what = typeof reason === 'string' ? printable(reason.slice(0, 200)) : 'not valid YAML'
  return { file, pointer: '', message: `${where}${what}`, remedy: 'Fix the YAML syntax, or write the file as JSON.' }
}

/**
 * Rejects prototype keys and excessive depth in a loaded value. Shared objects (YAML aliases) are
 * visited once, so an alias bomb costs linear time.
 */
function scanUntrusted(value: unknown, file: string): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<object>()
  const stack: { v: unknown; at: string; depth: number }[] = [{ v: value, at: '', depth: 0 }]
  while (stack.length) {
    const { v, at, depth } = stack.pop()!
    if (!v || typeof v !== 'object' || seen.has(v)) continue
    seen.add(v)
    if (depth > DEFAULT_LIMITS.maxDepth) {
      problems.push({ file, pointer: at, message: `nesting is deeper than ${DEFAULT_LIMITS.maxDepth} levels`, remedy: 'Config never needs deep nesting.' })
      break
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        problems.push({ file, pointer: `${at}/${pointerSegment(key)}`, message: `the key ${quote(key)} is not allowed`, remedy: 'Remove it.' })
        continue
      }
      stack.push({ v: (v as Record<string, unknown>)[key], at: `${at}/${pointerSegment(key)}`, depth: depth + 1 })
    }
  }
  return problems
}

/** A parser's message without the file's content (YAML errors quote lines, which may hold secrets). */
function safeMessage(err: unknown): string {
  const m = err instanceof Error ? err.message.split('\n')[0]! : 'unknown error'
  return m.length > 200 ? `${m.slice(0, 200)}…` : m
}
