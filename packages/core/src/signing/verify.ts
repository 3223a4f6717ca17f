// verifyRequest: checks a request someone else signed (a user's code, or a client hitting the
// emulator). The timestamp and nonces come from the request itself; the signature is recomputed
// and compared; on a mismatch it names the first step that differs and searches known mistakes.
import type { ProviderPack } from '../generated/index.js'
import type { Target } from '../pack/target.js'
import { hostParams } from '../pack/host-params.js'
import { evaluate, signatureStep, type EvalInput, type EvalResult } from './evaluate.js'
import { carriers, impliedValues, type Carrier } from './implied.js'
import { mutations } from './mistakes.js'
import { cloneRequest, getHeader, removeHeader, workingRequest, type RequestInput } from './request.js'
import {
  checkCredentials,
  checkParams,
  schemeFor,
  secretCredentials,
  toSignResult,
  type SignResult,
} from './sign.js'
import { parseTemplate } from './template.js'
import { formatTime, parseTime, TIME_FORMATS } from './time.js'

export interface VerifyInput {
  pack: ProviderPack
  /** The target whose version's scheme and signing parameters apply… */
  target?: Target
  /** …or a scheme id of the pack. */
  scheme?: string
  /** The signed request as it was sent. Header values may be arrays (Node's IncomingHttpHeaders). */
  request: RequestInput
  /** The credentials the verifier knows (the emulator's key id → secret; the user's environment). */
  credentials: Record<string, string>
  /** Scheme parameters (`--param`), over the version's and the scheme's defaults. */
  params?: Record<string, string>
  /** The verifier's clock (ms); when given, the request's timestamp is checked against maxSkewSeconds. */
  now?: number
  /** Search the known mistakes on a mismatch (default true). */
  searchMistakes?: boolean
}

export type VerifyReason = 'missing-signature' | 'signature-mismatch' | 'unknown-key' | 'clock-skew'

/** A step whose recomputed value is not what the request implies. */
export interface StepDifference {
  step: string
  expected: string
  actual: string
  /** True when the values are secret: printed forms mask them. */
  secret: boolean
}

export interface VerifyResult {
  ok: boolean
  reason?: VerifyReason
  scheme: string
  /** The request's timestamp minus the verifier's clock, in seconds (when both are known). */
  skewSeconds?: number
  /** The timestamp read from the request. */
  timestamp?: { raw: string; ms: number; format: string }
  /** The signature the request carries, and the one recomputed. */
  actualSignature?: string
  expectedSignature: string
  /** Placements absent from the request (query:<name> / header:<name>). */
  missing: string[]
  /** The credential that names the key, when the request carries one the verifier does not know. */
  unknownKey?: { credential: string; value: string }
  firstDifference?: StepDifference
  /** Known mistakes that reproduce the request's signature. */
  mistakes: { kind: string; description: string }[]
  /** How many candidate mistakes were tried. */
  searched: number
  /** The recomputation, every step (for --explain). */
  expected: SignResult
}

/** Time formats that carry only a date: another step of the same instant must agree with them exactly. */
const DATE_FORMATS = new Set<string>(['date', 'yyyymmdd'])

/** At most this many candidate mistakes (single and paired) are evaluated per verification. */
const PAIR_BUDGET = 1500

const text = (v: string | Buffer | undefined) =>
  v === undefined ? undefined : typeof v === 'string' ? v : v.toString('hex')

