// The known mistakes (DESIGN §4), as data: each is `{ kind, applies, mutate, describe }` over a
// scheme evaluation — where it can be made, how it changes the computation, what the user did. The
// verifier re-evaluates each offline and keeps those that reproduce the user's value. No vendor here.
import type { AuthScheme, Encoding, Step } from '../generated/index.js'
import type { EvalInput } from './evaluate.js'
import { references } from './template.js'
import { formatTime } from './time.js'

/** One candidate mistake. */
export interface Mutation {
  /** Stable id of the kind of mistake, e.g. `credentials-swapped`, `hash-algorithm`. */
  kind: string
  /** What the user did, in one sentence. */
  description: string
  apply(input: EvalInput): EvalInput
}

/** Where a mistake is looked for: the evaluation, and for step mistakes one step of its scheme. */
export interface Site {
  input: EvalInput
  /** A credential's name as the user knows it (its environment variable). */
  envOf: (cred: string) => string
  /** The pack's credential order. */
  order: string[]
  step?: Step
  /** The step's name (its id, or `<op> #<n>`). */
  id?: string
}

/** A known mistake: the ways it can be made at a site (none: it does not apply), and its effect. */
export interface KnownMistake<V = any> {
  kind: string
  applies(site: Site): V[]
  mutate(input: EvalInput, variant: V): EvalInput
  describe(variant: V, site: Site): string
}

const ALGS = ['md5', 'sha1', 'sha256'] as const
const ALG_NAMES: Record<string, string> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' }
const PERCENT = ['rfc3986', 'form', 'uri-component'] as const satisfies readonly Encoding[]
const ENC_NAMES: Record<string, string> = {
  rfc3986: '%20 for spaces (RFC 3986)',
  form: '+ for spaces (form encoding)',
  'uri-component': "encodeURIComponent (! ' ( ) * left unencoded)",
  'rfc3986-except-slash': 'RFC 3986 keeping /',
  none: 'no encoding',
}

const stepName = (s: Step, i: number) => s.id ?? `${s.op} #${i + 1}`

/** The input with the step named `id` replaced by `make(step)`; unchanged when the scheme has no such step (so two mutations compose). */
function replaceStep(i: EvalInput, id: string, make: (step: Step) => Step[]): EvalInput {
  const at = i.scheme.steps.findIndex((s, k) => stepName(s, k) === id)
  if (at < 0) return i
  const steps = [...i.scheme.steps]
  steps.splice(at, 1, ...make(steps[at]!))
  return { ...i, scheme: { ...i.scheme, steps: steps as AuthScheme['steps'] } }
}

/** A mistake that rewrites one step: its variants are the step's replacement fields. */
function stepChange<V>(
  kind: string,
  applies: (step: Step, site: Site) => V[],
  change: (step: Step, v: V, id: string) => Step[],
  describe: (v: V, id: string, step: Step) => string,
): KnownMistake<{ id: string; v: V }> {
  return {
    kind,
    applies: (site) => (site.step ? applies(site.step, site).map((v) => ({ id: site.id!, v })) : []),
    mutate: (i, { id, v }) => replaceStep(i, id, (s) => change(s, v, id)),
    describe: ({ id, v }, site) => describe(v, id, site.step!),
  }
}

// ---- Mistakes in the credentials -------------------------------------------------------------

const credentialsSwapped: KnownMistake<[string, string]> = {
  kind: 'credentials-swapped',
  // Any two credentials the scheme uses (key and secret, app id and key), in the pack's order.
  applies: ({ input, order }) => {
    const used = [...new Set(JSON.stringify(input.scheme).match(/\{cred\.[A-Za-z0-9_]+\}/g) ?? [])]
      .map((r) => r.slice(6, -1))
      .filter((c) => input.credentials[c])
    const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length)
    used.sort((a, b) => rank(a) - rank(b))
    return used.flatMap((x, a) => used.slice(a + 1).map((y) => [x, y] as [string, string]))
  },
  mutate: (i, [x, y]) => ({
    ...i,
    credentials: { ...i.credentials, [x]: i.credentials[y]!, [y]: i.credentials[x]! },
  }),
  describe: ([x, y], { envOf }) => `${envOf(x)} and ${envOf(y)} were swapped.`,
}

