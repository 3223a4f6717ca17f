// verifyRequest: checks a request someone else signed (a user's code, or a client hitting the
// emulator). The timestamp and nonces come from the request itself; the signature is recomputed
// and compared; on a mismatch it names the first step that differs and searches known mistakes.
import type { ProviderPack } from '../generated/index.js'
import type { Target } from '../pack/target.js'
import { signatureStep, type EvalInput, type EvalResult } from './evaluate.js'
import { impliedValues, type Carrier } from './implied.js'
import { cloneRequest, removeHeader, type RequestInput, type WorkingRequest } from './request.js'
import { secretCredentials, toSignResult, type SignResult } from './sign.js'
import { readRequest, type Reading } from './verify-read.js'
import {
  absentSignedHeaders,
  evaluateCopy,
  findUnknownKey,
  firstDifference,
  placementsMatch,
  searchMistakes,
  text,
} from './verify-explain.js'
import {
  readTimestamp,
  scopeDateMistake,
  windowMistake,
  wrongScopeDates,
  type FoundMistake,
  type StepDifference,
  type TimeReading,
} from './verify-time.js'

export type { FoundMistake, StepDifference } from './verify-time.js'

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
  /** The server's clock as the verifier takes it (ms); when given, the request's timestamp is checked against maxSkewSeconds. */
  now?: number
  /** Search the known mistakes on a mismatch (default true). */
  searchMistakes?: boolean
}

export type VerifyReason = 'missing-signature' | 'signature-mismatch' | 'unknown-key' | 'clock-skew'

export interface VerifyResult {
  ok: boolean
  reason?: VerifyReason
  scheme: string
  /** The request's timestamp minus the verifier's clock, in seconds (when both are known). */
  skewSeconds?: number
  /** The timestamp's age at the verifier's clock and the window the scheme allows (when both are known). */
  window?: { now: number; ageSeconds: number; maxSkewSeconds?: number }
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
  mistakes: FoundMistake[]
  /** How many candidate mistakes were tried. */
  searched: number
  /** The recomputation, every step (for --explain). */
  expected: SignResult
}

/** Verifies a signed request. Never throws for a wrong signature; throws ApidxError when the scheme cannot be evaluated. */
export function verifyRequest(input: VerifyInput): VerifyResult {
  const reading = readRequest(input)
  const time = readTimestamp(reading.scheme, reading.fixed)
  const wrongDates = wrongScopeDates(reading.scheme, reading.fixed, time)
  const instant = time.timestamp?.ms ?? input.now ?? Date.now()
  const evalInput = recomputation(input.pack, reading, instant)
  const expected = evaluateCopy(evalInput)
  const cmp = compare(reading, expected)
  const result: VerifyResult = {
    ok: false,
    scheme: reading.id,
    expectedSignature: cmp.expectedSignature,
    missing: cmp.missing,
    mistakes: [],
    searched: 0,
    expected: toSignResult(input.pack, reading.id, expected, instant, reading.params, reading.credentials),
    ...(cmp.actualSignature !== undefined ? { actualSignature: cmp.actualSignature } : {}),
    ...(time.timestamp ? { timestamp: time.timestamp } : {}),
  }
  const timeMistakes = judgeTime(result, reading, time, input.now)
  result.mistakes.push(...timeMistakes)
  // The value is right but written so the vendor reads it wrong: name that, not a search of the signing steps.
  if (cmp.unencodedPlus.length) {
    result.firstDifference = cmp.unencodedPlus[0]!
    result.mistakes.push(plusMistake(cmp.unencodedPlus))
    return { ...result, reason: 'signature-mismatch' }
  }
  if (cmp.missing.length > 0) return { ...result, reason: 'missing-signature' }
  const unknownKey = findUnknownKey(reading.scheme, cmp.implied, reading.credentials)
  if (unknownKey) result.unknownKey = unknownKey
  if (cmp.signatureMatch && timeMistakes.length === 0) return { ...result, ok: true }
  // A stale timestamp fails whatever the signature; a misformatted one is the cause when the signature is right.
  result.reason =
    skewed(result) || cmp.signatureMatch ? 'clock-skew' : unknownKey ? 'unknown-key' : 'signature-mismatch'
  if (cmp.signatureMatch) return result
  explainMismatch(input, reading, evalInput, expected, cmp, time, wrongDates, result)
  return result
}

/** The evaluation input that recomputes the request: its own timestamp, nonces and signed-header lists. */
function recomputation(pack: ProviderPack, reading: Reading, instant: number): EvalInput {
  return {
    scheme: reading.scheme,
    request: withoutPlacements(reading.request, reading.carried),
    credentials: reading.credentials,
    secretCredentials: secretCredentials(pack),
    params: reading.params,
    instant,
    fixed: reading.fixed,
    signedHeaders: signedHeaderLists(reading),
  }
}

/** The request without its placements: the recomputation writes them again. */
function withoutPlacements(request: WorkingRequest, carried: Carrier[]): WorkingRequest {
  const base = cloneRequest(request)
  for (const c of carried.filter((x) => x.placed)) {
    if (c.kind === 'query') base.query = base.query.filter((q) => q.name !== c.name)
    else removeHeader(base, c.name)
  }
  return base
}

