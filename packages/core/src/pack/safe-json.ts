// A JSON parser for untrusted files (packs, configs): iterative, so depth 10,000 cannot overflow the
// stack; capped in size and depth; rejects duplicate keys and prototype keys; and reports errors with
// line, column and JSON pointer — what JSON.parse cannot do.

/** Limits applied while parsing. */
export interface JsonLimits {
  /** Largest accepted text in bytes (UTF-8). */
  maxBytes: number
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number
}

/** The caps for packs and configs: 2 MiB, 64 levels. */
export const DEFAULT_LIMITS: JsonLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 64 }

/** A parse failure: where it is and what is wrong. */
export interface JsonIssue {
  pointer: string
  line?: number
  column?: number
  message: string
  remedy: string
}

/** A parsed value, or the issue that stopped the parse. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; issues: JsonIssue[] }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
/** Marks that readValue opened a container rather than reading a complete value. */
const OPENED = Symbol('opened')

/** Control characters, C1 included: a hostile file could otherwise move the cursor or recolour a terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** Makes text from an untrusted file safe to show on one terminal line: control characters become `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Quotes a name or value from an untrusted file for a message: double quotes, escapes, at most `max` characters. */
export function quote(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text
  return `"${printable(cut.replaceAll('\\', '\\\\').replaceAll('"', '\\"'))}"`
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1')
}

class Fail extends Error {
  constructor(readonly issue: JsonIssue) {
    super(issue.message)
  }
}

type Frame =
  | { kind: 'object'; value: Record<string, unknown>; pointer: string; key?: string; seen: Set<string> }
  | { kind: 'array'; value: unknown[]; pointer: string }

/**
 * Parses `text` as JSON under `limits`. Objects are created without a prototype chain risk: keys
 * such as `__proto__` are rejected (a pack never needs them), duplicate keys are rejected (the last
 * one would silently win), and the first syntax error is reported with its line and column.
 */
export function parseJson(text: string, limits: JsonLimits = DEFAULT_LIMITS): ParseResult {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > limits.maxBytes) {
    return {
      ok: false,
      issues: [
        {
          pointer: '',
          message: `file is ${bytes} bytes, over the ${limits.maxBytes}-byte limit`,
          remedy: 'Packs and configs are small JSON documents; split or trim the file.',
        },
      ],
    }
  }
  try {
    return { ok: true, value: new Parser(text, limits).parse() }
  } catch (err) {
    if (err instanceof Fail) return { ok: false, issues: [err.issue] }
    throw err
  }
}

class Parser {
  private pos = 0
  private readonly stack: Frame[] = []

  constructor(
    private readonly text: string,
    private readonly limits: JsonLimits,
  ) {}

  parse(): unknown {
    this.skipSpace()
    let value = this.readValue('')
    for (;;) {
      if (value !== OPENED) {
        const top = this.stack.at(-1)
        if (!top) break
        if (top.kind === 'array') top.value.push(value)
        else top.value[top.key!] = value
      }
      value = this.step(this.stack.at(-1)!)
    }
    this.skipSpace()
    if (this.pos < this.text.length)
      this.fail('', 'unexpected text after the end of the JSON document', 'Remove it.')
    return value
  }

  /** Reads what follows inside the open container `top`: its closing bracket, or its next member. */
  private step(top: Frame): unknown {
    this.skipSpace()
    const ch = this.text[this.pos]
    const count = top.kind === 'array' ? top.value.length : top.seen.size
    const closer = top.kind === 'array' ? ']' : '}'
    if (ch === closer) {
      this.pos++
      this.stack.pop()
      return top.value
    }
    if (count > 0) {
      if (ch !== ',')
        this.fail(
          top.pointer,
          `expected ',' or '${closer}' but found ${this.describe(ch)}`,
          'Check for a missing comma or bracket.',
        )
      this.pos++
      this.skipSpace()
    }
    if (top.kind === 'array') return this.readValue(`${top.pointer}/${top.value.length}`)
    return this.readMember(top)
  }

  private readMember(top: Extract<Frame, { kind: 'object' }>): unknown {
    if (this.text[this.pos] !== '"')
      this.fail(
        top.pointer,
        `expected a property name in double quotes but found ${this.describe(this.text[this.pos])}`,
        'JSON needs double-quoted keys and no trailing commas.',
      )
    const keyAt = this.pos
    const key = this.readString()
    const pointer = `${top.pointer}/${pointerSegment(key)}`
    if (FORBIDDEN_KEYS.has(key))
      this.fail(
        pointer,
        `the key ${quote(key)} is not allowed`,
        'Prototype keys are rejected in every apidx input; rename or remove it.',
        keyAt,
      )
    if (top.seen.has(key))
      this.fail(
        pointer,
        `the key ${quote(key)} appears twice in the same object`,
        'Keep one; JSON parsers would silently keep only the last.',
        keyAt,
      )
    top.seen.add(key)
    top.key = key
    this.skipSpace()
    if (this.text[this.pos] !== ':')
      this.fail(
        pointer,
        `expected ':' after ${quote(key)} but found ${this.describe(this.text[this.pos])}`,
        'Separate keys and values with a colon.',
      )
    this.pos++
    this.skipSpace()
    return this.readValue(pointer)
  }

