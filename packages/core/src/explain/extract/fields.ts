// The field names vendors and SDKs give to an error's code, message, HTTP status and request id, as
// data, and the two readers that use them: one walks parsed objects, one scans plain text for
// `name<sep>value` wherever it appears (`code:X`, `Code=X,`, `"Code":"X"`, `ErrorCode: X`,
// `Error Code：X`, `<Code>X</Code>`, `["Code"] => string(24) "X"`, `err_no: 3302`), so a fragment
// without braces, a log line or a YAML-ish dump reads the same as a whole JSON body.
import { asCode, asStatus, isWordChar, lineEnd, readCode } from './text.js'
import type { Found, FieldRole } from './types.js'

/** One field name (lower case, as written; `_`, `-` and a space are distinct) and what its value is. */
export interface FieldName {
  name: string
  role: FieldRole
  /** How much a code read from this field counts (3 = the vendor's code field; 1 = a field that only sometimes holds one). */
  weight?: number
}

/** The names, longest first when one is a prefix of another. */
export const FIELD_NAMES: readonly FieldName[] = [
  { name: 'code', role: 'code', weight: 3 },
  { name: 'errorcode', role: 'code', weight: 3 },
  { name: 'error_code', role: 'code', weight: 3 },
  { name: 'error code', role: 'code', weight: 3 },
  { name: 'err_code', role: 'code', weight: 3 },
  { name: 'errcode', role: 'code', weight: 3 },
  { name: 'err_no', role: 'code', weight: 3 },
  { name: 'errno', role: 'code', weight: 2 },
  { name: 'error_no', role: 'code', weight: 3 },
  { name: '__type', role: 'code', weight: 3 },
  { name: 'exception-type', role: 'code', weight: 3 },
  { name: 'error', role: 'code', weight: 1 },
  { name: 'type', role: 'code', weight: 1 },
  { name: 'message', role: 'message' },
  { name: 'msg', role: 'message' },
  { name: 'errormessage', role: 'message' },
  { name: 'error_message', role: 'message' },
  { name: 'error message', role: 'message' },
  { name: 'errmsg', role: 'message' },
  { name: 'err_msg', role: 'message' },
  { name: 'error_msg', role: 'message' },
  { name: 'errormsg', role: 'message' },
  { name: 'error_description', role: 'message' },
  { name: 'desc', role: 'message' },
  { name: 'descinfo', role: 'message' },
  { name: 'status_text', role: 'message' },
  { name: 'status code', role: 'status' },
  { name: 'statuscode', role: 'status' },
  { name: 'status_code', role: 'status' },
  { name: 'httpstatuscode', role: 'status' },
  { name: 'http status', role: 'status' },
  { name: 'httpstatus', role: 'status' },
  { name: 'status', role: 'status' },
  { name: '返回状态码', role: 'status' },
  { name: 'requestid', role: 'requestId' },
  { name: 'request_id', role: 'requestId' },
  { name: 'request id', role: 'requestId' },
  { name: 'x-amzn-requestid', role: 'requestId' },
  { name: 'x-amz-request-id', role: 'requestId' },
  { name: 'x-oss-request-id', role: 'requestId' },
  { name: 'aws_request_id', role: 'requestId' },
  { name: 'sid', role: 'requestId' },
  { name: 'log_id', role: 'requestId' },
  { name: 'hostid', role: 'host' },
]

const BY_NAME = new Map(FIELD_NAMES.map((f) => [f.name, f]))
/** Names sorted longest first, so `error_code` wins over `error` at the same place. */
const LONGEST_FIRST = [...FIELD_NAMES].sort((a, b) => b.name.length - a.name.length)
const SEPARATORS = ['=>', ':', '=', '：', '>']

/** What a parsed object's fields say, at any depth (keys compared in lower case). */
export function fieldsOfObject(value: unknown, form: string): Found[] {
  const out: Found[] = []
  const visit = (v: unknown, depth: number): void => {
    if (depth > 32 || v === null || typeof v !== 'object') return
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1))
    for (const [k, x] of Object.entries(v)) {
      const f = BY_NAME.get(k.toLowerCase())
      if (f && (typeof x === 'string' || typeof x === 'number')) out.push(...valueOf(f, String(x), form))
      visit(x, depth + 1)
    }
  }
  visit(value, 0)
  return out
}