/** The header lists the request says it signed, by canonicalHeaders step. */
function signedHeaderLists(reading: Reading): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>
  for (const s of reading.scheme.steps) {
    const names = s.op === 'canonicalHeaders' ? reading.firstReading.get(`${s.id}.names`) : undefined
    if (names) out[s.id!] = names.split(';')
  }
  return out
}

interface Comparison {
  expectedSignature: string
  actualSignature?: string
  implied: Map<string, string>
  missing: string[]
  signatureMatch: boolean
  /** Query values holding a raw `+` the vendor reads as a space. */
  unencodedPlus: StepDifference[]
}

/** What the request carries against the recomputation. */
function compare(reading: Reading, expected: EvalResult): Comparison {
  const { scheme, carried } = reading
  const expectedSignature = text(expected.signature)!
  const unencodedPlus = settlePluses(reading, expected)
  // Read the request again, now that the expected values can settle ambiguous readings.
  const hints = new Map<string, string>(Object.entries(reading.credentials).map(([k, v]) => [`cred.${k}`, v]))
  for (const [k, v] of expected.values) hints.set(k, text(v)!)
  const implied = impliedValues(scheme, carried, hints)
  const actualSignature = implied.get(signatureStep(scheme))
  const missing = carried.filter((c) => c.placed && c.value === undefined).map((c) => `${c.kind}:${c.name}`)
  const placed = placementsMatch(carried, expected)
  const signatureMatch =
    actualSignature !== undefined ? actualSignature === expectedSignature && placed : placed
  return {
    expectedSignature,
    ...(actualSignature !== undefined ? { actualSignature } : {}),
    implied,
    missing,
    signatureMatch,
    unencodedPlus,
  }
}

/**
 * iFlytek's docs show base64 values unencoded in the URL, so a `+` there may be a plus, not a space;
 * a vendor that form-decodes the query (rawPlusIsSpace) reads it as a space, and the value fails.
 * Elsewhere the plus is taken as meant.
 */
function settlePluses(reading: Reading, expected: EvalResult): StepDifference[] {
  const out: StepDifference[] = []
  for (const c of reading.carried) {
    if (c.plusKept === undefined || c.plusKept !== expected.placed.get(`query:${c.name}`)) continue
    if (reading.scheme.rawPlusIsSpace)
      out.push({ step: `query ${c.name}`, expected: c.plusKept, actual: c.value ?? '', secret: false })
    else c.value = c.plusKept
  }
  return out
}

function plusMistake(diffs: StepDifference[]): FoundMistake {
  return {
    kind: 'unencoded-plus',
    description: `${diffs.map((d) => d.step.replace('query ', 'query parameter ')).join(' and ')} holds a raw "+" (unencoded base64); the server reads it as a space. URL-encode the value (encodeURIComponent) before adding it to the URL.`,
  }
}

const skewed = (r: VerifyResult) => r.mistakes.some((m) => m.kind === 'timestamp-outside-window')

/**
 * The timestamp as the server judges it: its age at the verifier's clock against the scheme's window,
 * and a format or zone the scheme does not take. Records the age; returns the mistakes.
 */
function judgeTime(result: VerifyResult, reading: Reading, time: TimeReading, now?: number): FoundMistake[] {
  const out: FoundMistake[] = []
  if (time.formatMistake) out.push(time.formatMistake)
  if (!time.timestamp || now === undefined) return out
  const max = reading.scheme.maxSkewSeconds
  result.skewSeconds = Math.round((time.timestamp.ms - now) / 1000)
  result.window = {
    now,
    ageSeconds: -result.skewSeconds,
    ...(max !== undefined ? { maxSkewSeconds: max } : {}),
  }
  const outside = max !== undefined ? windowMistake(time.timestamp, now, max) : undefined
  if (outside) out.push(outside)
  return out
}

/** On a mismatch: the first differing step and every mistake that explains it. */
function explainMismatch(
  input: VerifyInput,
  reading: Reading,
  evalInput: EvalInput,
  expected: EvalResult,
  cmp: Comparison,
  time: TimeReading,
  wrongDates: StepDifference[],
  result: VerifyResult,
): void {
  const diff = firstDifference(expected, cmp.implied, reading.carried)
  if (diff) result.firstDifference = diff
  for (const d of wrongDates) {
    result.firstDifference ??= d
    result.mistakes.push(scopeDateMistake(d, time.timestamp!))
  }
  result.mistakes.push(...absentSignedHeaders(reading.scheme, reading.firstReading, reading.request))
  if (input.searchMistakes === false) return
  const found = searchMistakes({
    evalInput,
    carried: reading.carried,
    actualSignature: cmp.actualSignature,
    expectedSignature: cmp.expectedSignature,
    envOf: (c) => input.pack.credentials[c]?.env ?? c,
    credentialOrder: Object.keys(input.pack.credentials),
    explained: result.mistakes.some((m) => m.kind !== 'timestamp-outside-window'),
  })
  result.mistakes.push(...found.mistakes)
  result.searched = found.searched
}