/** Verifies a signed request. Never throws for a wrong signature; throws ApidxError when the scheme cannot be evaluated. */
export function verifyRequest(input: VerifyInput): VerifyResult {
  const { pack } = input
  const ref = input.target ?? input.scheme
  if (ref === undefined) throw new TypeError('verifyRequest needs a target or a scheme id')
  const found = schemeFor(pack, ref)
  const scheme = found.scheme
  const request = workingRequest(input.request)
  const carried = carriers(scheme, request)

  // Values the request carries exactly where a step's value, or a parameter, is written.
  // Keys below come from the pack and the request: records without a prototype.
  const fixed: Record<string, string> = Object.create(null) as Record<string, string>
  // The host the request goes to names some parameters (an AWS region), whatever URL the target has.
  const fromHost = input.target ? hostParams(input.target.version, request.base.hostname) : {}
  const params: Record<string, string> = Object.assign(
    Object.create(null) as Record<string, string>,
    found.params,
    fromHost,
    input.params ?? {},
  )
  const stepOps = new Map(scheme.steps.flatMap((s) => (s.id ? [[s.id, s] as const] : [])))
  for (const c of carried) {
    const segs = parseTemplate(c.template)
    if (c.value === undefined || segs.length !== 1 || !('ref' in segs[0]!)) continue
    const r = segs[0].ref
    // What the request carries is what was signed: it wins over defaults and --param.
    if (r.startsWith('param.')) params[r.slice(6)] = c.value
    const s = stepOps.get(r)
    if (s && (s.op === 'time' || s.op === 'nonce')) fixed[r] ??= c.value
  }
  const firstReading = impliedValues(scheme, carried)
  // A parameter the request shows only inside a template (AWS's region in the credential scope) is
  // used when nobody gave one, so any request can be verified without --param.
  for (const [r, v] of firstReading)
    if (r.startsWith('param.') && params[r.slice(6)] === undefined && v) params[r.slice(6)] = v
  // Likewise a key id the request carries and the verifier was not given (only the secret is needed).
  const credentials = { ...input.credentials }
  for (const [r, v] of firstReading) {
    const name = r.slice(5)
    if (r.startsWith('cred.') && !credentials[name] && pack.credentials[name]?.secret === false && v)
      credentials[name] = v
  }
  checkParams(found.id, scheme, params)
  checkCredentials(pack, scheme, credentials)
  // Read back through templates, a value is only a guess: a time must at least parse in its format.
  for (const [r, v] of firstReading) {
    const s = stepOps.get(r)
    if (fixed[r] !== undefined || !s) continue
    if ((s.op === 'time' && parseTime(v, s.format) !== undefined) || s.op === 'nonce') fixed[r] = v
  }

  // The instant: the first time step the request carries, read in its format (or, as a finding, another).
  let timestamp: VerifyResult['timestamp']
  let formatMistake: { kind: string; description: string } | undefined
  // A shifted step (an expiry, `addSeconds`) gives the instant only when no plain one is carried.
  const timeSteps = scheme.steps.flatMap((s) => (s.op === 'time' ? [s] : []))
  let instantStep: string | undefined
  for (const s of [...timeSteps.filter((x) => !x.addSeconds), ...timeSteps.filter((x) => x.addSeconds)]) {
    if (fixed[s.id] === undefined) continue
    instantStep = s.id
    const raw = fixed[s.id]!
    const shift = (s.addSeconds ?? 0) * 1000
    const ms = parseTime(raw, s.format)
    if (ms !== undefined && (s.format !== 'unix-s' || raw.length <= 11))
      timestamp = { raw, ms: ms - shift, format: s.format }
    else {
      const other = TIME_FORMATS.find((f) => f !== s.format && parseTime(raw, f) !== undefined)
      if (other) {
        timestamp = { raw, ms: parseTime(raw, other)! - shift, format: other }
        formatMistake = {
          kind: 'timestamp-format',
          description: `${s.id} is ${JSON.stringify(raw)}, written as ${other}; the scheme wants ${s.format}.`,
        }
      }
    }
    break
  }
  const instant = timestamp?.ms ?? input.now ?? Date.now()
  // Every time step formats that one instant. A date the request carries elsewhere (TC3's and SigV4's
  // credential-scope day) that is not the instant's UTC date is what the vendor recomputes differently:
  // it is recomputed here too, not taken from the request, and named below.
  const wrongDates: StepDifference[] = []
  for (const s of timeSteps) {
    if (
      !timestamp ||
      s.id === instantStep ||
      s.addSeconds ||
      fixed[s.id] === undefined ||
      !DATE_FORMATS.has(s.format)
    )
      continue
    const want = formatTime(timestamp.ms, s.format)
    if (fixed[s.id] !== want) {
      wrongDates.push({ step: s.id, expected: want, actual: fixed[s.id]!, secret: false })
      delete fixed[s.id]
    }
  }

  // Recompute on the request without its placements (they are written again), on the request's own signed-header lists.
  const base = cloneRequest(request)
  for (const c of carried.filter((x) => x.placed)) {
    if (c.kind === 'query') base.query = base.query.filter((q) => q.name !== c.name)
    else removeHeader(base, c.name)
  }
  const signedHeaders: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  for (const s of scheme.steps) {
    const names = s.op === 'canonicalHeaders' ? firstReading.get(`${s.id}.names`) : undefined
    if (names) signedHeaders[s.id!] = names.split(';')
  }
  const evalInput: EvalInput = {
    scheme,
    request: base,
    credentials,
    secretCredentials: secretCredentials(pack),
    params,
    instant,
    fixed,
    signedHeaders,
  }
  const run = (i: EvalInput): EvalResult => evaluate({ ...i, request: cloneRequest(i.request) })
  const expected = run(evalInput)
  const expectedSignature = text(expected.signature)!
  // iFlytek's docs show base64 values unencoded in the URL, so a `+` there may be a plus, not a space;
  // a vendor that form-decodes the query (rawPlusIsSpace) reads it as a space, and the value fails.
  const unencodedPlus: StepDifference[] = []
  for (const c of carried) {
    if (c.plusKept === undefined || c.plusKept !== expected.placed.get(`query:${c.name}`)) continue
    if (scheme.rawPlusIsSpace)
      unencodedPlus.push({
        step: `query ${c.name}`,
        expected: c.plusKept,
        actual: c.value ?? '',
        secret: false,
      })
    else c.value = c.plusKept
  }
  // Read the request again, now that the expected values can settle ambiguous readings.
  const hints = new Map<string, string>(Object.entries(credentials).map(([k, v]) => [`cred.${k}`, v]))
  for (const [k, v] of expected.values) hints.set(k, text(v)!)
  const implied = impliedValues(scheme, carried, hints)
  const actualSignature = implied.get(signatureStep(scheme))

  const missing = carried.filter((c) => c.placed && c.value === undefined).map((c) => `${c.kind}:${c.name}`)
  const placedMatch = carried
    .filter((c) => c.placed)
    .every(
      (c) =>
        c.value === expected.placed.get(`${c.kind}:${c.kind === 'header' ? c.name.toLowerCase() : c.name}`),
    )
  const signatureMatch =
    actualSignature !== undefined ? actualSignature === expectedSignature && placedMatch : placedMatch

  const result: VerifyResult = {
    ok: false,
    scheme: found.id,
    expectedSignature,
    missing,
    mistakes: [],
    searched: 0,
    expected: toSignResult(pack, found.id, expected, instant, params, credentials),
    ...(actualSignature !== undefined ? { actualSignature } : {}),
    ...(timestamp ? { timestamp } : {}),
  }
  if (timestamp && input.now !== undefined) result.skewSeconds = Math.round((timestamp.ms - input.now) / 1000)
  const skewed =
    result.skewSeconds !== undefined &&
    scheme.maxSkewSeconds !== undefined &&
    Math.abs(result.skewSeconds) > scheme.maxSkewSeconds
  if (formatMistake) result.mistakes.push(formatMistake)
  // The value is right but written so the vendor reads it wrong: name that, not a search of the signing steps.
  if (unencodedPlus.length) {
    result.firstDifference = unencodedPlus[0]!
    result.mistakes.push({
      kind: 'unencoded-plus',
      description: `${unencodedPlus.map((d) => d.step.replace('query ', 'query parameter ')).join(' and ')} holds a raw "+" (unencoded base64); the server reads it as a space. URL-encode the value (encodeURIComponent) before adding it to the URL.`,
    })
    return { ...result, reason: 'signature-mismatch' }
  }

  if (missing.length > 0) return { ...result, reason: 'missing-signature' }
  const unknownKey = findUnknownKey(scheme, carried, implied, credentials)
  if (unknownKey) result.unknownKey = unknownKey
  if (signatureMatch && !formatMistake && !skewed) return { ...result, ok: true }
  result.reason =
    skewed || (signatureMatch && formatMistake)
      ? 'clock-skew'
      : unknownKey
        ? 'unknown-key'
        : 'signature-mismatch'
  if (signatureMatch) return result

  const diff = firstDifference(expected, implied, carried)
  if (diff) result.firstDifference = diff
  for (const d of wrongDates) {
    result.firstDifference ??= d
    result.mistakes.push({
      kind: 'date-not-utc',
      description: `${d.step} is ${d.actual}, but the request's timestamp ${timestamp!.raw} is ${d.expected} in UTC: the date must be the timestamp's UTC date (a local date differs for part of each day, 00:00 to 08:00 in China).`,
    })
  }
  // A header the request signs but does not carry: the server rebuilds the signature from the headers
  // it receives, so no secret can make it match (a browser's WebSocket upgrade sends host alone).
  for (const s of scheme.steps) {
    if (s.op !== 'canonicalHeaders' || !s.id) continue
    const absent = (firstReading.get(`${s.id}.names`)?.split(';') ?? []).filter(
      (n) => n !== '' && n !== 'host' && getHeader(request, n) === undefined,
    )
    if (absent.length)
      result.mistakes.push({
        kind: 'signed-absent-header',
        description: `The request signs ${absent.join(', ')} but does not carry ${absent.length === 1 ? 'it' : 'them'}: the server rebuilds the signature from the headers it receives. Sign only the headers you send (a WebSocket upgrade sends host alone).`,
      })
  }
  if (input.searchMistakes !== false) {
    const target = actualSignature
    const candidates = mutations(
      evalInput,
      (c) => pack.credentials[c]?.env ?? c,
      Object.keys(pack.credentials),
    )
    const reproduces = (i: EvalInput): boolean => {
      let r: EvalResult
      try {
        r = run(i)
      } catch {
        return false // a mutation the scheme cannot evaluate reproduces nothing
      }
      // A mutation that changes nothing explains nothing (e.g. path encodings of "/").
      if (text(r.signature) === expectedSignature) return false
      return target !== undefined
        ? text(r.signature) === target
        : carried
            .filter((c) => c.placed)
            .every(
              (c) =>
                c.value === r.placed.get(`${c.kind}:${c.kind === 'header' ? c.name.toLowerCase() : c.name}`),
            )
    }
    for (const m of candidates) {
      result.searched++
      if (reproduces(m.apply(evalInput))) result.mistakes.push({ kind: m.kind, description: m.description })
    }
    // Two mistakes at once (rtasr signed with HMAC-SHA256 and no MD5), only when no single one
    // explains the value, within a fixed budget so a hostile request cannot make this slow.
    for (let a = 0; a < candidates.length && result.mistakes.length === 0; a++) {
      for (let b = a + 1; b < candidates.length && result.searched < PAIR_BUDGET; b++) {
        const [ma, mb] = [candidates[a]!, candidates[b]!]
        result.searched++
        if (reproduces(mb.apply(ma.apply(evalInput))))
          result.mistakes.push({
            kind: `${ma.kind}+${mb.kind}`,
            description: `${ma.description} ${mb.description}`,
          })
      }
    }
  }
  return result
}

