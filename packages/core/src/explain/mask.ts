// Masks secrets in untrusted text before apidx echoes it: an error body can carry the signed URL the
// client sent (`authorization=`, `signature=`, `signa=`, `X-Amz-Signature=`, `apiKey=`…) or a bearer
// token. Linear scans, no regular expression over the input, so hostile input cannot make it backtrack.

/** What replaces a masked value. */
export const MASK = '***'

/** Name fragments (lower case, without `-`, `_` and `.`) that make a value secret wherever they appear in its name. */
const SECRET_FRAGMENTS = [
  'authorization',
  'signature',
  'secret',
  'token',
  'password',
  'passwd',
  'apikey',
  'appkey',
  'accesskey',
  'credential',
  'privatekey',
  'checksum',
]
/** Names secret only when they are the whole name (short ones would match too much as fragments). */
const SECRET_NAMES = new Set(['signa', 'sign', 'sig', 'key', 'auth', 'ak', 'sk', 'pwd'])
const NAME_CHARS = /^[A-Za-z0-9_.-]$/
const MAX_NAME = 64

/** True when a parameter or field name holds a secret. */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replaceAll('-', '').replaceAll('_', '').replaceAll('.', '')
  return SECRET_NAMES.has(n) || SECRET_FRAGMENTS.some((f) => n.includes(f))
}

/**
 * Replaces the value of every secret-named `name=value`, `name: value`, `"name": "value"` and
 * `name="value"` in text with `***`. Unquoted values end at `&`, whitespace, a quote, `,`, `;`, or a
 * bracket; an unquoted header-style value (`Authorization: Bearer …`) runs to the end of the line.
 */
export function maskSecrets(text: string): string {
  let out = ''
  let copied = 0
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch !== '=' && ch !== ':') {
      i++
      continue
    }
    const name = nameBefore(text, i, ch === ':')
    if (!name || !isSecretName(name)) {
      i++
      continue
    }
    const [start, end] = valueSpan(text, i + 1, ch === ':')
    if (end > start) {
      out += text.slice(copied, start) + MASK
      copied = end
    }
    i = Math.max(end, i + 1)
  }
  return maskBearer(out + text.slice(copied))
}

/** Masks the token after every `Bearer ` (a bare `Bearer sk-…` in a log line has no secret-named field before it). */
function maskBearer(text: string): string {
  const lower = text.toLowerCase()
  let out = ''
  let copied = 0
  let at = lower.indexOf('bearer ')
  while (at >= 0) {
    let s = at + 7
    while (text[s] === ' ') s++
    let e = s
    while (e < text.length && !DELIMITERS.has(text[e]!)) e++
    if (e > s && text.slice(s, e) !== MASK) {
      out += text.slice(copied, s) + MASK
      copied = e
    }
    at = lower.indexOf('bearer ', Math.max(e, at + 7))
  }
  return out + text.slice(copied)
}

/** The name just before a separator at `at`, skipping a closing quote (and spaces before `:`). */
function nameBefore(text: string, at: number, colon: boolean): string | undefined {
  let j = at - 1
  if (colon) while (j >= 0 && text[j] === ' ') j--
  if (text[j] === '"' || text[j] === "'") j--
  const end = j + 1
  while (j >= 0 && end - j <= MAX_NAME && NAME_CHARS.test(text[j]!)) j--
  return end - (j + 1) > 0 ? text.slice(j + 1, end) : undefined
}

/** The span of the value after a separator: quoted to its closing quote, bare to a delimiter. */
function valueSpan(text: string, from: number, colon: boolean): [number, number] {
  let s = from
  if (colon) while (text[s] === ' ') s++
  const q = text[s]
  if (q === '"' || q === "'") {
    let e = s + 1
    while (e < text.length && text[e] !== q && text[e] !== '\n') e++
    return [s + 1, e]
  }
  let e = s
  if (colon && !'{['.includes(text[s] ?? '{') && (text[s] ?? '') > '9') {
    // A header-style value (`Authorization: Bearer abc`, `hmac api_key=…`) can hold spaces: to the end of the line.
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++
    return [s, e]
  }
  while (e < text.length && !DELIMITERS.has(text[e]!)) e++
  return [s, e]
}

const DELIMITERS = new Set([
  '&',
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  ',',
  ';',
  '<',
  '>',
  ')',
  '(',
  '}',
  '{',
  ']',
  '[',
  '|',
])