// ---- Mistakes in one step, in the order they are tried on each step -----------------------------

const isDigest = (s: Step): s is Extract<Step, { op: 'hash' | 'hmac' }> => s.op === 'hash' || s.op === 'hmac'

const hashAlgorithm = stepChange(
  'hash-algorithm',
  (s) => (isDigest(s) ? ALGS.filter((a) => a !== s.alg) : []),
  (s, alg) => [{ ...s, alg } as Step],
  (alg, id, s) => `Step ${id} used ${ALG_NAMES[alg]} instead of ${ALG_NAMES[(s as { alg: string }).alg]}.`,
)

const digestEncoding = stepChange(
  'digest-encoding',
  (s) => (isDigest(s) && s.out !== 'raw' ? [s.out === 'hex' ? 'base64' : 'hex'] : []),
  (s, out) => [{ ...s, out } as Step],
  (out, id, s) => `Step ${id} was encoded as ${out} instead of ${(s as { out: string }).out}.`,
)

const upperHex = stepChange(
  'letter-case',
  (s) => (isDigest(s) && s.out === 'hex' ? [true] : []),
  (s, _v, id) => [
    { ...s, id: `${id}Upper` } as Step,
    { id, op: 'encode', data: `{${id}Upper}`, to: 'upper' },
  ],
  (_v, id) => `Step ${id} was written in upper-case hex.`,
)

/** The same instant written in the formats users confuse with the step's. */
function timeAlternatives(step: Extract<Step, { op: 'time' }>, at: number): [string, string][] {
  if (step.format === 'unix-s') return [['unix-ms', formatTime(at, 'unix-ms')]]
  if (step.format === 'unix-ms') return [['unix-s', formatTime(at, 'unix-s')]]
  if (step.format === 'rfc1123') {
    const zone = step.zone === 'UTC' ? 'GMT' : 'UTC'
    return [[`rfc1123 with ${zone}`, formatTime(at, 'rfc1123', { zone })]]
  }
  if (step.format === 'iso8601')
    return [
      ['iso8601 with milliseconds', formatTime(at, 'iso8601-ms')],
      [
        step.offset ? 'iso8601 in UTC' : 'iso8601 with +0800',
        formatTime(at, 'iso8601', step.offset ? {} : { offset: '+0800' }),
      ],
    ]
  return []
}

const timestampFormat: KnownMistake<{ id: string; label: string; value: string }> = {
  kind: 'timestamp-format',
  applies: ({ step, id, input }) =>
    step?.op === 'time'
      ? timeAlternatives(step, input.instant + (step.addSeconds ?? 0) * 1000).map(([label, value]) => ({
          id: id!,
          label,
          value,
        }))
      : [],
  mutate: (i, { id, value }) => ({ ...i, fixed: { ...i.fixed, [id]: value } }),
  describe: ({ id, label }, { step }) => {
    const s = step as Extract<Step, { op: 'time' }>
    return `The signed ${id} was written as ${label} instead of ${s.format}${s.offset ? ` ${s.offset}` : ''}.`
  },
}

const colonSpace = stepChange(
  'colon-space',
  (s) => (s.op === 'template' && s.text.includes(': ') ? [true] : []),
  (s) => [{ ...s, text: (s as { text: string }).text.split(': ').join(':') } as Step],
  (_v, id) => `Step ${id} has no space after the colons (the scheme writes "name: value").`,
)

const queryEncoding = stepChange(
  'percent-encoding',
  (s) => (s.op === 'canonicalQuery' ? PERCENT.filter((e) => e !== s.encode) : []),
  (s, encode) => [{ ...s, encode } as Step],
  (enc, id, s) =>
    `Step ${id} encoded with ${ENC_NAMES[enc]} instead of ${ENC_NAMES[(s as { encode: string }).encode]}.`,
)

