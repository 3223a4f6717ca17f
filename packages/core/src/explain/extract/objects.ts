// Finds the objects inside pasted text and reads them whatever their dialect: JSON, a Python dict repr
// (single quotes, True/None), a Ruby hash (`=>`), a JavaScript object literal (bare keys), and JSON
// nested in a JSON string. Brackets are paired in one pass with a stack; each candidate is parsed by a
// small recursive-descent reader with a depth cap, so the work stays linear in the input.

/** Deepest nesting read; deeper text is not an error body. */
const MAX_DEPTH = 32
/** Most objects read from one input (the outermost ones, then their children). */
const MAX_OBJECTS = 40
/** Most parse attempts on one input: a failed outer object lets its children be tried, within this bound. */
const MAX_ATTEMPTS = 60
/** How deep JSON-inside-a-string is followed. */
const MAX_NESTED_STRINGS = 2

/** Quote characters that open a string in this position: `'` only where a value or key starts. */
function opensSingleQuote(text: string, at: number): boolean {
  let j = at - 1
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--
  return j < 0 || '{[,:(=>\n'.includes(text[j]!)
}

/** Pairs of `{`…`}` in the text, outside strings, outermost first (by start). */
export function bracePairs(text: string): [number, number][] {
  const pairs: [number, number][] = []
  const stack: { ch: string; at: number }[] = []
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote || c === '\n') quote = undefined
      continue
    }
    if (c === '"' || (c === "'" && opensSingleQuote(text, i))) quote = c
    else if (c === '{' || c === '[') stack.push({ ch: c, at: i })
    else if (c === '}' || c === ']') {
      const want = c === '}' ? '{' : '['
      while (stack.length && stack[stack.length - 1]!.ch !== want) stack.pop()
      const open = stack.pop()
      if (open && want === '{') pairs.push([open.at, i])
    }
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

/** The outermost pairs that parse, and inside a pair that does not, its children that do. */
export function objectsIn(text: string): unknown[] {
  const out: unknown[] = []
  const parsed: [number, number][] = []
  let attempts = 0
  for (const [s, e] of bracePairs(text)) {
    if (out.length >= MAX_OBJECTS || attempts >= MAX_ATTEMPTS) break
    if (parsed.some(([ps, pe]) => s > ps && e < pe)) continue
    attempts++
    const value = parseLoose(text.slice(s, e + 1))
    if (value === undefined) continue
    out.push(value)
    parsed.push([s, e])
  }
  return out.flatMap((o) => [o, ...stringObjects(o, 0)])
}

/** Objects held as JSON text inside string values (`{"content":"{\"header\":…}"}`). */
function stringObjects(value: unknown, depth: number): unknown[] {
  if (depth >= MAX_NESTED_STRINGS) return []
  const out: unknown[] = []
  const visit = (v: unknown, level: number): void => {
    if (level > MAX_DEPTH) return
    if (typeof v === 'string') {
      const t = v.trim()
      if (t.startsWith('{')) {
        const inner = parseLoose(t)
        if (inner !== undefined) out.push(inner, ...stringObjects(inner, depth + 1))
      }
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, level + 1))
    else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => visit(x, level + 1))
  }
  visit(value, 0)
  return out
}

class Reader {
  i = 0
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i]!)) this.i++
  }
}

const LITERALS: Readonly<Record<string, unknown>> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
  undefined: null,
  nil: null,
}

/** Reads one object or array in any of the dialects above; undefined when the text is none of them. */
export function parseLoose(text: string): unknown {
  const r = new Reader(text)
  try {
    r.ws()
    const v = readValue(r, 0)
    r.ws()
    return r.i === r.s.length ? v : undefined
  } catch {
    return undefined
  }
}

function readValue(r: Reader, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error('too deep')
  const c = r.s[r.i]
  if (c === '{') return readObject(r, depth)
  if (c === '[') return readArray(r, depth)
  if (c === '"' || c === "'") return readString(r)
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return readNumber(r)
  const word = readWord(r)
  if (Object.prototype.hasOwnProperty.call(LITERALS, word)) return LITERALS[word]
  throw new Error('unexpected')
}

function readObject(r: Reader, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  r.i++
  for (;;) {
    r.ws()
    if (r.s[r.i] === '}') {
      r.i++
      return out
    }
    const key = r.s[r.i] === '"' || r.s[r.i] === "'" ? readString(r) : readWord(r)
    if (!key) throw new Error('key')
    r.ws()
    if (r.s.startsWith('=>', r.i)) r.i += 2
    else if (r.s[r.i] === ':') r.i++
    else throw new Error('separator')
    r.ws()
    const value = readValue(r, depth + 1)
    // Prototype keys are dropped, never assigned: the object has no prototype, and readers use own keys.
    if (key !== '__proto__' && key !== 'constructor' && key !== 'prototype') out[key] = value
    r.ws()
    if (r.s[r.i] === ',') r.i++
    else if (r.s[r.i] !== '}') throw new Error('comma')
  }
}

function readArray(r: Reader, depth: number): unknown[] {
  const out: unknown[] = []
  r.i++
  for (;;) {
    r.ws()
    if (r.s[r.i] === ']') {
      r.i++
      return out
    }
    out.push(readValue(r, depth + 1))
    r.ws()
    if (r.s[r.i] === ',') r.i++
    else if (r.s[r.i] !== ']') throw new Error('comma')
  }
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
}

function readString(r: Reader): string {
  const q = r.s[r.i]!
  r.i++
  let out = ''
  while (r.i < r.s.length) {
    const c = r.s[r.i]!
    if (c === q) {
      r.i++
      return out
    }
    if (c === '\n') throw new Error('newline in string')
    if (c === '\\') {
      const n = r.s[r.i + 1]
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(r.s.slice(r.i + 2, r.i + 6))) {
        out += String.fromCharCode(parseInt(r.s.slice(r.i + 2, r.i + 6), 16))
        r.i += 6
        continue
      }
      out += n !== undefined && STRING_ESCAPES[n] !== undefined ? STRING_ESCAPES[n] : (n ?? '')
      r.i += 2
      continue
    }
    out += c
    r.i++
  }
  throw new Error('unterminated')
}

function readNumber(r: Reader): number {
  const start = r.i
  if (r.s[r.i] === '-') r.i++
  while (r.i < r.s.length && '0123456789.eE+-'.includes(r.s[r.i]!)) r.i++
  const n = Number(r.s.slice(start, r.i))
  if (!Number.isFinite(n)) throw new Error('number')
  return n
}

function readWord(r: Reader): string {
  const start = r.i
  while (r.i < r.s.length && /[A-Za-z0-9_$-]/.test(r.s[r.i]!)) r.i++
  return r.s.slice(start, r.i)
}
