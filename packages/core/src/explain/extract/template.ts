// A tiny template matcher for fixed SDK error forms, so each form is one line of data:
// `An error occurred ({code}) when calling the {op} operation: {message}`. Literals are found with
// indexOf; captures are read forward (or, for a leading code or status, backward) with bounded scans.
import { asStatus, isDigit, lineEnd, readCode, readCodeBack } from './text.js'
import type { Found } from './types.js'

type Capture = 'code' | 'message' | 'status' | 'requestId' | 'skip'
type Part = { literal: string } | { capture: Capture }

/** Most places one template is tried at, so a text full of its first literal stays linear. */
const MAX_TRIES = 20

/** Splits `a ({code}) b` into literals and captures. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = []
  let rest = template
  while (rest) {
    const open = rest.indexOf('{')
    const close = open >= 0 ? rest.indexOf('}', open) : -1
    if (open < 0 || close < 0) {
      parts.push({ literal: rest })
      break
    }
    if (open > 0) parts.push({ literal: rest.slice(0, open) })
    const name = rest.slice(open + 1, close)
    parts.push({ capture: name === 'op' || name === 'any' ? 'skip' : (name as Capture) })
    rest = rest.slice(close + 1)
  }
  return parts
}

/** The recogniser of a template: every place the text has that form, as found items. */
export function template(text: string, form: string, weight = 3): (input: string) => Found[] {
  const parts = parseTemplate(text)
  return (input) => {
    const firstLiteral = parts.findIndex((p) => 'literal' in p)
    if (firstLiteral < 0) return []
    const anchor = (parts[firstLiteral] as { literal: string }).literal
    const out: Found[] = []
    let from = 0
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const at = input.indexOf(anchor, from)
      if (at < 0) break
      from = at + 1
      const found = matchAt(input, parts, firstLiteral, at, form, weight)
      if (found) out.push(...found)
    }
    return out
  }
}

function matchAt(
  input: string,
  parts: Part[],
  anchorIndex: number,
  at: number,
  form: string,
  weight: number,
): Found[] | undefined {
  const out: Found[] = []
  // A capture before the anchor is read backwards (only a code or a status can be).
  if (anchorIndex === 1) {
    const lead = (parts[0] as { capture: Capture }).capture
    if (lead === 'status') {
      const digits = input.slice(Math.max(0, at - 3), at)
      if (at < 3 || isDigit(input[at - 4]) || asStatus(digits) === undefined) return undefined
      out.push({ kind: 'status', value: digits, form })
    } else if (lead === 'code') {
      const { code } = readCodeBack(input, at)
      if (!code) return undefined
      out.push({ kind: 'code', value: code, weight, form })
    } else return undefined
  }
  let pos = at
  for (let i = anchorIndex; i < parts.length; i++) {
    const part = parts[i]!
    if ('literal' in part) {
      if (!input.startsWith(part.literal, pos)) return undefined
      pos += part.literal.length
      continue
    }
    const next = parts[i + 1]
    const end = lineEnd(input, pos)
    let value: string
    if (part.capture === 'code' || part.capture === 'requestId') {
      value = readCode(input, pos)
      // `Code-message`: a code character can also be the literal that ends the code.
      if (next && 'literal' in next && !input.startsWith(next.literal, pos + value.length)) {
        const cut = value.indexOf(next.literal)
        if (cut > 0) value = value.slice(0, cut)
      }
    } else if (part.capture === 'status') value = input.slice(pos, pos + 3)
    else if (next && 'literal' in next) {
      const e = input.indexOf(next.literal, pos)
      if (e < 0 || e > end) return undefined
      value = input.slice(pos, e)
    } else value = input.slice(pos, end)
    if (!value) return undefined
    pos += value.length
    if (part.capture === 'skip') continue
    if (part.capture === 'status') {
      if (asStatus(value) === undefined) return undefined
      out.push({ kind: 'status', value, form })
    } else if (part.capture === 'code') out.push({ kind: 'code', value, weight, form })
    else out.push({ kind: part.capture, value: value.trim().slice(0, 500), form })
  }
  return out
}