  /** Reads a primitive, or opens a container (pushed on the stack) and returns OPENED. */
  private readValue(pointer: string): unknown {
    const ch = this.text[this.pos]
    if (ch === '{' || ch === '[') {
      if (this.stack.length >= this.limits.maxDepth)
        this.fail(
          pointer,
          `nesting is deeper than ${this.limits.maxDepth} levels`,
          'Packs never need deep nesting; flatten the structure.',
        )
      this.pos++
      this.stack.push(
        ch === '{'
          ? { kind: 'object', value: {}, pointer, seen: new Set() }
          : { kind: 'array', value: [], pointer },
      )
      return OPENED
    }
    if (ch === '"') return this.readString()
    if (ch === 't') return this.readWord('true', true, pointer)
    if (ch === 'f') return this.readWord('false', false, pointer)
    if (ch === 'n') return this.readWord('null', null, pointer)
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.readNumber(pointer)
    return this.fail(
      pointer,
      `expected a value but found ${this.describe(ch)}`,
      'Values are strings, numbers, true, false, null, objects or arrays.',
    )
  }

  private readWord(word: string, value: unknown, pointer: string): unknown {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length
      return value
    }
    return this.fail(
      pointer,
      `unexpected ${this.describe(this.text[this.pos])}`,
      'Check the spelling of true, false and null (lower case).',
    )
  }

  private readNumber(pointer: string): number {
    const start = this.pos
    const t = this.text
    if (t[this.pos] === '-') this.pos++
    if (t[this.pos] === '0') this.pos++
    else if (isDigit(t[this.pos])) while (isDigit(t[this.pos])) this.pos++
    else this.fail(pointer, 'a number needs digits', 'Write numbers like 42, -1.5 or 1e3.')
    if (t[this.pos] === '.') {
      this.pos++
      if (!isDigit(t[this.pos]))
        this.fail(pointer, 'a decimal point needs digits after it', 'Write numbers like 1.5.')
      while (isDigit(t[this.pos])) this.pos++
    }
    if (t[this.pos] === 'e' || t[this.pos] === 'E') {
      this.pos++
      if (t[this.pos] === '+' || t[this.pos] === '-') this.pos++
      if (!isDigit(t[this.pos])) this.fail(pointer, 'an exponent needs digits', 'Write numbers like 1e3.')
      while (isDigit(t[this.pos])) this.pos++
    }
    return Number(t.slice(start, this.pos))
  }

  private readString(): string {
    const start = this.pos
    this.pos++ // opening quote
    let out = ''
    let chunk = this.pos
    const t = this.text
    for (;;) {
      const ch = t[this.pos]
      if (ch === undefined) this.fail('', 'a string is not closed', 'Add the closing double quote.', start)
      if (ch === '"') break
      if (ch < ' ')
        this.fail(
          '',
          'a control character (such as a raw newline) is inside a string',
          'Escape it, e.g. \\n.',
          this.pos,
        )
      if (ch === '\\') {
        out += t.slice(chunk, this.pos)
        const esc = t[this.pos + 1]
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        }
        if (esc !== undefined && esc in simple) {
          out += simple[esc]
          this.pos += 2
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16))
          this.pos += 6
        } else
          this.fail(
            '',
            `invalid escape \\${esc ?? ''} in a string`,
            'Use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX.',
            this.pos,
          )
        chunk = this.pos
        continue
      }
      this.pos++
    }
    out += t.slice(chunk, this.pos)
    this.pos++ // closing quote
    return out
  }

  private skipSpace(): void {
    const t = this.text
    while (t[this.pos] === ' ' || t[this.pos] === '\n' || t[this.pos] === '\r' || t[this.pos] === '\t')
      this.pos++
  }

  private describe(ch: string | undefined): string {
    return ch === undefined ? 'the end of the file' : `'${printable(ch)}'`
  }

  private fail(pointer: string, message: string, remedy: string, at = this.pos): never {
    const { line, column } = lineColumn(this.text, at)
    throw new Fail({ pointer, line, column, message: `line ${line}, column ${column}: ${message}`, remedy })
  }
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
