// Templates of the signing DSL: `{name}` references in otherwise literal text. Parsed by a linear
// scan (no backtracking pattern), expanded over the evaluator's values, and matched backwards
// against a value taken from a user's request to recover what each reference must have been.

/** A parsed template: literal text and references, alternating. */
export type Segment = { text: string } | { ref: string }

const REF_START = /[A-Za-z]/
const REF_CHAR = /[A-Za-z0-9_.-]/

/** Splits a template into literal and reference segments. `{` not followed by a name and `}` is literal. */
export function parseTemplate(template: string): Segment[] {
  const out: Segment[] = []
  let literal = ''
  let i = 0
  while (i < template.length) {
    const ch = template[i]!
    if (ch === '{' && REF_START.test(template[i + 1] ?? '')) {
      let j = i + 1
      while (j < template.length && REF_CHAR.test(template[j]!)) j++
      if (template[j] === '}') {
        if (literal) out.push({ text: literal })
        literal = ''
        out.push({ ref: template.slice(i + 1, j) })
        i = j + 1
        continue
      }
    }
    literal += ch
    i++
  }
  if (literal) out.push({ text: literal })
  return out
}

/** The references a template makes, in order. */
export function references(template: string): string[] {
  return parseTemplate(template).flatMap((s) => ('ref' in s ? [s.ref] : []))
}

/**
 * Recovers reference values from `value`, the filled form of `template`: each reference takes the
 * text up to the next literal's first occurrence (the last reference takes the rest). Undefined when
 * the literals do not line up. A reference seen twice must have the same value both times.
 */
export function matchTemplate(template: string, value: string): Map<string, string> | undefined {
  const segs = parseTemplate(template)
  const found = new Map<string, string>()
  let pos = 0
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k]!
    if ('text' in seg) {
      if (!value.startsWith(seg.text, pos)) return undefined
      pos += seg.text.length
      continue
    }
    const next = segs[k + 1]
    let end: number
    if (next === undefined) end = value.length
    else if ('text' in next) {
      end = value.indexOf(next.text, pos)
      if (end < 0) return undefined
    } else return undefined // two adjacent references cannot be told apart
    const got = value.slice(pos, end)
    const seen = found.get(seg.ref)
    if (seen !== undefined && seen !== got) return undefined
    found.set(seg.ref, got)
    pos = end
  }
  return pos === value.length ? found : undefined
}
