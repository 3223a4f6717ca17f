// Credential values that cannot be right, by the pack's own declaration, found before any packet:
// a stray space or line break from a copy-paste, a length the vendor does not issue. Minimal version
// (whitespace, declared length) written for `apidx doctor`; the fuller checks (shape, swapped) are
// planned to land here behind the same function.
import type { ProviderPack } from '../generated/index.js'

/** One hygiene problem of one credential; the value itself never appears, only its masked form. */
export interface HygieneFinding {
  code: 'credentials/whitespace' | 'credentials/wrong-length'
  severity: 'error'
  credential: string
  env: string
  message: string
  fix: string
  data: Record<string, unknown>
}

/** A value as it may be shown: a secret only as its length, a public value in full. */
export function maskCredential(value: string, secret: boolean): string {
  return secret ? `•••• (${value.length} chars)` : value
}

/** Where the whitespace is, in words. */
function whereWhitespace(value: string): string | undefined {
  if (/^\s/.test(value) && /\s$/.test(value)) return 'leading and trailing whitespace'
  if (/\s$/.test(value)) return /[\r\n]$/.test(value) ? 'a trailing line break' : 'a trailing space'
  if (/^\s/.test(value)) return 'leading whitespace'
  if (/\s/.test(value)) return 'whitespace inside'
  return undefined
}

/** The hygiene findings of the credentials `values` (by the pack's credential names). */
export function credentialHygiene(pack: ProviderPack, values: Record<string, string>): HygieneFinding[] {
  const out: HygieneFinding[] = []
  for (const [name, value] of Object.entries(values)) {
    const spec = pack.credentials[name]
    if (!spec || !value) continue
    const masked = maskCredential(value, spec.secret !== false)
    const ws = whereWhitespace(value)
    if (ws)
      out.push({
        code: 'credentials/whitespace',
        severity: 'error',
        credential: name,
        env: spec.env,
        message: `${spec.env} has ${ws} (${masked}): the vendor compares it byte for byte, so the signature or key will not match.`,
        fix: `Set ${spec.env} again without the whitespace (quote it in your shell: export ${spec.env}="…").`,
        data: { credential: name, env: spec.env, masked, whitespace: ws },
      })
    const trimmed = value.trim()
    if (spec.length !== undefined && trimmed.length !== spec.length)
      out.push({
        code: 'credentials/wrong-length',
        severity: 'error',
        credential: name,
        env: spec.env,
        message: `${spec.env} is ${trimmed.length} characters long${ws ? ' (whitespace aside)' : ''}; ${pack.name} issues ${spec.length}-character values (${masked}).`,
        fix: `Copy ${spec.env} again from the ${pack.name} console: a character is missing or extra, or it is another credential.`,
        data: { credential: name, env: spec.env, masked, length: trimmed.length, expected: spec.length },
      })
  }
  return out
}
