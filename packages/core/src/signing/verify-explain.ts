// The last step of verification, on a mismatch: which step first differs from what the request
// implies, a key id the verifier does not know, a signed header the request does not carry, and the
// known mistakes (mistakes.ts) that reproduce the request's value, alone or in pairs.
import type { AuthScheme } from '../generated/index.js'
import { evaluate, type EvalInput, type EvalResult, type Value } from './evaluate.js'
import type { Carrier } from './implied.js'
import { mutations } from './mistakes.js'
import { cloneRequest, getHeader, type WorkingRequest } from './request.js'
import type { FoundMistake, StepDifference } from './verify-time.js'

/** At most this many candidate mistakes (single and paired) are evaluated per verification. */
const PAIR_BUDGET = 1500

export const text = (v: Value | undefined) =>
  v === undefined ? undefined : typeof v === 'string' ? v : v.toString('hex')

/** Evaluates on a copy of the request, so one evaluation never sees another's writes. */
export const evaluateCopy = (i: EvalInput): EvalResult => evaluate({ ...i, request: cloneRequest(i.request) })

/** The key under which a carrier's value is placed. */
const placedKey = (c: Carrier) => `${c.kind}:${c.kind === 'header' ? c.name.toLowerCase() : c.name}`

/** True when every placement the request carries is what the evaluation placed. */
export function placementsMatch(carried: Carrier[], r: EvalResult): boolean {
  return carried.filter((c) => c.placed).every((c) => c.value === r.placed.get(placedKey(c)))
}

/** A key-id credential (carried readably, never an HMAC key) whose value in the request is not the known one. */
export function findUnknownKey(
  scheme: AuthScheme,
  implied: Map<string, string>,
  credentials: Record<string, string>,
): { credential: string; value: string } | undefined {
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
  return undefined
}

/** The first step (in evaluation order) whose value the request implies differently. */
export function firstDifference(
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
    const exp = expected.placed.get(placedKey(c))
    if (c.placed && c.value !== undefined && exp !== undefined && c.value !== exp)
      return { step: `${c.kind} ${c.name}`, expected: exp, actual: c.value, secret: false }
  }
  return undefined
}

/**
 * A header the request signs but does not carry: the server rebuilds the signature from the headers
 * it receives, so no secret can make it match (a browser's WebSocket upgrade sends host alone).
 */
export function absentSignedHeaders(
  scheme: AuthScheme,
  firstReading: Map<string, string>,
  request: WorkingRequest,
): FoundMistake[] {
  const out: FoundMistake[] = []
  for (const s of scheme.steps) {
    if (s.op !== 'canonicalHeaders' || !s.id) continue
    const absent = (firstReading.get(`${s.id}.names`)?.split(';') ?? []).filter(
      (n) => n !== '' && n !== 'host' && getHeader(request, n) === undefined,
    )
    if (absent.length)
      out.push({
        kind: 'signed-absent-header',
        description: `The request signs ${absent.join(', ')} but does not carry ${absent.length === 1 ? 'it' : 'them'}: the server rebuilds the signature from the headers it receives. Sign only the headers you send (a WebSocket upgrade sends host alone).`,
      })
  }
  return out
}

/** What the known-mistake search needs. */
export interface SearchInput {
  evalInput: EvalInput
  carried: Carrier[]
  /** The signature the request carries (else its placements are compared). */
  actualSignature: string | undefined
  expectedSignature: string
  envOf: (cred: string) => string
  credentialOrder: string[]
  /** True when a mistake was already found another way: pairs are then not searched. */
  explained: boolean
}

/** The known mistakes that reproduce the request, and how many candidates were tried. */
export function searchMistakes(s: SearchInput): { mistakes: FoundMistake[]; searched: number } {
  const candidates = mutations(s.evalInput, s.envOf, s.credentialOrder)
  const mistakes: FoundMistake[] = []
  let searched = 0
  const reproduces = (i: EvalInput): boolean => {
    let r: EvalResult
    try {
      r = evaluateCopy(i)
    } catch {
      return false // a mutation the scheme cannot evaluate reproduces nothing
    }
    // A mutation that changes nothing explains nothing (e.g. path encodings of "/").
    if (text(r.signature) === s.expectedSignature) return false
    return s.actualSignature !== undefined
      ? text(r.signature) === s.actualSignature
      : placementsMatch(s.carried, r)
  }
  for (const m of candidates) {
    searched++
    if (reproduces(m.apply(s.evalInput))) mistakes.push({ kind: m.kind, description: m.description })
  }
  // Two mistakes at once (rtasr signed with HMAC-SHA256 and no MD5), only when no single one
  // explains the value, within a fixed budget so a hostile request cannot make this slow.
  for (let a = 0; a < candidates.length && !s.explained && mistakes.length === 0; a++) {
    for (let b = a + 1; b < candidates.length && searched < PAIR_BUDGET; b++) {
      const [ma, mb] = [candidates[a]!, candidates[b]!]
      searched++
      if (reproduces(mb.apply(ma.apply(s.evalInput))))
        mistakes.push({ kind: `${ma.kind}+${mb.kind}`, description: `${ma.description} ${mb.description}` })
    }
  }
  return { mistakes, searched }
}