/** A field's value as what its role says it is (nothing when the value does not have that shape). */
function valueOf(f: FieldName, raw: string, form: string): Found[] {
  const value = raw.trim()
  if (!value) return []
  if (f.role === 'code') {
    const code = asCode(value)
    const status = asStatus(value)
    return [
      ...(code ? [{ kind: 'code' as const, value: code, weight: f.weight ?? 1, form }] : []),
      ...(status && f.weight === 3 ? [{ kind: 'status' as const, value: String(status), form }] : []),
    ]
  }
  if (f.role === 'status') {
    const status = asStatus(value)
    return status ? [{ kind: 'status', value: String(status), form }] : []
  }
  return [{ kind: f.role, value: value.slice(0, 500), form }]
}

/** A field name that starts at `i` (a word boundary before it, a separator after it). */
function fieldAt(
  text: string,
  lower: string,
  i: number,
): { field: FieldName; valueAt: number; xml: boolean } | undefined {
  if (isWordChar(text[i - 1]) || text[i - 1] === '-') return undefined
  for (const f of LONGEST_FIRST) {
    if (!lower.startsWith(f.name, i)) continue
    let j = i + f.name.length
    if (isWordChar(text[j]) || text[j] === '-') continue
    const xml = text[i - 1] === '<'
    if (text[j] === '"' || text[j] === "'") j++
    if (text[j] === ']') j++
    while (text[j] === ' ' || text[j] === '\t') j++
    const sep = SEPARATORS.find((s) => text.startsWith(s, j))
    if (!sep || (sep === '>' && !xml) || (sep !== '>' && xml)) continue
    j += sep.length
    while (text[j] === ' ' || text[j] === '\t') j++
    // PHP's var_dump prints `string(24) "value"`.
    if (text.startsWith('string(', j)) {
      const close = text.indexOf(') ', j)
      if (close > 0 && close - j < 12) j = close + 2
    }
    return { field: f, valueAt: j, xml }
  }
  return undefined
}

/**
 * Every `name<sep>value` in plain text. An unquoted message runs to the end of its line or to the next
 * field name on that line (`code:X message:Y requestId:Z`); a quoted one to its closing quote.
 */
export function fieldsOfText(text: string, form: string): Found[] {
  const lower = text.toLowerCase()
  const hits: { at: number; field: FieldName; valueAt: number; xml: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const c = lower[i]!
    if (!((c >= 'a' && c <= 'z') || c === '_' || c === '返')) continue
    const hit = fieldAt(text, lower, i)
    if (hit) {
      hits.push({ at: i, ...hit })
      i = hit.valueAt - 1
    }
  }
  const out: Found[] = []
  hits.forEach((h, n) => {
    const next = hits[n + 1]
    const bare = h.field.role === 'code' && !'"\'`'.includes(text[h.valueAt] ?? '"') && !h.xml
    const raw = bare ? readCode(text, h.valueAt) : readValue(text, h.valueAt, h.xml, next?.at)
    // `Error: something went wrong`: a field that only sometimes holds a code needs a code's shape.
    if (bare && (h.field.weight ?? 1) < 2 && !codeShaped(raw)) return
    out.push(...valueOf(h.field, raw, form))
  })
  return out
}

/** A code's look: an upper-case letter after the first, a digit, `_` or `.` (not a plain lower-case word). */
function codeShaped(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if ((i > 0 && c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '.') return true
  }
  return false
}

/** The value at `at`: quoted → to the quote; XML → to `<`; else to the line end or the next field. */
function readValue(text: string, at: number, xml: boolean, nextField: number | undefined): string {
  const q = text[at]
  if (q === '"' || q === "'" || q === '`') {
    let e = at + 1
    while (e < text.length && text[e] !== q && text[e] !== '\n') e += text[e] === '\\' ? 2 : 1
    return text.slice(at + 1, e)
  }
  if (xml) {
    const e = text.indexOf('<', at)
    return text.slice(at, e < 0 ? lineEnd(text, at) : e)
  }
  let e = lineEnd(text, at)
  if (nextField !== undefined && nextField < e) e = nextField
  // `Code=X, Message=Y` and `[Code: X; Message: Y]`: the list separator before the next field is not the value.
  while (e > at && ' \t\r,;+[]{}'.includes(text[e - 1]!)) e--
  return text.slice(at, e)
}
