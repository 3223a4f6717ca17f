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
 * Recovers reference values from `value`, the filled form of `template`. A reference followed by a
 * literal may end at any occurrence of that literal (a secret can contain the `/` that separates
 * fields), so every consistent reading is found, at most `limit`; `hints` (values the caller
 * expects) pick the reading that agrees with most of them, then `plausible` (a value looks like
 * what its step produces), the earliest split on a tie. Undefined
 * when no reading fits. A reference seen twice must have the same value both times.
 */
export function matchTemplate(
  template: string,
  value: string,
  hints?: ReadonlyMap<string, string>,
  limit = 64,
  plausible?: (ref: string, value: string) => boolean,
): Map<string, string> | undefined {
  const segs = parseTemplate(template)
  const readings: Map<string, string>[] = []
  const walk = (k: number, pos: number, found: Map<string, string>): void => {
    if (readings.length >= limit) return
    const seg = segs[k]
    if (seg === undefined) {
      if (pos === value.length) readings.push(new Map(found))
      return
    }
    if ('text' in seg) {
      if (value.startsWith(seg.text, pos)) walk(k + 1, pos + seg.text.length, found)
      return
    }
    const next = segs[k + 1]
    const ends: number[] = []
    if (next === undefined) ends.push(value.length)
    else if ('text' in next)
      for (
        let at = value.indexOf(next.text, pos);
        at >= 0 && ends.length < limit;
        at = value.indexOf(next.text, at + 1)
      )
        ends.push(at)
    // Two adjacent references cannot be told apart: no reading.
    for (const end of ends) {
      const got = value.slice(pos, end)
      const seen = found.get(seg.ref)
      if (seen !== undefined && seen !== got) continue
      const copy = new Map(found).set(seg.ref, got)
      walk(k + 1, end, copy)
    }
  }
  walk(0, 0, new Map())
  if (readings.length === 0) return undefined
  // Agreeing with an expected value counts most; then how many values look like what their step makes.
  const score = (m: Map<string, string>) =>
    [...m].reduce((n, [r, v]) => n + (hints?.get(r) === v ? 1000 : 0) + (plausible?.(r, v) ? 1 : 0), 0)
  return readings.reduce((best, m) => (score(m) > score(best) ? m : best), readings[0]!)
}
