// The known mistakes (DESIGN §4), as generic transformations of a scheme or of its inputs: each is
// re-evaluated offline and kept when it reproduces the user's value. No vendor appears here.
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

/**
 * A mutation that rewrites the step named `id` of whatever scheme it is applied to (so two mutations
 * compose): `make` returns the step(s) that replace it.
 */
function onStep(kind: string, description: string, id: string, make: (step: Step) => Step[]): Mutation {
  return {
    kind,
    description,
    apply: (i) => {
      const at = i.scheme.steps.findIndex((s, k) => stepName(s, k) === id)
      if (at < 0) return i
      const steps = [...i.scheme.steps]
      steps.splice(at, 1, ...make(steps[at]!))
      return { ...i, scheme: { ...i.scheme, steps: steps as AuthScheme['steps'] } }
    },
  }
}

/** Every candidate mistake for a scheme evaluation; `envOf` names a credential as the user knows it, `order` is the pack's credential order. */
export function mutations(
  input: EvalInput,
  envOf: (cred: string) => string,
  order: string[] = [],
): Mutation[] {
  const { scheme } = input
  const out: Mutation[] = []

  // Credentials swapped: any two the scheme uses (key and secret, app id and key).
  const used = [...new Set(JSON.stringify(scheme).match(/\{cred\.[A-Za-z0-9_]+\}/g) ?? [])]
    .map((r) => r.slice(6, -1))
    .filter((c) => input.credentials[c])
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length)
  used.sort((a, b) => rank(a) - rank(b))
  for (let a = 0; a < used.length; a++) {
    for (let b = a + 1; b < used.length; b++) {
      const [x, y] = [used[a]!, used[b]!]
      out.push({
        kind: 'credentials-swapped',
        description: `${envOf(x)} and ${envOf(y)} were swapped.`,
        apply: (i) => ({
          ...i,
          credentials: { ...i.credentials, [x]: i.credentials[y]!, [y]: i.credentials[x]! },
        }),
      })
    }
  }

  scheme.steps.forEach((step, index) => {
    const id = stepName(step, index)
    if (step.op === 'hash' || step.op === 'hmac') {
      for (const alg of ALGS) {
        if (alg !== step.alg)
          out.push(
            onStep(
              'hash-algorithm',
              `Step ${id} used ${ALG_NAMES[alg]} instead of ${ALG_NAMES[step.alg]}.`,
              id,
              (s) => [{ ...s, alg } as Step],
            ),
          )
      }
      if (step.out !== 'raw') {
        const other = step.out === 'hex' ? 'base64' : 'hex'
        out.push(
          onStep('digest-encoding', `Step ${id} was encoded as ${other} instead of ${step.out}.`, id, (s) => [
            { ...s, out: other } as Step,
          ]),
        )
      }
      if (step.out === 'hex') {
        const raw = `${id}Upper`
        out.push(
          onStep('letter-case', `Step ${id} was written in upper-case hex.`, id, (s) => [
            { ...s, id: raw } as Step,
            { id, op: 'encode', data: `{${raw}}`, to: 'upper' },
          ]),
        )
      }
    }
    if (step.op === 'time') {
      const at = input.instant + (step.addSeconds ?? 0) * 1000
      const alternatives: [string, string][] = []
      if (step.format === 'unix-s') alternatives.push(['unix-ms', formatTime(at, 'unix-ms')])
      if (step.format === 'unix-ms') alternatives.push(['unix-s', formatTime(at, 'unix-s')])
      if (step.format === 'rfc1123')
        alternatives.push([
          `rfc1123 with ${step.zone === 'UTC' ? 'GMT' : 'UTC'}`,
          formatTime(at, 'rfc1123', { zone: step.zone === 'UTC' ? 'GMT' : 'UTC' }),
        ])
      if (step.format === 'iso8601')
        alternatives.push(
          ['iso8601 with milliseconds', formatTime(at, 'iso8601-ms')],
          [
            step.offset ? 'iso8601 in UTC' : 'iso8601 with +0800',
            formatTime(at, 'iso8601', step.offset ? {} : { offset: '+0800' }),
          ],
        )
      for (const [label, value] of alternatives) {
        out.push({
          kind: 'timestamp-format',
          description: `The signed ${id} was written as ${label} instead of ${step.format}${step.offset ? ` ${step.offset}` : ''}.`,
          apply: (i) => ({ ...i, fixed: { ...i.fixed, [id]: value } }),
        })
      }
    }
    if (step.op === 'template' && step.text.includes(': ')) {
      out.push(
        onStep(
          'colon-space',
          `Step ${id} has no space after the colons (the scheme writes "name: value").`,
          id,
          (s) => [{ ...s, text: step.text.split(': ').join(':') } as Step],
        ),
      )
    }
    if (step.op === 'canonicalQuery') {
      for (const enc of PERCENT)
        if (enc !== step.encode)
          out.push(
            onStep(
              'percent-encoding',
              `Step ${id} encoded with ${ENC_NAMES[enc]} instead of ${ENC_NAMES[step.encode]}.`,
              id,
              (s) => [{ ...s, encode: enc } as Step],
            ),
          )
      if ((step.sort ?? 'bytes') !== 'none')
        out.push(
          onStep(
            'unsorted-parameters',
            `Step ${id} kept the parameters in request order instead of sorting them.`,
            id,
            (s) => [{ ...s, sort: 'none' } as Step],
          ),
        )
    }
    if (step.op === 'encode' && (PERCENT as readonly string[]).includes(step.to)) {
      for (const enc of PERCENT)
        if (enc !== step.to)
          out.push(
            onStep(
              'percent-encoding',
              `Step ${id} encoded with ${ENC_NAMES[enc]} instead of ${ENC_NAMES[step.to]}.`,
              id,
              (s) => [{ ...s, to: enc } as Step],
            ),
          )
    }
    if (step.op === 'canonicalPath') {
      out.push(
        onStep(
          'path-encoding',
          `Step ${id} encoded the path ${step.times === 2 ? 'once' : 'twice'} instead of ${step.times === 2 ? 'twice' : 'once'}.`,
          id,
          (s) => [{ ...s, times: step.times === 2 ? 1 : 2 } as Step],
        ),
      )
    }
    if (step.op === 'canonicalHeaders' && step.valueEncode && step.valueEncode !== 'none') {
      out.push(
        onStep('percent-encoding', `Step ${id} left header values unencoded.`, id, (s) => [
          { ...s, valueEncode: 'none' } as Step,
        ]),
      )
    }
    // A parameter the scheme always writes that the request lacks (aws4's signQuery leaves out
    // X-Amz-Expires): signed without it, the request cannot match.
    if (step.op === 'set' && !step.optional && !step.ifAbsent && step.query) {
      for (const key of Object.keys(step.query)) {
        if (input.request.query.some((q) => q.name === key)) continue
        out.push(
          onStep(
            'absent-parameter',
            `The request was signed without ${key}, which the scheme writes and signs: add it to the URL before signing.`,
            id,
            (s) => {
              const { [key]: _gone, ...rest } = (s as typeof step).query ?? {}
              return [{ ...s, query: rest } as Step]
            },
          ),
        )
      }
    }
    // A digest or encoding left out: its input used as is (rtasr's MD5 skipped, a base64 forgotten).
    if (
      (step.op === 'hash' || (step.op === 'encode' && step.to !== 'upper' && step.to !== 'lower')) &&
      step.id
    ) {
      out.push(
        onStep(
          'skipped-step',
          `Step ${id} (${step.op === 'hash' ? ALG_NAMES[step.alg] : step.to}) was left out: its input was used as is.`,
          id,
          () => [{ id: step.id!, op: 'template', text: step.data }],
        ),
      )
    }
  })

  // The URL parts as signed: trailing slash, host with a port or a scheme, method case.
  const { base } = input.request
  const path = base.pathname
  if (path !== '/') {
    const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
    out.push({
      kind: 'trailing-slash',
      description: `The signed path was ${JSON.stringify(toggled)} instead of ${JSON.stringify(path)}.`,
      apply: (i) => ({ ...i, url: { ...i.url, path: toggled } }),
    })
  }
  const port = base.port || (base.protocol === 'https:' || base.protocol === 'wss:' ? '443' : '80')
  const withPort = `${base.hostname}:${port}`
  const hostRefs = new Set(JSON.stringify(scheme).match(/\{url\.host(name)?\}/g) ?? [])
  if (hostRefs.size > 0) {
    out.push({
      kind: 'host-with-port',
      description: `The signed host was ${withPort} instead of ${base.port ? base.host : base.hostname}.`,
      apply: (i) => ({ ...i, url: { ...i.url, hostname: withPort, host: withPort } }),
    })
    if (base.port)
      out.push({
        kind: 'host-with-port',
        description: `The signed host was ${base.hostname} instead of ${base.host}.`,
        apply: (i) => ({ ...i, url: { ...i.url, hostname: base.hostname, host: base.hostname } }),
      })
    const withScheme = `${base.protocol}//${base.host}`
    out.push({
      kind: 'host-with-scheme',
      description: `The signed host was ${withScheme} (with the scheme) instead of ${base.host}.`,
      apply: (i) => ({ ...i, url: { ...i.url, hostname: withScheme, host: withScheme } }),
    })
  }
  // The Host header as signed, when the request has one (header-signing schemes read it, not the URL).
  const hostHeader = input.request.headers.find((h) => h.name.toLowerCase() === 'host')
  if (hostHeader) {
    const variant = hostHeader.value.includes(':')
      ? hostHeader.value.replace(/:\d+$/, '')
      : `${hostHeader.value}:${port}`
    out.push({
      kind: 'host-with-port',
      description: `The signed Host header was ${variant} instead of ${hostHeader.value}.`,
      apply: (i) => ({
        ...i,
        request: {
          ...i.request,
          headers: i.request.headers.map((h) =>
            h === hostHeader || h.name.toLowerCase() === 'host' ? { name: h.name, value: variant } : h,
          ),
        },
      }),
    })
  }
  if (references(JSON.stringify(scheme.steps)).includes('method')) {
    out.push({
      kind: 'letter-case',
      description: `The method was signed as ${input.request.method.toLowerCase()} instead of ${input.request.method}.`,
      apply: (i) => ({ ...i, request: { ...i.request, method: i.request.method.toLowerCase() } }),
    })
  }
  return out
}
