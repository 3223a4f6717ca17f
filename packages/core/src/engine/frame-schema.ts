// Checks a frame or body against a pack's response schema with ajv (compiled once per schema object).
// Pack schemas are limited to keywords that run in linear time (pack/meaning.ts), so a hostile pack
// cannot make this slow.
import type { ValidateFunction } from 'ajv'

/** The first problem of a frame against a schema: where and what. */
export interface SchemaProblem {
  pointer: string
  message: string
}

const compiled = new WeakMap<object, ValidateFunction>()
let ajvInstance: { compile(schema: object): ValidateFunction } | undefined

/** Loads ajv once; it is not on the startup path of commands that do not check frames. */
export async function loadFrameValidator(): Promise<void> {
  if (ajvInstance) return
  const { Ajv } = await import('ajv')
  ajvInstance = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true, validateSchema: false })
}

/** Validates `value` against `schema`; undefined when it matches. Call loadFrameValidator() first. */
export function checkFrame(schema: object, value: unknown): SchemaProblem | undefined {
  if (!ajvInstance) throw new Error('loadFrameValidator() was not awaited')
  let fn = compiled.get(schema)
  if (!fn) {
    fn = ajvInstance.compile(schema)
    compiled.set(schema, fn)
  }
  if (fn(value)) return undefined
  const e = fn.errors?.[0]
  if (!e) return { pointer: '', message: 'does not match the schema' }
  const missing =
    e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty)}` : ''
  return {
    pointer: `${e.instancePath}${missing}`,
    message: e.keyword === 'required' ? 'is missing' : (e.message ?? 'does not match'),
  }
}
