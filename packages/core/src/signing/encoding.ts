// Percent-encodings and byte encodings the signing steps name. Vendors differ in exactly these
// details (space as %20 or +, `/` kept or not, `*` and `~`), so each variant is a named, exact rule.
import type { Encoding } from '../generated/index.js'

const UNRESERVED = /[A-Za-z0-9\-_.~]/

/** Percent-encodes UTF-8 text by the named rule. */
export function percentEncode(text: string, encoding: Encoding): string {
  if (encoding === 'none') return text
  if (encoding === 'uri-component') return encodeURIComponent(text)
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte)
    if (byte < 0x80 && UNRESERVED.test(ch)) out += ch
    else if (ch === '/' && encoding === 'rfc3986-except-slash') out += ch
    else if (ch === ' ' && encoding === 'form') out += '+'
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/**
 * Decodes percent-escapes (and `+` as space when `plus` is set) without throwing: a malformed escape
 * is kept as text, as servers do, so a user's odd URL can still be explained.
 */
export function percentDecode(text: string, plus: boolean): string {
  const src = plus ? text.replace(/\+/g, ' ') : text
  if (!src.includes('%')) return src
  // Runs of escapes are decoded together so multi-byte UTF-8 sequences come out whole.
  return src
    .split(/((?:%[0-9A-Fa-f]{2})+)/)
    .map((part, i) => (i % 2 === 1 ? Buffer.from(part.replace(/%/g, ''), 'hex').toString('utf8') : part))
    .join('')
}

/** Base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
