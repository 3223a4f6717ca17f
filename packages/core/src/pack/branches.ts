// ajv reports every failing branch of a oneOf/anyOf: a signing step with one wrong field comes back
// as a dozen "missing property" errors, one per operation it is not. This narrows each such error to
// the branch the value meant — the one its discriminator names (a property every branch fixes with
// `const`, like a step's `op`), else the branch of the value's type with the fewest errors —
// re-validated on its own.
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'

interface Located {
  id: string
  pointer: string
}

interface Branch {
  validate: ValidateFunction
  schema: { properties?: Record<string, { const?: unknown; enum?: unknown[] } | undefined> }
}

/** Nested oneOfs are narrowed this deep at most; apidx's schemas nest two. */
const MAX_DEPTH = 8

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`)
const segment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

/** Narrows oneOf/anyOf errors of validators compiled by one ajv instance from the given root schemas. */
export class BranchNarrower {
  /** Where each schema object sits: its root's id and its JSON pointer, to name a branch to ajv. */
  private readonly where = new WeakMap<object, Located>()
  private readonly branches = new Map<string, Branch | null>()

  constructor(
    private readonly ajv: Ajv,
    roots: Record<string, unknown>,
  ) {
    for (const [id, root] of Object.entries(roots)) this.index(root, id)
  }

  /** The errors with every oneOf/anyOf failure replaced by the errors of the branch the value meant. */
  narrow(errors: ErrorObject[], depth = 0): ErrorObject[] {
    const out: ErrorObject[] = []
    for (const e of errors) {
      const replaced =
        (e.keyword === 'oneOf' || e.keyword === 'anyOf') && depth < MAX_DEPTH
          ? this.replace(e, depth)
          : undefined
      if (!replaced) {
        out.push(e)
        continue
      }
      // The branches' errors come right before the oneOf error, all at or under its instance path.
      while (out.length && within(out.at(-1)!.instancePath, e.instancePath)) out.pop()
      out.push(...replaced)
    }
    return out
  }

  /** A schema's description, following one $ref when it has none of its own: the remedy's hint. */
  describe(schema: unknown): string {
    if (!isObject(schema)) return ''
    if (typeof schema.description === 'string') return schema.description
    if (typeof schema.$ref !== 'string') return ''
    const at = this.where.get(schema)
    const ref = schema.$ref.startsWith('#') ? at && `${at.id}${schema.$ref}` : schema.$ref
    try {
      const target = ref ? this.ajv.getSchema(ref)?.schema : undefined
      return isObject(target) && typeof target.description === 'string' ? target.description : ''
    } catch {
      return ''
    }
  }

  private replace(e: ErrorObject, depth: number): ErrorObject[] | undefined {
    const parent = e.parentSchema as Record<string, unknown> | undefined
    const options = parent?.[e.keyword]
    const at = parent && this.where.get(parent)
    // A oneOf that several branches pass has no branch errors to narrow.
    if (!at || !Array.isArray(options) || (e.params as { passingSchemas?: unknown }).passingSchemas != null)
      return undefined
    const branches = options.map((b, i) => this.branch(at, `${e.keyword}/${i}`, b))
    if (branches.some((b) => !b)) return undefined
    const known = branches as Branch[]
    const tag = discriminator(known)
    if (tag && isObject(e.data)) {
      const value = e.data[tag.name]
      if (value === undefined) {
        return [
          {
            ...e,
            keyword: 'required',
            params: { missingProperty: tag.name },
            parentSchema: {
              properties: {
                [tag.name]: { description: `One of ${tag.values.map((v) => JSON.stringify(v)).join(', ')}.` },
              },
            },
          },
        ]
      }
      const i = tag.values.findIndex((v) => v === value)
      if (i < 0) {
        return [
          {
            ...e,
            keyword: 'enum',
            instancePath: `${e.instancePath}/${segment(tag.name)}`,
            params: { allowedValues: tag.values },
            data: value,
            parentSchema: {},
          },
        ]
      }
      return this.errorsOf(known[i]!, e.data, e.instancePath, depth)
    }
    // A branch whose type the value does not even have is the worst fit, whatever its error count.
    const cost = (errors: ErrorObject[]) =>
      errors.length +
      (errors.some((x) => x.keyword === 'type' && x.instancePath === e.instancePath) ? 1000 : 0)
    let best: ErrorObject[] | undefined
    for (const b of known) {
      const errors = this.errorsOf(b, e.data, e.instancePath, depth)
      if (!best || cost(errors) < cost(best)) best = errors
    }
    return best
  }

  private errorsOf(branch: Branch, data: unknown, prefix: string, depth: number): ErrorObject[] {
    if (branch.validate(data)) return []
    const errors = (branch.validate.errors ?? []).map((x) => ({
      ...x,
      instancePath: prefix + x.instancePath,
    }))
    return this.narrow(errors, depth + 1)
  }

  /** The validator of one branch, compiled once; null when ajv cannot name it. */
  private branch(at: Located, path: string, schema: unknown): Branch | null {
    const ref =
      isObject(schema) && typeof schema.$ref === 'string'
        ? schema.$ref.startsWith('#')
          ? `${at.id}${schema.$ref}`
          : schema.$ref
        : `${at.id}#${at.pointer}/${path}`
    let known = this.branches.get(ref)
    if (known === undefined) {
      try {
        const validate = this.ajv.getSchema(ref)
        known =
          validate && isObject(validate.schema)
            ? { validate, schema: validate.schema as Branch['schema'] }
            : null
      } catch {
        known = null
      }
      this.branches.set(ref, known)
    }
    return known
  }

  /** Records every object of a root schema with its pointer (iterative: schemas are trusted but deep). */
  private index(root: unknown, id: string): void {
    const stack: { value: unknown; pointer: string }[] = [{ value: root, pointer: '' }]
    while (stack.length) {
      const { value, pointer } = stack.pop()!
      if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, pointer: `${pointer}/${i}` }))
      else if (isObject(value)) {
        if (!this.where.has(value)) this.where.set(value, { id, pointer })
        for (const [k, v] of Object.entries(value))
          stack.push({ value: v, pointer: `${pointer}/${segment(k)}` })
      }
    }
  }
}

/** A property every branch fixes to a distinct constant (`op: "hmac"`), naming the branch a value meant. */
function discriminator(branches: Branch[]): { name: string; values: unknown[] } | undefined {
  const constant = (b: Branch, name: string): unknown => {
    const p = b.schema.properties?.[name]
    return p?.const !== undefined ? p.const : p?.enum?.length === 1 ? p.enum[0] : undefined
  }
  for (const name of Object.keys(branches[0]?.schema.properties ?? {})) {
    const values = branches.map((b) => constant(b, name))
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length)
      return { name, values }
  }
  return undefined
}
