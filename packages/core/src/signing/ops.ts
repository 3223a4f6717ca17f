// The signing operations as a table: one function per `op` of a step (DESIGN §4). Each reads its
// inputs through the evaluation's context and returns the step's value and whether it is secret.
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { Step } from '../generated/index.js'
import { canonicalHeaders, canonicalPath, canonicalQuery } from './canonical.js'
import { base64url, percentEncode } from './encoding.js'
import { getHeader, setHeader, setQuery, type WorkingRequest } from './request.js'
import { references } from './template.js'
import { formatTime } from './time.js'

/** A step's value: text, or raw bytes (an HMAC output kept as a derived key). */
export type Value = string | Buffer

/** What an operation sees of the evaluation in progress. */
export interface OpContext {
  /** The step's name (its id, or `<op> #<n>`). */
  name: string
  /** `Step <name>`, for error messages. */
  where: string
  request: WorkingRequest
  instant: number
  /** Values forced for time and nonce steps. */
  fixed?: Record<string, string>
  /** Restricts canonicalHeaders to these names, by step name. */
  signedHeaders?: Record<string, string[]>
  /** Values of earlier steps (and `<step>.names` / `<step>.lines`). */
  values: Map<string, Value>
  /** The value of a template: one reference passes raw bytes through. */
  fill(template: string): Value
  /** The text of a value; raw bytes used as text fail. */
  text(value: Value): string
  /** A reference's value, or undefined when it has none. */
  lookup(ref: string): Value | undefined
  /** True when a template references a secret credential or a secret step. */
  tainted(template: string): boolean
  /** True when text holds the value of a secret credential. */
  holdsSecret(text: string): boolean
}

/** What an operation produced. */
export interface OpResult {
  value: Value
  secret?: boolean
}

type Op<K extends Step['op']> = (step: Extract<Step, { op: K }>, ctx: OpContext) => OpResult

/** An own property of a record built from request data: never an Object.prototype member. */
export const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
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

const time: Op<'time'> = (step, ctx) => ({
  value:
    own(ctx.fixed, ctx.name) ??
    formatTime(ctx.instant + (step.addSeconds ?? 0) * 1000, step.format, {
      ...(step.offset ? { offset: step.offset } : {}),
      ...(step.zone ? { zone: step.zone } : {}),
    }),
})

const nonce: Op<'nonce'> = (step, ctx) => ({ value: own(ctx.fixed, ctx.name) ?? freshNonce(step) })

const template: Op<'template'> = (step, ctx) => ({
  value: ctx.fill(step.text),
  secret: ctx.tainted(step.text),
})

const hash: Op<'hash'> = (step, ctx) => {
  const digest = createHash(step.alg)
    .update(asBytes(ctx.fill(step.data)))
    .digest()
  return { value: step.out === 'raw' ? digest : digest.toString(step.out) }
}

const hmac: Op<'hmac'> = (step, ctx) => {
  const mac = createHmac(step.alg, asBytes(ctx.fill(step.key)))
    .update(asBytes(ctx.fill(step.data)))
    .digest()
  // Raw bytes from a secret key are a derived key.
  return {
    value: step.out === 'raw' ? mac : mac.toString(step.out),
    secret: step.out === 'raw' && ctx.tainted(step.key),
  }
}

const encode: Op<'encode'> = (step, ctx) => {
  const data = ctx.fill(step.data)
  const to = step.to
  let value: Value
  if (to === 'base64') value = asBytes(data).toString('base64')
  else if (to === 'base64url') value = base64url(asBytes(data))
  else if (to === 'hex') value = asBytes(data).toString('hex')
  else if (to === 'lower') value = ctx.text(data).toLowerCase()
  else if (to === 'upper') value = ctx.text(data).toUpperCase()
  else value = percentEncode(ctx.text(data), to)
  return { value, secret: ctx.tainted(step.data) }
}

const query: Op<'canonicalQuery'> = (step, ctx) => {
  const extra = Object.entries(step.add ?? {}).map(([k, t]) => [k, ctx.text(ctx.fill(t))] as [string, string])
  const value = canonicalQuery(ctx.request.query, step, extra)
  return { value, secret: ctx.holdsSecret(value) }
}

const headers: Op<'canonicalHeaders'> = (step, ctx) => {
  const c = canonicalHeaders(ctx.request, step, own(ctx.signedHeaders, ctx.name))
  ctx.values.set(`${ctx.name}.lines`, c.lines)
  ctx.values.set(`${ctx.name}.names`, c.names)
  return { value: c.lines, secret: ctx.holdsSecret(c.lines) }
}

const path: Op<'canonicalPath'> = (step, ctx) => ({
  value: canonicalPath(ctx.text(ctx.lookup('url.path')!), step),
})

/** Writes query parameters or headers into the request; the value lists what was written. */
const set: Op<'set'> = (step, ctx) => {
  const applied: string[] = []
  let secret = false
  for (const [kind, map] of [
    ['query', step.query],
    ['header', step.header],
  ] as const) {
    for (const [key, t] of Object.entries(map ?? {})) {
      if (step.optional && references(t).some((r) => ctx.lookup(r) === undefined)) continue
      const present =
        kind === 'query'
          ? ctx.request.query.some((q) => q.name === key)
          : getHeader(ctx.request, key) !== undefined
      if (step.ifAbsent && present) continue
      const v = ctx.text(ctx.fill(t))
      if (kind === 'query') setQuery(ctx.request, key, v)
      else setHeader(ctx.request, key, v)
      applied.push(kind === 'query' ? `${key}=${v}` : `${key}: ${v}`)
      if (ctx.tainted(t)) secret = true
    }
  }
  return { value: applied.join('\n'), secret }
}

/** One function per operation. */
export const OPS: { [K in Step['op']]: Op<K> } = {
  time,
  nonce,
  template,
  hash,
  hmac,
  encode,
  canonicalQuery: query,
  canonicalHeaders: headers,
  canonicalPath: path,
  set,
}

/** Runs one step through its operation. */
export function runOp(step: Step, ctx: OpContext): OpResult {
  return (OPS[step.op] as (s: Step, c: OpContext) => OpResult)(step, ctx)
}