/** A key-id credential (carried readably, never an HMAC key) whose value in the request is not the known one. */
function findUnknownKey(
  scheme: VerifyInput['pack']['auth'][string],
  carried: Carrier[],
  implied: Map<string, string>,
  credentials: Record<string, string>,
): VerifyResult['unknownKey'] {
  const keys = new Set(
    scheme.steps.flatMap((s) =>
      s.op === 'hmac' ? [...s.key.matchAll(/\{cred\.([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!) : [],
    ),
  )
  for (const [ref, value] of implied) {
    if (!ref.startsWith('cred.')) continue
    const cred = ref.slice(5)
    if (keys.has(cred) || credentials[cred] === undefined) continue
    if (credentials[cred] !== value) return { credential: cred, value }
  }
  void carried
  return undefined
}

/** The first step (in evaluation order) whose value the request implies differently. */
function firstDifference(
  expected: EvalResult,
  implied: Map<string, string>,
  carried: Carrier[],
): StepDifference | undefined {
  for (const s of expected.steps) {
    for (const key of [s.name, `${s.name}.names`]) {
      const actual = implied.get(key)
      const exp = key === s.name ? text(s.value) : text(expected.values.get(key))
      if (actual !== undefined && exp !== undefined && actual !== exp)
        return { step: key, expected: exp, actual, secret: s.secret }
    }
  }
  for (const c of carried) {
    const exp = expected.placed.get(`${c.kind}:${c.kind === 'header' ? c.name.toLowerCase() : c.name}`)
    if (c.placed && c.value !== undefined && exp !== undefined && c.value !== exp)
      return { step: `${c.kind} ${c.name}`, expected: exp, actual: c.value, secret: false }
  }
  return undefined
}
