// The canonicalisation operations: query, headers and path re-encoded, filtered and sorted by the
// rules a step declares. Vendors' canonical requests differ only in these rules, so each is an option.
import type { CanonicalHeadersStep, CanonicalPathStep, CanonicalQueryStep } from '../generated/index.js'
import { percentDecode, percentEncode } from './encoding.js'
import type { QueryParam, WorkingRequest } from './request.js'

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** `k=v&k=v` from the parameters, by the step's rules; `extra` are added to the canonical form only. */
export function canonicalQuery(
  params: QueryParam[],
  step: CanonicalQueryStep,
  extra: [string, string][] = [],
): string {
  const include = step.include ? new Set(step.include) : undefined
  const exclude = new Set(step.exclude ?? [])
  const pairs = [...params.map((p) => [p.name, p.value] as [string, string]), ...extra]
    .filter(
      ([name, value]) =>
        name !== '' &&
        (!include || include.has(name)) &&
        !exclude.has(name) &&
        !(step.skipEmpty && value === ''),
    )
    .map(
      ([name, value]) =>
        [percentEncode(name, step.encode), percentEncode(value, step.encode)] as [string, string],
    )
  const sort = step.sort ?? 'bytes'
  if (sort === 'bytes') pairs.sort((a, b) => byCode(a[0], b[0]) || byCode(a[1], b[1]))
  const joined = pairs.map(([k, v]) => `${k}=${v}`)
  if (sort === 'pairs') joined.sort(byCode)
  return joined.join('&')
}

/** Canonical headers: `{ lines, names }`. */
export function canonicalHeaders(
  request: WorkingRequest,
  step: CanonicalHeadersStep,
  only?: string[],
): { lines: string; names: string } {
  const exclude = new Set(step.exclude ?? [])
  const wanted = only ?? (step.include === 'all' ? undefined : step.include)
  const matches = (name: string) => {
    if (exclude.has(name)) return false
    if (!wanted) return true
    return wanted.some((w) => (w.endsWith('*') ? name.startsWith(w.slice(0, -1)) : name === w))
  }
  const grouped = new Map<string, string[]>()
  for (const { name, value } of request.headers) {
    const lower = name.toLowerCase()
    if (!matches(lower)) continue
    const v = tidy(value, step.trim ?? 'collapse')
    grouped.set(lower, [...(grouped.get(lower) ?? []), step.valueCase === 'lower' ? v.toLowerCase() : v])
  }
  const enc = step.valueEncode ?? 'none'
  const entries = [...grouped].map(
    ([name, values]) => [percentEncode(name, enc), percentEncode(values.join(','), enc)] as [string, string],
  )
  if (step.sort === 'line') entries.sort((a, b) => byCode(`${a[0]}:${a[1]}`, `${b[0]}:${b[1]}`))
  else entries.sort((a, b) => byCode(a[0], b[0]) || byCode(a[1], b[1]))
  return { lines: entries.map(([n, v]) => `${n}:${v}`).join('\n'), names: entries.map(([n]) => n).join(';') }
}

function tidy(value: string, trim: 'none' | 'trim' | 'collapse'): string {
  if (trim === 'none') return value
  const t = value.trim()
  return trim === 'collapse' ? t.replace(/\s+/g, ' ') : t
}

/** The canonical path of a URL path as sent (`pathname`), segment by segment. */
export function canonicalPath(path: string, step: CanonicalPathStep): string {
  let segments = path.split('/')
  if (step.normalize) segments = normalize(segments)
  const encoded = segments.map((seg) =>
    step.times === 2
      ? percentEncode(seg, step.encode)
      : percentEncode(percentDecode(seg, false), step.encode),
  )
  const joined = encoded.join('/')
  return joined === '' ? (step.emptyAs ?? '/') : joined
}

/** RFC 3986 dot-segment removal, plus empty segments collapsed (a trailing slash is kept). */
function normalize(segments: string[]): string[] {
  const out: string[] = []
  const last = segments[segments.length - 1]
  const trailing = segments.length > 1 && (last === '' || last === '.' || last === '..')
  for (const seg of segments.slice(1)) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  const absolute = ['', ...out]
  if (trailing && out.length > 0) absolute.push('')
  return absolute.length === 1 ? ['', ''] : absolute
}