const unsortedParameters = stepChange(
  'unsorted-parameters',
  (s) => (s.op === 'canonicalQuery' && (s.sort ?? 'bytes') !== 'none' ? [true] : []),
  (s) => [{ ...s, sort: 'none' } as Step],
  (_v, id) => `Step ${id} kept the parameters in request order instead of sorting them.`,
)

const valueEncoding = stepChange(
  'percent-encoding',
  (s) =>
    s.op === 'encode' && (PERCENT as readonly string[]).includes(s.to)
      ? PERCENT.filter((e) => e !== s.to)
      : [],
  (s, to) => [{ ...s, to } as Step],
  (enc, id, s) =>
    `Step ${id} encoded with ${ENC_NAMES[enc]} instead of ${ENC_NAMES[(s as { to: string }).to]}.`,
)

const pathEncoding = stepChange(
  'path-encoding',
  (s) => (s.op === 'canonicalPath' ? [s.times === 2 ? 1 : 2] : []),
  (s, times) => [{ ...s, times } as Step],
  (times, id) =>
    `Step ${id} encoded the path ${times === 1 ? 'once' : 'twice'} instead of ${times === 1 ? 'twice' : 'once'}.`,
)

const headerValueEncoding = stepChange(
  'percent-encoding',
  (s) => (s.op === 'canonicalHeaders' && s.valueEncode && s.valueEncode !== 'none' ? [true] : []),
  (s) => [{ ...s, valueEncode: 'none' } as Step],
  (_v, id) => `Step ${id} left header values unencoded.`,
)

// A parameter the scheme always writes that the request lacks (aws4's signQuery leaves out
// X-Amz-Expires): signed without it, the request cannot match.
const absentParameter = stepChange(
  'absent-parameter',
  (s, { input }) =>
    s.op === 'set' && !s.optional && !s.ifAbsent && s.query
      ? Object.keys(s.query).filter((key) => !input.request.query.some((q) => q.name === key))
      : [],
  (s, key) => {
    const { [key]: _gone, ...rest } = (s as Extract<Step, { op: 'set' }>).query ?? {}
    return [{ ...s, query: rest } as Step]
  },
  (key) =>
    `The request was signed without ${key}, which the scheme writes and signs: add it to the URL before signing.`,
)

// A digest or encoding left out: its input used as is (rtasr's MD5 skipped, a base64 forgotten).
const skippedStep = stepChange(
  'skipped-step',
  (s) =>
    (s.op === 'hash' || (s.op === 'encode' && s.to !== 'upper' && s.to !== 'lower')) && s.id ? [true] : [],
  (s) => [{ id: s.id!, op: 'template', text: (s as { data: string }).data }],
  (_v, id, s) =>
    `Step ${id} (${s.op === 'hash' ? ALG_NAMES[s.alg] : (s as { to: string }).to}) was left out: its input was used as is.`,
)

// ---- Mistakes in the URL parts as signed: trailing slash, host with a port or a scheme, method case ----

const defaultPort = (base: URL) =>
  base.port || (base.protocol === 'https:' || base.protocol === 'wss:' ? '443' : '80')
const signsHost = (scheme: AuthScheme) => /\{url\.host(name)?\}/.test(JSON.stringify(scheme))

const trailingSlash: KnownMistake<string> = {
  kind: 'trailing-slash',
  applies: ({ input }) => {
    const path = input.request.base.pathname
    return path === '/' ? [] : [path.endsWith('/') ? path.slice(0, -1) : `${path}/`]
  },
  mutate: (i, path) => ({ ...i, url: { ...i.url, path } }),
  describe: (path, { input }) =>
    `The signed path was ${JSON.stringify(path)} instead of ${JSON.stringify(input.request.base.pathname)}.`,
}

