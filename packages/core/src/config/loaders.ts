// Turns the text of one config file into a value: JSON with apidx's safe parser, YAML with
// cosmiconfig's public `defaultLoaders` (js-yaml), code only through the loader the caller opted
// into. Errors keep the position and reason, never the file's lines (they may hold secrets).
import path from 'node:path'
import type { Problem } from '../errors.js'
import { DEFAULT_LIMITS, parseJson, printable } from '../pack/safe-json.js'
import { invalidConfig } from './problems.js'

/** The config value of a data file (package.json: its "apidx" field); undefined when it holds none. */
export async function loadData(file: string, text: string): Promise<unknown> {
  const name = path.basename(file)
  if (name === 'package.json') {
    const pkg = jsonValue(file, text) as { apidx?: unknown } | null
    const own = pkg && typeof pkg === 'object' && Object.hasOwn(pkg, 'apidx') ? pkg.apidx : undefined
    refuseImport(file, own)
    return own
  }
  const trimmed = text.trimStart()
  const value =
    name.endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[')
      ? jsonValue(file, text)
      : await yamlValue(file, text)
  refuseImport(file, value)
  return value
}

/** The exported value of a code config (the caller has checked the opt-in). */
export async function loadCode(file: string, text: string): Promise<unknown> {
  const { defaultLoaders } = await import('cosmiconfig')
  const ext = path.extname(file) as '.js' | '.cjs' | '.mjs' | '.ts'
  const value = await defaultLoaders[ext](file, text)
  refuseImport(file, value)
  return value
}

function jsonValue(file: string, text: string): unknown {
  const parsed = parseJson(text, DEFAULT_LIMITS)
  if (!parsed.ok)
    throw invalidConfig(
      file,
      parsed.issues.map(({ pointer, message, remedy }) => ({ file, pointer, message, remedy })),
    )
  return parsed.value
}

async function yamlValue(file: string, text: string): Promise<unknown> {
  const { defaultLoaders } = await import('cosmiconfig')
  try {
    return await defaultLoaders['.yaml'](file, text)
  } catch (err) {
    throw invalidConfig(file, [yamlProblem(file, err)])
  }
}

/** `$import` would let a config pull in any file on disk (or code); apidx reads exactly one file. */
function refuseImport(file: string, value: unknown): void {
  if (value && typeof value === 'object' && Object.hasOwn(value, '$import')) {
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
