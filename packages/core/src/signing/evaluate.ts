// The evaluator: runs a scheme's steps in order over a working request, keeping every intermediate
// value by name, then places the results. It knows operations, never vendors.
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto'
import { ApidxError } from '../errors.js'
import type { AuthScheme, Step } from '../generated/index.js'
import { canonicalHeaders, canonicalPath, canonicalQuery } from './canonical.js'
import { base64url, percentEncode } from './encoding.js'
import { getHeader, setHeader, setQuery, type WorkingRequest } from './request.js'
import { parseTemplate, references } from './template.js'
import { formatTime } from './time.js'

/** A step's value: text, or raw bytes (an HMAC output kept as a derived key). */
export type Value = string | Buffer

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

/** An own property of a record built from request data: never an Object.prototype member. */
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined

const asBytes = (v: Value) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v)

/** A fresh nonce in the step's format. `digits`: a random positive integer of that many digits, no leading zero. */
export function freshNonce(step: Extract<Step, { op: 'nonce' }>): string {
  if (step.format === 'uuid') return randomUUID()
  if (step.format === 'uuid-hex') return randomUUID().replace(/-/g, '')
  if (step.format === 'digits') {
    const n = Math.min(Math.max(step.digits ?? 9, 1), 15)
    return Array.from({ length: n }, (_, i) => randomInt(i === 0 ? 1 : 0, 10)).join('')
  }
  return randomBytes(step.bytes ?? 16).toString('hex')
}

/** The id of the scheme's signature step: the one it names, else its last named step. */
export function signatureStep(scheme: AuthScheme): string {
  return scheme.signature ?? [...scheme.steps].reverse().find((s) => s.id !== undefined)?.id ?? ''
}

