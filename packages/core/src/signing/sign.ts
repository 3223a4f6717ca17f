// signRequest: the public entry of the signing engine. Picks the scheme (by id or from a target),
// gathers parameters and credentials, evaluates, and returns the signed request with every step.
import { ApidxError } from '../errors.js'
import type { AuthScheme, ProviderPack } from '../generated/index.js'
import type { Target } from '../pack/target.js'
import { fillUrlCredentials, urlCredentialNames } from '../pack/url-credentials.js'
import { hostParams } from '../pack/host-params.js'
import { evaluate, type EvalResult, type StepValue } from './evaluate.js'
import {
  headerRecord,
  requestUrl,
  workingRequest,
  type RequestInput,
  type WorkingRequest,
} from './request.js'
import { carriers } from './implied.js'
import { parseTemplate, references } from './template.js'

/** When to sign: ms since the epoch, a Date, or a clock function. */
export type Clock = number | Date | (() => number)

export interface SignOptions {
  /** Scheme parameters (`--param`); they override the version's `signingParams` and the scheme's defaults. */
  params?: Record<string, string>
  /**
   * Values for nonce steps, by step id (deterministic signing for tests and verification). A nonce
   * the request already carries where the scheme writes it (Aliyun's SignatureNonce) is reused.
   */
  nonces?: Record<string, string>
}

/** A step as printed: text values (raw bytes shown as hex). */
export interface SignedStep {
  name: string
  op: StepValue['op']
  value: string
  /** True when the value is secret: printed forms mask it. */
  secret: boolean
  /** True when the value is raw bytes, shown here as hex. */
  bytes?: boolean
}

/** The signed request and how it was computed. */
export interface SignResult {
  /** The scheme's id in the pack. */
  scheme: string
  /** The scheme's final signature value (a digest: not secret, unless the scheme is a bare token). */
  signature: string
  request: { method: string; url: string; headers: Record<string, string> }
  steps: SignedStep[]
  /** The instant signed for. */
  timestamp: { ms: number; iso: string }
  /** Parameters used, after defaults. */
  params: Record<string, string>
  /** Every value any output must mask: secret credentials and secret step values. */
  secrets: string[]
}

/** The scheme id and parameter defaults a scheme reference or target stands for. */
export function schemeFor(
  pack: ProviderPack,
  ref: string | Target,
): { id: string; scheme: AuthScheme; params: Record<string, string> } {
  const id = typeof ref === 'string' ? ref : ref.version.auth
  if (id === null)
    throw new ApidxError(
      'ERR_SIGNING',
      `${typeof ref === 'string' ? ref : `${ref.serviceId} ${ref.versionId}`} takes no credentials: there is nothing to sign.`,
    )
  const scheme = Object.hasOwn(pack.auth, id) ? pack.auth[id] : undefined
  if (!scheme) {
    throw new ApidxError('ERR_SIGNING', `The ${pack.name} pack has no auth scheme ${JSON.stringify(id)}.`, {
      suggestions: [`Schemes: ${Object.keys(pack.auth).join(', ')}.`],
    })
  }
  const defaults = Object.fromEntries(
    Object.entries(scheme.params ?? {}).flatMap(([k, p]) =>
      p.default !== undefined ? [[k, p.default]] : [],
    ),
  )
  const fromVersion = typeof ref === 'string' ? {} : (ref.version.signingParams ?? {})
  // The host the request goes to names some parameters (an AWS region) over the version's defaults.
  const fromHost = typeof ref === 'string' ? {} : hostParams(ref.version, ref.url.hostname)
  return { id, scheme, params: { ...defaults, ...fromVersion, ...fromHost } }
}