const urlHost: KnownMistake<{ host: string; kind: 'port' | 'no-port' | 'scheme' }> = {
  kind: 'host-with-port',
  applies: ({ input }) => {
    const base = input.request.base
    if (!signsHost(input.scheme)) return []
    return [
      { host: `${base.hostname}:${defaultPort(base)}`, kind: 'port' as const },
      ...(base.port ? [{ host: base.hostname, kind: 'no-port' as const }] : []),
    ]
  },
  mutate: (i, { host }) => ({ ...i, url: { ...i.url, hostname: host, host } }),
  describe: ({ host, kind }, { input }) => {
    const base = input.request.base
    return `The signed host was ${host} instead of ${kind === 'port' && !base.port ? base.hostname : base.host}.`
  },
}

const hostWithScheme: KnownMistake<string> = {
  kind: 'host-with-scheme',
  applies: ({ input }) => {
    const base = input.request.base
    return signsHost(input.scheme) ? [`${base.protocol}//${base.host}`] : []
  },
  mutate: (i, host) => ({ ...i, url: { ...i.url, hostname: host, host } }),
  describe: (host, { input }) =>
    `The signed host was ${host} (with the scheme) instead of ${input.request.base.host}.`,
}

// The Host header as signed, when the request has one (header-signing schemes read it, not the URL).
const hostHeader: KnownMistake<{ from: string; to: string }> = {
  kind: 'host-with-port',
  applies: ({ input }) => {
    const h = input.request.headers.find((x) => x.name.toLowerCase() === 'host')
    if (!h) return []
    const to = h.value.includes(':')
      ? h.value.replace(/:\d+$/, '')
      : `${h.value}:${defaultPort(input.request.base)}`
    return [{ from: h.value, to }]
  },
  mutate: (i, { to }) => ({
    ...i,
    request: {
      ...i.request,
      headers: i.request.headers.map((h) =>
        h.name.toLowerCase() === 'host' ? { name: h.name, value: to } : h,
      ),
    },
  }),
  describe: ({ from, to }) => `The signed Host header was ${to} instead of ${from}.`,
}

const methodCase: KnownMistake<true> = {
  kind: 'letter-case',
  applies: ({ input }) => (references(JSON.stringify(input.scheme.steps)).includes('method') ? [true] : []),
  mutate: (i) => ({ ...i, request: { ...i.request, method: i.request.method.toLowerCase() } }),
  describe: (_v, { input }) =>
    `The method was signed as ${input.request.method.toLowerCase()} instead of ${input.request.method}.`,
}

/** The known mistakes, in the order they are tried: credentials, then each step's, then the URL's. */
export const KNOWN_MISTAKES = {
  credentials: [credentialsSwapped],
  step: [
    hashAlgorithm,
    digestEncoding,
    upperHex,
    timestampFormat,
    colonSpace,
    queryEncoding,
    unsortedParameters,
    valueEncoding,
    pathEncoding,
    headerValueEncoding,
    absentParameter,
    skippedStep,
  ],
  url: [trailingSlash, urlHost, hostWithScheme, hostHeader, methodCase],
} as const satisfies Record<string, readonly KnownMistake[]>

/** The candidates of the given mistakes at one site. */
function candidates(list: readonly KnownMistake[], site: Site): Mutation[] {
  return list.flatMap((m) =>
    m.applies(site).map((v) => ({
      kind: m.kind,
      description: m.describe(v, site),
      apply: (i: EvalInput) => m.mutate(i, v),
    })),
  )
}

/** Every candidate mistake for a scheme evaluation; `envOf` names a credential as the user knows it, `order` is the pack's credential order. */
export function mutations(
  input: EvalInput,
  envOf: (cred: string) => string,
  order: string[] = [],
): Mutation[] {
  const site: Site = { input, envOf, order }
  return [
    ...candidates(KNOWN_MISTAKES.credentials, site),
    ...input.scheme.steps.flatMap((step, index) =>
      candidates(KNOWN_MISTAKES.step, { ...site, step, id: stepName(step, index) }),
    ),
    ...candidates(KNOWN_MISTAKES.url, site),
  ]
}
