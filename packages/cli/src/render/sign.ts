// Pure renderers of `apidx sign`: the signed request (and with --explain every step), and the
// verdict of --verify with the first differing step and the mistakes found. Input is already masked.
import { printable } from '@apidx/core'

/** What `apidx sign` returns (and prints under --json). */
export interface SignOutput {
  provider: string
  service?: string
  version?: string
  scheme: string
  signature: string
  request: { method: string; url: string; headers: Record<string, string> }
  /** Every step in order; `masked` when the value shown is a stand-in for a secret. */
  steps: { name: string; op: string; value: string; masked?: boolean }[]
  timestamp: string
  params: Record<string, string>
  /** True when the request is printed unmasked (--reveal). */
  revealed: boolean
  /** Credential values that cannot be right by their shape (core checkCredentialHygiene). */
  credentials?: CredentialFinding[]
}

/** One credential hygiene finding, as sign shows it (no value, only the usual mask). */
export interface CredentialFinding {
  code: string
  severity: string
  message: string
  fix: string | null
}

/** The hygiene findings, first: a stray space explains a mismatch before any step does. */
function renderCredentials(found: CredentialFinding[] | undefined): string[] {
  if (!found?.length) return []
  return [
    ...found.flatMap((f) => [
      `${f.severity === 'error' ? '✗' : '!'} ${clean(f.code)}: ${clean(f.message)}`,
      ...(f.fix ? [`  Fix: ${clean(f.fix)}`] : []),
    ]),
    '',
  ]
}

/** What `apidx sign --verify` returns. */
export interface VerifyOutput {
  provider: string
  service?: string
  version?: string
  scheme: string
  ok: boolean
  reason?: string
  timestamp?: { raw: string; ms: number; format: string }
  /** The timestamp's age at the clock the request was judged by, and the window the scheme allows. */
  window?: { now: number; ageSeconds: number; maxSkewSeconds?: number }
  actualSignature?: string
  expectedSignature: string
  missing: string[]
  unknownKey?: { credential: string; env: string; value: string }
  firstDifference?: { step: string; expected: string; actual: string }
  mistakes: { kind: string; description: string }[]
  searched: number
  steps: { name: string; op: string; value: string; masked?: boolean }[]
  /** True when signatures are printed unmasked (--reveal). */
  revealed: boolean
  credentials?: CredentialFinding[]
}

/** Control characters (but newline) never reach the terminal: values can come from a user's file. */
const clean = (s: string) => s.split('\n').map(printable).join('\n')

/** A multi-line value, indented under its label. */
const block = (value: string, indent: string) => clean(value).split('\n').join(`\n${indent}`)

function renderSteps(steps: SignOutput['steps']): string[] {
  const lines = ['', 'Steps:']
  for (const s of steps)
    lines.push(
      `  ${s.name} (${s.op}${s.masked ? ', secret: masked' : ''}):`,
      `    ${block(s.value === '' ? '(empty)' : s.value, '    ')}`,
    )
  return lines
}

/** The signed request; with `explain`, every step after it. */
export function renderSign(out: SignOutput, explain: boolean): string {
  const where = out.service ? `${out.provider} ${out.service} ${out.version}` : out.provider
  const lines = [`${clean(out.request.method)} ${clean(out.request.url)}`]
  for (const [k, v] of Object.entries(out.request.headers)) lines.push(`${clean(k)}: ${clean(v)}`)
  lines.push(
    '',
    `Signed with ${where} scheme ${out.scheme} for ${out.timestamp}.`,
    `Signature: ${clean(out.signature)}`,
  )
  if (!out.revealed) lines.push('Secrets are masked; pass --reveal to print the usable signed request.')
  if (explain) lines.push(...renderSteps(out.steps))
  // After the request, so the request stays the first block (what --reveal users copy).
  if (out.credentials?.length) lines.push('', ...renderCredentials(out.credentials).slice(0, -1))
  return lines.join('\n')
}

const REASONS: Record<string, string> = {
  'missing-signature': 'The request does not carry the signature',
  'signature-mismatch': 'The signature does not match',
  'unknown-key': 'The request names a key that is not the one configured',
  'clock-skew': 'The timestamp is one the server rejects',
}

/** "Timestamp age: 41 s old; the scheme accepts ±300 s." */
function renderWindow(w: NonNullable<VerifyOutput['window']>): string {
  const s = Math.abs(w.ageSeconds)
  const age = w.ageSeconds >= 0 ? `${s} s old` : `${s} s in the future`
  const limit =
    w.maxSkewSeconds !== undefined
      ? `the scheme accepts ±${w.maxSkewSeconds} s`
      : 'the scheme states no window'
  return `  Timestamp age: ${age} at ${new Date(w.now).toISOString()}; ${limit}.`
}

/** The verdict of --verify. */
export function renderVerify(out: VerifyOutput, explain: boolean): string {
  const ts = out.timestamp ? ` (timestamp ${clean(out.timestamp.raw)}, read from the request)` : ''
  if (out.ok)
    return [
      ...renderCredentials(out.credentials),
      `✓ The signature matches: scheme ${out.scheme}${ts}.`,
      ...(out.window ? [renderWindow(out.window)] : []),
      `Signature: ${clean(out.expectedSignature)}${out.revealed ? '' : ' (masked; --reveal prints it)'}`,
      ...(explain ? renderSteps(out.steps) : []),
    ].join('\n')
  const sameSignature = out.reason === 'signature-mismatch' && out.actualSignature === out.expectedSignature
  const headline = sameSignature
    ? 'The signature is right, but the request declares something else'
    : (REASONS[out.reason ?? ''] ?? 'The request does not verify')
  const lines = [...renderCredentials(out.credentials), `✗ ${headline}: scheme ${out.scheme}${ts}.`]
  if (out.window) lines.push(renderWindow(out.window))
  if (out.missing.length) lines.push(`  Missing: ${out.missing.join(', ')}.`)
  if (out.unknownKey)
    lines.push(
      `  The request's ${out.unknownKey.credential} is ${out.unknownKey.value}, not the value of ${out.unknownKey.env}.`,
    )
  if (out.actualSignature !== undefined) lines.push(`  Your signature:     ${clean(out.actualSignature)}`)
  lines.push(`  Expected signature: ${clean(out.expectedSignature)}`)
  if (out.firstDifference) {
    const d = out.firstDifference
    lines.push(
      `  First step that differs: ${d.step}`,
      `    expected: ${block(d.expected, '              ')}`,
      `    yours:    ${block(d.actual, '              ')}`,
    )
  }
  if (out.mistakes.length) {
    lines.push(
      out.mistakes.length === 1
        ? '  This known mistake explains your request:'
        : '  These known mistakes explain your request:',
    )
    for (const m of out.mistakes) lines.push(`    - ${clean(m.description)}`)
  } else if (!sameSignature && (out.reason === 'signature-mismatch' || out.reason === 'unknown-key')) {
    lines.push(
      `  No known mistake reproduces your signature (${out.searched} tried, alone and in pairs): check the credential values themselves, and compare the steps with --explain.`,
    )
  }
  if (explain) lines.push(...renderSteps(out.steps))
  return lines.join('\n')
}
