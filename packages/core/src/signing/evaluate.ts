// The evaluator: runs a scheme's steps in order over a working request, keeping every intermediate
// value by name, then places the results. It knows operations (ops.ts), never vendors.
import { ApidxError } from '../errors.js'
import type { AuthScheme, Step } from '../generated/index.js'
import { runOp, type OpContext, type Value } from './ops.js'
import { getHeader, setHeader, setQuery, type WorkingRequest } from './request.js'
import { parseTemplate, references } from './template.js'

export { freshNonce, type Value } from './ops.js'

/** One evaluated step, as `--explain` shows it. */
export interface StepValue {
  /** The step's id (`set #3` for an unnamed set step). */
  name: string
  op: Step['op']
  value: Value
  /** True when the value is or embeds a secret (a derived key, a string holding a secret credential). */
  secret: boolean
}

/** Everything an evaluation needs; nothing is read from the environment. */
export interface EvalInput {
  scheme: AuthScheme
  request: WorkingRequest
  credentials: Record<string, string>
  /** Names of credentials whose values are secret. */
  secretCredentials: ReadonlySet<string>
  params: Record<string, string>
  /** The request's instant, ms since the epoch. */
  instant: number
  /** Values forced for time and nonce steps (taken verbatim from a request being verified, or given by a test). */
  fixed?: Record<string, string>
  /** Replacements for `{url.*}` parts (used by the known-mistake search: host with port, trailing slash). */
  url?: Partial<Record<'hostname' | 'host' | 'path' | 'protocol', string>>
  /** Restricts canonicalHeaders to these names (verification reads them from the request's own list). */
  signedHeaders?: Record<string, string[]>
}

export interface EvalResult {
  steps: StepValue[]
  values: Map<string, Value>
  request: WorkingRequest
  /** The values written by `place`, by `query:<name>` / `header:<name>`. */
  placed: Map<string, string>
  signature: Value
}

const fail = (message: string, suggestion?: string): never => {
  throw new ApidxError('ERR_SIGNING', message, suggestion ? { suggestions: [suggestion] } : {})
}

/** Text of a value; raw bytes cannot silently become text. */
export function asText(v: Value, where: string): string {
  if (typeof v === 'string') return v
  return fail(
    `${where} uses raw bytes as text.`,
    'Add an encode step (hex or base64) for the bytes, or use them alone as an HMAC key.',
  )
}

/** The id of the scheme's signature step: the one it names, else its last named step. */
export function signatureStep(scheme: AuthScheme): string {
  return scheme.signature ?? [...scheme.steps].reverse().find((s) => s.id !== undefined)?.id ?? ''
}

/** Runs the scheme. Throws ApidxError ERR_SIGNING (or ERR_CREDENTIALS) when it cannot be evaluated. */
export function evaluate(input: EvalInput): EvalResult {
  const values = new Map<string, Value>()
  const secret = new Set<string>()
  const steps: StepValue[] = []
  const keyed = keyMaterial(input.scheme)
  input.scheme.steps.forEach((step, index) => {
    const name = step.id ?? `${step.op} #${index + 1}`
    const r = runOp(step, opContext(input, values, secret, name))
    // A value used as an HMAC key is key material, whatever its encoding (Baidu's hex signing key).
    const isSecret = Boolean(r.secret) || keyed.has(name)
    if (isSecret) secret.add(name)
    values.set(name, r.value)
    steps.push({ name, op: step.op, value: r.value, secret: isSecret })
  })
  const placed = placeResults(input, (where) => opContext(input, values, secret, where, where))
  const signatureId = signatureStep(input.scheme)
  const signature =
    values.get(signatureId) ??
    fail(`The scheme's signature names step ${signatureId}, which it does not have.`)
  return { steps, values, request: input.request, placed, signature }
}

/** Names of the steps whose values key an HMAC. */
function keyMaterial(scheme: AuthScheme): Set<string> {
  return new Set(
    scheme.steps.flatMap((s) => (s.op === 'hmac' ? references(s.key).map((r) => r.split('.')[0]!) : [])),
  )
}

