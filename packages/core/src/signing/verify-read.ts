// The first step of verification: what a signed request says about how it was signed — the values
// it carries where the scheme writes them (timestamps, nonces, parameters, a key id), read back
// through the placement templates. The request wins over defaults: it is what was signed.
import type { AuthScheme, ProviderPack } from '../generated/index.js'
import { hostParams } from '../pack/host-params.js'
import { carriers, impliedValues, type Carrier } from './implied.js'
import { workingRequest, type WorkingRequest } from './request.js'
import { checkCredentials, checkParams, schemeFor } from './sign.js'
import { parseTemplate } from './template.js'
import { parseTime } from './time.js'
import type { VerifyInput } from './verify.js'

/** What the request says, ready for the recomputation. */
export interface Reading {
  id: string
  scheme: AuthScheme
  request: WorkingRequest
  carried: Carrier[]
  params: Record<string, string>
  credentials: Record<string, string>
  /** Values of time and nonce steps as the request carries them. */
  fixed: Record<string, string>
  /** The values the request implies before anything is recomputed. */
  firstReading: Map<string, string>
}

/** A record keyed by pack and request data: no prototype. */
const bare = <T>() => Object.create(null) as Record<string, T>

/** Reads a signed request against the scheme it should follow. */
export function readRequest(input: VerifyInput): Reading {
  const { pack } = input
  const ref = input.target ?? input.scheme
  if (ref === undefined) throw new TypeError('verifyRequest needs a target or a scheme id')
  const found = schemeFor(pack, ref)
  const { scheme } = found
  const request = workingRequest(input.request)
  const carried = carriers(scheme, request)
  const fixed = bare<string>()
  // The host the request goes to names some parameters (an AWS region), whatever URL the target has.
  const fromHost = input.target ? hostParams(input.target.version, request.base.hostname) : {}
  const params = Object.assign(bare<string>(), found.params, fromHost, input.params ?? {})
  readCarriedValues(scheme, carried, params, fixed)
  const firstReading = impliedValues(scheme, carried)
  const credentials = { ...input.credentials }
  fillFromReading(pack, firstReading, params, credentials)
  checkParams(found.id, scheme, params)
  checkCredentials(pack, scheme, credentials)
  fixTimesAndNonces(scheme, firstReading, fixed)
  return { id: found.id, scheme, request, carried, params, credentials, fixed, firstReading }
}

/** Values the request carries exactly where a step's value, or a parameter, is written. */
function readCarriedValues(
  scheme: AuthScheme,
  carried: Carrier[],
  params: Record<string, string>,
  fixed: Record<string, string>,
): void {
  const steps = stepsById(scheme)
  for (const c of carried) {
    const segs = parseTemplate(c.template)
    if (c.value === undefined || segs.length !== 1 || !('ref' in segs[0]!)) continue
    const r = segs[0].ref
    // What the request carries is what was signed: it wins over defaults and --param.
    if (r.startsWith('param.')) params[r.slice(6)] = c.value
    const s = steps.get(r)
    if (s && (s.op === 'time' || s.op === 'nonce')) fixed[r] ??= c.value
  }
}

/**
 * A parameter the request shows only inside a template (AWS's region in the credential scope) is used
 * when nobody gave one, so any request can be verified without --param; likewise a key id the
 * verifier was not given (only the secret is needed).
 */
function fillFromReading(
  pack: ProviderPack,
  reading: Map<string, string>,
  params: Record<string, string>,
  credentials: Record<string, string>,
): void {
  for (const [r, v] of reading) {
    if (!v) continue
    if (r.startsWith('param.') && params[r.slice(6)] === undefined) params[r.slice(6)] = v
    const name = r.slice(5)
    if (r.startsWith('cred.') && !credentials[name] && pack.credentials[name]?.secret === false)
      credentials[name] = v
  }
}

/** Read back through templates, a value is only a guess: a time must at least parse in its format. */
function fixTimesAndNonces(
  scheme: AuthScheme,
  reading: Map<string, string>,
  fixed: Record<string, string>,
): void {
  const steps = stepsById(scheme)
  for (const [r, v] of reading) {
    const s = steps.get(r)
    if (fixed[r] !== undefined || !s) continue
    if ((s.op === 'time' && parseTime(v, s.format) !== undefined) || s.op === 'nonce') fixed[r] = v
  }
}

function stepsById(scheme: AuthScheme) {
  return new Map(scheme.steps.flatMap((s) => (s.id ? [[s.id, s] as const] : [])))
}