/** Runs the scheme. Throws ApidxError ERR_SIGNING (or ERR_CREDENTIALS) when it cannot be evaluated. */
export function evaluate(input: EvalInput): EvalResult {
  const { scheme, request } = input
  const values = new Map<string, Value>()
  const secret = new Set<string>()
  const steps: StepValue[] = []
  // A value used as an HMAC key is key material, whatever its encoding (Baidu's hex signing key).
  const keyed = new Set(
    scheme.steps.flatMap((s) => (s.op === 'hmac' ? references(s.key).map((r) => r.split('.')[0]!) : [])),
  )

  const lookup = (ref: string): Value | undefined => {
    const [head, ...restParts] = ref.split('.')
    const rest = restParts.join('.')
    // Own properties only: a pack naming {cred.constructor} must not reach Object.prototype.
    if (head === 'cred')
      return (Object.hasOwn(input.credentials, rest) && input.credentials[rest]) || undefined
    if (head === 'param') return Object.hasOwn(input.params, rest) ? input.params[rest] : undefined
    if (head === 'method') return request.method
    if (head === 'body') return request.body
    if (head === 'header') return getHeader(request, rest) ?? ''
    if (head === 'query') return request.query.find((q) => q.name === rest)?.value ?? ''
    if (head === 'url') {
      const part = rest as 'hostname' | 'host' | 'path' | 'protocol'
      if (input.url?.[part] !== undefined) return input.url[part]
      if (part === 'path') return request.base.pathname
      if (part === 'hostname' || part === 'host') return request.base[part]
      if (part === 'protocol') return request.base.protocol.replace(/:$/, '')
      return undefined
    }
    if (rest && (rest === 'names' || rest === 'lines')) return values.get(`${head}.${rest}`)
    return rest ? undefined : values.get(head!)
  }
  const isSecretRef = (ref: string) => {
    const [head, ...rest] = ref.split('.')
    return head === 'cred' ? input.secretCredentials.has(rest.join('.')) : secret.has(head!)
  }
  const missing = (ref: string, where: string): never => {
    if (ref.startsWith('cred.')) {
      throw new ApidxError(
        'ERR_CREDENTIALS',
        `${where} needs the credential ${ref.slice(5)}, which is not set.`,
      )
    }
    if (ref.startsWith('param.'))
      return fail(`${where} needs the parameter ${ref.slice(6)}.`, `Pass --param ${ref.slice(6)}=<value>.`)
    return fail(`${where} refers to {${ref}}, which is not an earlier step or a known value.`)
  }
  const fill = (template: string, where: string): Value => {
    const segs = parseTemplate(template)
    if (segs.length === 1 && 'ref' in segs[0]!) return lookup(segs[0].ref) ?? missing(segs[0].ref, where)
    return segs
      .map((s) => ('text' in s ? s.text : asText(lookup(s.ref) ?? missing(s.ref, where), where)))
      .join('')
  }
  const tainted = (template: string) => references(template).some(isSecretRef)
  const secretText = (text: string) =>
    [...input.secretCredentials].some((c) => {
      const v = input.credentials[c]
      return v !== undefined && v.length > 0 && text.includes(v)
    })

  scheme.steps.forEach((step, index) => {
    const name = step.id ?? `${step.op} #${index + 1}`
    const where = `Step ${name}`
    let value: Value
    let isSecret = false
    switch (step.op) {
      case 'time':
        value =
          own(input.fixed, name) ??
          formatTime(input.instant + (step.addSeconds ?? 0) * 1000, step.format, {
            ...(step.offset ? { offset: step.offset } : {}),
            ...(step.zone ? { zone: step.zone } : {}),
          })
        break
      case 'nonce':
        value = own(input.fixed, name) ?? freshNonce(step)
        break
      case 'template':
        value = fill(step.text, where)
        isSecret = tainted(step.text)
        break
      case 'hash': {
        const digest = createHash(step.alg)
          .update(asBytes(fill(step.data, where)))
          .digest()
        value = step.out === 'raw' ? digest : digest.toString(step.out)
        break
      }
      case 'hmac': {
        const mac = createHmac(step.alg, asBytes(fill(step.key, where)))
          .update(asBytes(fill(step.data, where)))
          .digest()
        value = step.out === 'raw' ? mac : mac.toString(step.out)
        isSecret = step.out === 'raw' && tainted(step.key)
        break
      }
      case 'encode': {
        const data = fill(step.data, where)
        const to = step.to
        if (to === 'base64') value = asBytes(data).toString('base64')
        else if (to === 'base64url') value = base64url(asBytes(data))
        else if (to === 'hex') value = asBytes(data).toString('hex')
        else if (to === 'lower') value = asText(data, where).toLowerCase()
        else if (to === 'upper') value = asText(data, where).toUpperCase()
        else value = percentEncode(asText(data, where), to)
        isSecret = tainted(step.data)
        break
      }
      case 'canonicalQuery': {
        const extra = Object.entries(step.add ?? {}).map(
          ([k, t]) => [k, asText(fill(t, where), where)] as [string, string],
        )
        value = canonicalQuery(request.query, step, extra)
        isSecret = secretText(value)
        break
      }
      case 'canonicalHeaders': {
        const c = canonicalHeaders(request, step, own(input.signedHeaders, name))
        values.set(`${name}.lines`, c.lines)
        values.set(`${name}.names`, c.names)
        value = c.lines
        isSecret = secretText(value)
        break
      }
      case 'canonicalPath':
        value = canonicalPath(asText(lookup('url.path')!, where), step)
        break
      case 'set': {
        const applied: string[] = []
        for (const [kind, map] of [
          ['query', step.query],
          ['header', step.header],
        ] as const) {
          for (const [key, template] of Object.entries(map ?? {})) {
            if (step.optional && references(template).some((r) => lookup(r) === undefined)) continue
            if (kind === 'query') {
              if (step.ifAbsent && request.query.some((q) => q.name === key)) continue
              const v = asText(fill(template, where), where)
              setQuery(request, key, v)
              applied.push(`${key}=${v}`)
            } else {
              if (step.ifAbsent && getHeader(request, key) !== undefined) continue
              const v = asText(fill(template, where), where)
              setHeader(request, key, v)
              applied.push(`${key}: ${v}`)
            }
            if (tainted(template)) isSecret = true
          }
        }
        value = applied.join('\n')
        break
      }
    }
    if (keyed.has(name)) isSecret = true
    if (isSecret) secret.add(name)
    values.set(name, value)
    steps.push({ name, op: step.op, value, secret: isSecret })
  })

  const placed = new Map<string, string>()
  for (const [key, template] of Object.entries(scheme.place.query ?? {})) {
    const v = asText(fill(template, `place.query.${key}`), `place.query.${key}`)
    setQuery(request, key, v)
    placed.set(`query:${key}`, v)
  }
  for (const [key, template] of Object.entries(scheme.place.header ?? {})) {
    const v = asText(fill(template, `place.header.${key}`), `place.header.${key}`)
    setHeader(request, key, v)
    placed.set(`header:${key.toLowerCase()}`, v)
  }
  const signatureId = signatureStep(scheme)
  const signature =
    values.get(signatureId) ??
    fail(`The scheme's signature names step ${signatureId}, which it does not have.`)
  return { steps, values, request, placed, signature }
}
