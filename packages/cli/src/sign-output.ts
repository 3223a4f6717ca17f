// What `apidx sign` returns: the signed request or the verdict of --verify, masked. Secrets are always
// masked; every signature (and what is derived from it) too, unless --reveal asks for the usable
// request: a signature replays the request until its timestamp expires. Rendering: render/sign.ts.
import type { HygieneResult, ProviderPack, SignResult, Target, VerifyResult } from '@apidx/core'
import type { CredentialFinding, SignOutput, VerifyOutput } from './render/sign.js'

type Core = typeof import('@apidx/core')

/** How a step is shown: a secret step keeps its readable parts (only the secrets in it are masked), a derived key is masked whole. */
function shownStep(core: Core, redact: (v: string) => string, value: string, secret: boolean): string {
  if (!secret) return redact(value)
  const partial = redact(value)
  return partial !== value ? partial : core.maskSecret(value)
}

/** The values any output of this result masks: secrets, and unless revealed the signature and its derivations. */
function maskedValues(core: Core, pack: ProviderPack, r: SignResult, reveal: boolean): string[] {
  const scheme = pack.auth[r.scheme]
  const replayable = scheme && !reveal ? core.replayableValues(scheme, r.steps) : []
  return [...r.secrets, ...replayable]
}

/** The printable result: secret steps masked, the signature and the request masked unless revealed. */
export function signOutput(
  core: Core,
  pack: ProviderPack,
  r: SignResult,
  target: Target | undefined,
  reveal: boolean,
  hygiene: HygieneResult,
): SignOutput {
  const all = core.createRedactor([...maskedValues(core, pack, r, reveal), ...hygiene.alsoSecret])
  return {
    provider: pack.id,
    ...(target ? { service: target.serviceId, version: target.versionId } : {}),
    scheme: r.scheme,
    signature: all.leaks(r.signature) ? core.maskSecret(r.signature) : r.signature,
    request: reveal ? r.request : all.redactValue(r.request),
    steps: r.steps.map((s) => {
      const value = shownStep(core, all.redact, s.value, s.secret)
      return { name: s.name, op: s.op, value, ...(value !== s.value ? { masked: true } : {}) }
    }),
    timestamp: r.timestamp.iso,
    params: r.params,
    revealed: reveal,
    ...credentialFindings(hygiene),
  }
}

/** The verdict, masked: secrets always; the signatures (yours and the expected one) unless revealed. */
export function verifyOutput(
  core: Core,
  pack: ProviderPack,
  r: VerifyResult,
  target: Target | undefined,
  reveal: boolean,
  hygiene: HygieneResult,
): VerifyOutput {
  const theirs = !reveal && r.actualSignature !== undefined ? [r.actualSignature] : []
  const masked = [...maskedValues(core, pack, r.expected, reveal), ...theirs, ...hygiene.alsoSecret]
  const redactor = core.createRedactor(masked)
  const shown = (v: string, secret: boolean) => shownStep(core, redactor.redact, v, secret)
  const d = r.firstDifference
  return {
    provider: pack.id,
    ...(target ? { service: target.serviceId, version: target.versionId } : {}),
    scheme: r.scheme,
    ok: r.ok,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.timestamp ? { timestamp: r.timestamp } : {}),
    ...(r.window ? { window: r.window } : {}),
    ...(r.actualSignature !== undefined ? { actualSignature: redactor.redact(r.actualSignature) } : {}),
    expectedSignature: redactor.redact(r.expectedSignature),
    missing: r.missing,
    ...(r.unknownKey
      ? {
          unknownKey: {
            credential: r.unknownKey.credential,
            env: pack.credentials[r.unknownKey.credential]?.env ?? r.unknownKey.credential,
            value: core.maskSecret(r.unknownKey.value),
          },
        }
      : {}),
    ...(d
      ? {
          firstDifference: {
            step: d.step,
            expected: shown(d.expected, d.secret),
            actual: shown(d.actual, d.secret || redactor.leaks(d.actual)),
          },
        }
      : {}),
    mistakes: r.mistakes.map((m) => ({ kind: m.kind, description: redactor.redact(m.description) })),
    searched: r.searched,
    steps: r.expected.steps.map((s) => {
      const value = shown(s.value, s.secret)
      return { name: s.name, op: s.op, value, ...(value !== s.value ? { masked: true } : {}) }
    }),
    revealed: reveal,
    ...credentialFindings(hygiene),
  }
}

/** The credential hygiene findings (masked by construction), when there are any. */
function credentialFindings(h: HygieneResult): { credentials?: CredentialFinding[] } {
  if (!h.findings.length) return {}
  return {
    credentials: h.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      fix: f.fix,
    })),
  }
}
