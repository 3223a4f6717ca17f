// Masks secrets in anything apidx prints: each secret in every encoding a request can carry it in,
// and whole tokens that are base64 of a string holding a secret (iFlytek's authorization parameter).
// Used by sign, check and mock so no output path can leak a credential (DESIGN §8).
import { percentDecode } from './signing/encoding.js'

/** Redacts text and JSON-like values. */
export interface Redactor {
  /** The text with every known form of every secret masked. */
  redact(text: string): string
  /** A deep copy of a JSON-like value with every string (and key) redacted. */
  redactValue<T>(value: T): T
  /** True when the text holds a secret in some known form. */
  leaks(text: string): boolean
}

/** Secrets shorter than this are not searched for: they would mask ordinary text. */
const MIN_SECRET = 4

/** The printed stand-in for a secret: its first two characters at most, never more than 4. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `${value.slice(0, 2)}…` : '****'
}

/** The forms a secret takes on the wire: raw, base64 (padded or not), base64url, hex, URL-encoded. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const b64 = bytes.toString('base64')
  const forms = [
    secret,
    b64,
    b64.replace(/=+$/, ''),
    b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURIComponent(b64),
    JSON.stringify(secret).slice(1, -1),
  ]
  return [...new Set(forms)].filter((f) => f.length >= MIN_SECRET)
}

// Candidate tokens for "base64 of a string that holds a secret": long runs of base64 / URL-encoded
// base64 characters, `=` only as trailing padding (so `name=value` splits at the `=`). One class and
// an optional suffix: linear time on any input.
const TOKEN = /[A-Za-z0-9+/_%-]{16,}={0,2}/g

/** Builds a redactor for the given secret values. */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const raw = [...new Set([...secrets].filter((s) => typeof s === 'string' && s.length >= MIN_SECRET))]
  const forms = new Map<string, string>()
  for (const s of raw) for (const f of secretForms(s)) if (!forms.has(f)) forms.set(f, maskSecret(s))
  const ordered = [...forms].sort((a, b) => b[0].length - a[0].length)

  const embedsSecret = (token: string): boolean => {
    const plain = percentDecode(token, false)
    for (const variant of [plain, plain.replace(/-/g, '+').replace(/_/g, '/')]) {
      const decoded = Buffer.from(variant, 'base64').toString('utf8')
      if (raw.some((s) => decoded.includes(s))) return true
    }
    return false
  }
  const redact = (text: string): string => {
    if (raw.length === 0 || !text) return text
    let out = text.replace(TOKEN, (token) => (embedsSecret(token) ? maskSecret(token) : token))
    for (const [form, mask] of ordered) if (out.includes(form)) out = out.split(form).join(mask)
    return out
  }
  const redactValue = <T>(value: T): T => {
    if (typeof value === 'string') return redact(value) as T
    if (Array.isArray(value)) return value.map((v) => redactValue(v)) as T
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) if (k !== '__proto__') out[redact(k)] = redactValue(v)
      return out as T
    }
    return value
  }
  return { redact, redactValue, leaks: (text) => redact(text) !== text }
}