/** Credentials a scheme needs (those referenced outside optional `set` steps), in the pack's order. */
export function requiredCredentials(pack: ProviderPack, scheme: AuthScheme): string[] {
  const texts: string[] = [
    ...Object.values(scheme.place.query ?? {}),
    ...Object.values(scheme.place.header ?? {}),
  ]
  for (const s of scheme.steps) {
    if (s.op === 'set' && s.optional) continue
    texts.push(JSON.stringify(s))
  }
  const used = new Set(
    texts
      .flatMap((t) => references(t.replace(/\\"/g, '"')))
      .filter((r) => r.startsWith('cred.'))
      .map((r) => r.slice(5)),
  )
  return Object.keys(pack.credentials).filter((c) => used.has(c))
}

/** Secret credential names of a pack. */
export function secretCredentials(pack: ProviderPack): Set<string> {
  return new Set(
    Object.entries(pack.credentials)
      .filter(([, c]) => c.secret)
      .map(([n]) => n),
  )
}

/** Nonces the request already carries exactly where the scheme writes a nonce step's value. */
function carriedNonces(scheme: AuthScheme, request: WorkingRequest): Record<string, string> {
  const nonceIds = new Set(scheme.steps.flatMap((s) => (s.op === 'nonce' ? [s.id] : [])))
  const out: Record<string, string> = {}
  for (const c of carriers(scheme, request)) {
    const segs = parseTemplate(c.template)
    const only = segs.length === 1 ? segs[0] : undefined
    if (c.value && only && 'ref' in only && nonceIds.has(only.ref)) out[only.ref] ??= c.value
  }
  return out
}

const toMs = (clock: Clock) =>
  typeof clock === 'number' ? clock : clock instanceof Date ? clock.getTime() : clock()

/** Converts an evaluation into the printed result. */
export function toSignResult(
  pack: ProviderPack,
  id: string,
  r: EvalResult,
  instant: number,
  params: Record<string, string>,
  credentials: Record<string, string>,
): SignResult {
  const steps = r.steps.map((s) => ({
    name: s.name,
    op: s.op,
    value: typeof s.value === 'string' ? s.value : s.value.toString('hex'),
    secret: s.secret,
    ...(typeof s.value === 'string' ? {} : { bytes: true }),
  }))
  const secretNames = secretCredentials(pack)
  const secrets = [
    ...Object.entries(credentials)
      .filter(([n, v]) => secretNames.has(n) && v)
      .map(([, v]) => v),
    ...steps.filter((s) => s.secret && s.value).map((s) => s.value),
  ]
  const signature = typeof r.signature === 'string' ? r.signature : r.signature.toString('hex')
  return {
    scheme: id,
    signature,
    request: { method: r.request.method, url: requestUrl(r.request), headers: headerRecord(r.request) },
    steps,
    timestamp: { ms: instant, iso: new Date(instant).toISOString() },
    params,
    secrets: [...new Set(secrets)],
  }
}

/** Fails with the environment variables to set when a needed credential is missing. */
export function checkCredentials(
  pack: ProviderPack,
  scheme: AuthScheme,
  credentials: Record<string, string>,
): void {
  const missing = requiredCredentials(pack, scheme).filter((c) => !credentials[c])
  if (missing.length === 0) return
  const envs = missing.map((c) => pack.credentials[c]?.env ?? c)
  const list = envs.length === 1 ? envs[0]! : `${envs.slice(0, -1).join(', ')} and ${envs[envs.length - 1]!}`
  throw new ApidxError(
    'ERR_CREDENTIALS',
    `Signing needs ${list}, which ${envs.length === 1 ? 'is' : 'are'} not set.`,
    {
      suggestions: [
        `Set ${list} in the environment (credentials are never taken from flags, which other users can see in ps).`,
      ],
    },
  )
}

/** Fails when a parameter the scheme declares without a default has no value. */
export function checkParams(id: string, scheme: AuthScheme, params: Record<string, string>): void {
  const missing = Object.keys(scheme.params ?? {}).filter((p) => params[p] === undefined || params[p] === '')
  if (missing.length === 0) return
  throw new ApidxError(
    'ERR_USAGE',
    `Scheme ${id} needs ${missing.map((m) => `--param ${m}=…`).join(' and ')}.`,
    {
      suggestions: missing.map((m) => `${m}: ${scheme.params?.[m]?.description ?? ''}`),
    },
  )
}

/**
 * Signs a request with a pack's scheme. `scheme` is a scheme id, or a Target (its version's scheme
 * and `signingParams`). Deterministic for a given clock and nonces; never reads the environment.
 */
export function signRequest(
  pack: ProviderPack,
  scheme: string | Target,
  request: RequestInput,
  credentials: Record<string, string>,
  clock: Clock = Date.now,
  options: SignOptions = {},
): SignResult {
  const found = schemeFor(pack, scheme)
  const params = { ...found.params, ...(options.params ?? {}) }
  checkParams(found.id, found.scheme, params)
  checkCredentials(pack, found.scheme, credentials)
  const instant = toMs(clock)
  const working: WorkingRequest = workingRequest(request)
  // The version URL's path placeholders (`/asr/v2/{cred.appId}`), when the request still has them.
  if (typeof scheme !== 'string' && urlCredentialNames(working.base).length) {
    const declared = new Set(urlCredentialNames(scheme.version.url))
    const own = Object.fromEntries(Object.entries(credentials).filter(([k]) => declared.has(k)))
    working.base = fillUrlCredentials(pack, working.base, own)
  }
  const nonces = { ...carriedNonces(found.scheme, working), ...(options.nonces ?? {}) }
  const r = evaluate({
    scheme: found.scheme,
    request: working,
    credentials,
    secretCredentials: secretCredentials(pack),
    params,
    instant,
    fixed: nonces,
  })
  return toSignResult(pack, found.id, r, instant, params, credentials)
}
