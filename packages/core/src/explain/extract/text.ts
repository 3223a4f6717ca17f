// Character classes and views of pasted text for the extraction step. Everything here is a single
// forward (or bounded backward) scan: no regular expression ever runs over the user's input.

/** Characters of a vendor error code (`AuthFailure.SignatureFailure`, `invalid_api_key`, `10165`). */
const CODE = new Set('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-')
/** The longest code read from text. */
export const MAX_CODE = 80

export function isCodeChar(c: string | undefined): boolean {
  return c !== undefined && CODE.has(c)
}

/** Letters, digits and `_`: a character that continues a word. */
export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_'
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

export function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z'
}

/** The code that starts at `from`: code characters, without a trailing `.`, `-` or `_`. */
export function readCode(text: string, from: number): string {
  let e = from
  while (e < text.length && e - from < MAX_CODE && isCodeChar(text[e])) e++
  while (e > from && '.-_'.includes(text[e - 1]!)) e--
  return text.slice(from, e)
}

/** The code that ends just before `end`, read backwards. */
export function readCodeBack(text: string, end: number): { code: string; start: number } {
  let s = end
  while (s > 0 && end - s < MAX_CODE && isCodeChar(text[s - 1])) s--
  while (s < end && '.-_'.includes(text[s]!)) s++
  return { code: text.slice(s, end), start: s }
}

/** The index of the end of the line that holds `from` (the `\n` or the text's end). */
export function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from)
  return n < 0 ? text.length : n
}

/** A code only if every character is a code character and it has a letter or digit. */
export function asCode(value: string): string | undefined {
  const v = value.trim()
  if (!v || v.length > MAX_CODE) return undefined
  let alnum = false
  for (const c of v) {
    if (!CODE.has(c)) return undefined
    if (c !== '.' && c !== '-' && c !== '_') alnum = true
  }
  return alnum ? v : undefined
}

/** An HTTP status from digits, when it is one (100–599). */
export function asStatus(value: string): number | undefined {
  const v = value.trim()
  if (v.length !== 3 || ![...v].every(isDigit)) return undefined
  const n = Number(v)
  return n >= 100 && n <= 599 ? n : undefined
}

const ENTITIES: readonly [string, string][] = [
  ['&quot;', '"'],
  ['&#34;', '"'],
  ['&#39;', "'"],
  ['&apos;', "'"],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&amp;', '&'],
]
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\n', '"': '"', "'": "'", '/': '/' }

/**
 * The text as a reader sees it: HTML entities decoded (`&quot;` from a web page) and string escapes
 * undone (`\n`, `\"` from a log that printed a repr or a JSON string). Undefined when nothing changes.
 */
export function unescapedView(text: string): string | undefined {
  let out = text
  for (const [from, to] of ENTITIES) if (out.includes(from)) out = out.replaceAll(from, to)
  if (out.includes('\\')) {
    let s = ''
    for (let i = 0; i < out.length; i++) {
      const c = out[i]!
      const next = out[i + 1]
      if (c === '\\' && next !== undefined && ESCAPES[next] !== undefined) {
        s += ESCAPES[next]
        i++
      } else if (c === '\\' && next === '\\') {
        s += '\\'
        i++
      } else s += c
    }
    out = s
  }
  return out === text ? undefined : out
}
