// Phase one of validation: the shape of a document against its JSON Schema (ajv, compiled once per
// schema and process), with each ajv error turned into a Problem that says what is allowed.
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { BranchNarrower } from './branches.js'
import type { Problem } from '../errors.js'
import {
  authSchemeSchema,
  configSchema,
  packTestsSchema,
  providerPackSchema,
  serveConfigSchema,
  targetsSchema,
} from '../generated/schemas.js'
import { quote } from './safe-json.js'

/** The schemas checkShape knows. */
export type SchemaName = 'provider-pack' | 'config' | 'pack-tests' | 'targets' | 'serve-config'

interface Compiled {
  validate: ValidateFunction
  branches: BranchNarrower
}

const compiled = new Map<SchemaName, Compiled>()

const ROOTS: Record<SchemaName, unknown> = {
  'provider-pack': providerPackSchema,
  'pack-tests': packTestsSchema,
  config: configSchema,
  targets: targetsSchema,
  'serve-config': serveConfigSchema,
}

/** Compiles (once) and returns the validator for one of apidx's schemas. Ajv loads lazily: it is not on the startup path. */
async function validator(name: SchemaName): Promise<Compiled> {
  const known = compiled.get(name)
  if (known) return known
  const { Ajv } = await import('ajv')
  const { BranchNarrower } = await import('./branches.js')
  // optimize: false skips ajv's second pass over its generated code: a third less compile time on
  // every run that loads a pack (measured 85 → 56 ms for the pack schema), no measurable cost in validation.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    code: { optimize: false },
  })
  ajv.addSchema(authSchemeSchema as object, 'auth-scheme.schema.json')
  const root = ROOTS[name]
  const validate = ajv.compile(root as object)
  const id = (root as { $id?: string }).$id ?? name
  const entry = {
    validate,
    branches: new BranchNarrower(ajv, { [id]: root, 'auth-scheme.schema.json': authSchemeSchema }),
  }
  compiled.set(name, entry)
  return entry
}

/** Validates `value` against the named schema; every error becomes one Problem in `file`. */
export async function checkShape(name: SchemaName, value: unknown, file: string): Promise<Problem[]> {
  // Packs are checked on every run: a precompiled yes/no first, the full compile only to explain a "no".
  if (name === 'provider-pack') {
    const { default: valid } = (await import('../generated/pack-validator.js')) as {
      default: (v: unknown) => boolean
    }
    if (valid(value)) return []
  }
  const { validate, branches } = await validator(name)
  if (validate(value)) return []
  // ajv reports a bad key twice (the inner pattern and the outer propertyNames): keep the inner one.
  const errors = branches.narrow([...(validate.errors ?? [])]).filter((e) => e.keyword !== 'propertyNames')
  const problems = errors.map((e) => toProblem(e, file, (schema) => branches.describe(schema)))
  return dedupe(problems)
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function pointerKey(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

function describeValue(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  const s = JSON.stringify(v) ?? String(v)
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

/** The size a length keyword measures, with its unit: items, characters (code points, as ajv counts) or properties. */
function sizeOf(v: unknown): [number, string] {
  if (Array.isArray(v)) return [v.length, v.length === 1 ? 'item' : 'items']
  if (typeof v === 'string') {
    const n = [...v].length
    return [n, n === 1 ? 'character' : 'characters']
  }
  const n = v && typeof v === 'object' ? Object.keys(v).length : 0
  return [n, n === 1 ? 'property' : 'properties']
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (Number.isInteger(v)) return 'integer'
  return typeof v
}

/** One ajv error as one Problem; `hint` gives a schema's description, the remedy when nothing more specific fits. */
function toProblem(e: ErrorObject, file: string, hint: (schema: unknown) => string): Problem {
  const at = e.instancePath
  const params = e.params as Record<string, unknown>
  if (e.propertyName !== undefined) {
    const limit =
      e.keyword === 'pattern'
        ? `Names must match ${String(params.pattern)}.`
        : `Names ${e.message ?? 'are restricted'}.`
    return {
      file,
      pointer: `${at}/${pointerKey(e.propertyName)}`,
      message: `the key ${quote(e.propertyName)} is not a valid name here`,
      remedy: limit,
    }
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      return {
        file,
        pointer: `${at}/${pointerKey(name)}`,
        message: `unknown property ${quote(name)}`,
        remedy: allowed.length
          ? `Allowed here: ${allowed.join(', ')}.`
          : 'No other properties are allowed here.',
      }
    }
    case 'required': {
      const name = String(params.missingProperty)
      const prop = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties?.[
        name
      ]
      return {
        file,
        pointer: at,
        message: `missing required property "${name}"`,
        remedy: hint(prop) ? `Add "${name}": ${hint(prop)}` : `Add "${name}".`,
      }
    }
    case 'type':
      return {
        file,
        pointer: at,
        message: `must be ${String(params.type).replace(',', ' or ')}, but is ${typeOf(e.data)}`,
        remedy: hint(e.parentSchema) || 'Change the value to the expected type.',
      }
    case 'enum':
      return {
        file,
        pointer: at,
        message: `${describeValue(e.data)} is not an allowed value`,
        remedy: `Use one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      }
    case 'pattern':
      return {
        file,
        pointer: at,
        message: `${describeValue(e.data)} is not in the required form`,
        remedy: hint(e.parentSchema) || `It must match ${String(params.pattern)}.`,
      }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(params.limit)
      const [size, unit] = sizeOf(e.data)
      const bound = e.keyword.startsWith('min') ? `at least ${limit}` : `at most ${limit}`
      return {
        file,
        pointer: at,
        message: `has ${size} ${unit}, ${bound} allowed`,
        remedy: hint(e.parentSchema) || 'See the schema.',
      }
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        file,
        pointer: at,
        message: `${describeValue(e.data)} must be ${String(params.comparison)} ${String(params.limit)}`,
        remedy: hint(e.parentSchema) || 'See the schema.',
      }
    case 'const':
      return {
        file,
        pointer: at,
        message: `${describeValue(e.data)} is not the value allowed here`,
        remedy: `Use ${JSON.stringify(params.allowedValue)}.`,
      }
    case 'uniqueItems':
      return {
        file,
        pointer: at,
        message: `items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))} are the same`,
        remedy: 'Keep one of them.',
      }
    default:
      return {
        file,
        pointer: at,
        message: `${describeValue(e.data)} ${e.message ?? 'is not valid'}`,
        remedy: hint(e.parentSchema) || 'See the schema.',
      }
  }
}