/** The value of a reference: a credential, parameter, request part or earlier step. */
function lookupIn(input: EvalInput, values: Map<string, Value>, ref: string): Value | undefined {
  const { request } = input
  const [head, ...restParts] = ref.split('.')
  const rest = restParts.join('.')
  // Own properties only: a pack naming {cred.constructor} must not reach Object.prototype.
  if (head === 'cred') return (Object.hasOwn(input.credentials, rest) && input.credentials[rest]) || undefined
  if (head === 'param') return Object.hasOwn(input.params, rest) ? input.params[rest] : undefined
  if (head === 'method') return request.method
  if (head === 'body') return request.body
  if (head === 'header') return getHeader(request, rest) ?? ''
  if (head === 'query') return request.query.find((q) => q.name === rest)?.value ?? ''
  if (head === 'url') return urlPart(input, rest)
  if (rest && (rest === 'names' || rest === 'lines')) return values.get(`${head}.${rest}`)
  return rest ? undefined : values.get(head!)
}

function urlPart(input: EvalInput, part: string): string | undefined {
  const p = part as 'hostname' | 'host' | 'path' | 'protocol'
  if (input.url?.[p] !== undefined) return input.url[p]
  const base = input.request.base
  if (p === 'path') return base.pathname
  if (p === 'hostname' || p === 'host') return base[p]
  if (p === 'protocol') return base.protocol.replace(/:$/, '')
  return undefined
}

/** Fails for a reference with no value, naming what to set. */
function missingRef(ref: string, where: string): never {
  if (ref.startsWith('cred.'))
    throw new ApidxError(
      'ERR_CREDENTIALS',
      `${where} needs the credential ${ref.slice(5)}, which is not set.`,
    )
  if (ref.startsWith('param.'))
    return fail(`${where} needs the parameter ${ref.slice(6)}.`, `Pass --param ${ref.slice(6)}=<value>.`)
  return fail(`${where} refers to {${ref}}, which is not an earlier step or a known value.`)
}

/** The context one operation sees: references resolved against the input and the earlier steps. */
function opContext(
  input: EvalInput,
  values: Map<string, Value>,
  secret: Set<string>,
  name: string,
  where = `Step ${name}`,
): OpContext {
  const lookup = (ref: string) => lookupIn(input, values, ref)
  const text = (v: Value) => asText(v, where)
  const isSecretRef = (ref: string) => {
    const [head, ...rest] = ref.split('.')
    return head === 'cred' ? input.secretCredentials.has(rest.join('.')) : secret.has(head!)
  }
  return {
    name,
    where,
    request: input.request,
    instant: input.instant,
    ...(input.fixed ? { fixed: input.fixed } : {}),
    ...(input.signedHeaders ? { signedHeaders: input.signedHeaders } : {}),
    values,
    lookup,
    text,
    fill: (template) => {
      const segs = parseTemplate(template)
      if (segs.length === 1 && 'ref' in segs[0]!) return lookup(segs[0].ref) ?? missingRef(segs[0].ref, where)
      return segs
        .map((s) => ('text' in s ? s.text : text(lookup(s.ref) ?? missingRef(s.ref, where))))
        .join('')
    },
    tainted: (template) => references(template).some(isSecretRef),
    holdsSecret: (t) =>
      [...input.secretCredentials].some((c) => {
        const v = input.credentials[c]
        return v !== undefined && v.length > 0 && t.includes(v)
      }),
  }
}

/** Writes the scheme's placements into the request; returns them by `query:<name>` / `header:<name>`. */
function placeResults(input: EvalInput, context: (where: string) => OpContext): Map<string, string> {
  const placed = new Map<string, string>()
  const { scheme, request } = input
  for (const [key, template] of Object.entries(scheme.place.query ?? {})) {
    const ctx = context(`place.query.${key}`)
    const v = ctx.text(ctx.fill(template))
    setQuery(request, key, v)
    placed.set(`query:${key}`, v)
  }
  for (const [key, template] of Object.entries(scheme.place.header ?? {})) {
    const ctx = context(`place.header.${key}`)
    const v = ctx.text(ctx.fill(template))
    setHeader(request, key, v)
    placed.set(`header:${key.toLowerCase()}`, v)
  }
  return placed
}
