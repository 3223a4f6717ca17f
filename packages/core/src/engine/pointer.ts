// RFC 6901 JSON pointers into frames and bodies, and the pack's nested decodings (rtasr's `data`
// is JSON inside a string). Read-only and bounded: frames are untrusted.

/** The value at `pointer` in `doc`, or undefined when any step is missing. */
export function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc
  let cur: unknown = doc
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (cur === null || typeof cur !== 'object') return undefined
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

/** Parses JSON text, or returns undefined (frames are untrusted; never throws). */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** Decodes nested encodings in place (on a copy): `json-string`, `base64-json`, `base64-text`. */
export function decodeNested(
  doc: unknown,
  decode: { pointer: string; as: 'json-string' | 'base64-json' | 'base64-text' }[] = [],
): unknown {
  if (!decode.length || doc === null || typeof doc !== 'object') return doc
  const copy = structuredClone(doc) as Record<string, unknown>
  for (const d of decode) {
    const parts = d.pointer
      .slice(1)
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    const last = parts.pop()
    if (last === undefined) continue
    const parent = getPointer(copy, parts.length ? '/' + parts.join('/') : '')
    if (parent === null || typeof parent !== 'object') continue
    const v = (parent as Record<string, unknown>)[last]
    if (typeof v !== 'string' || v === '') continue
    const text = d.as === 'json-string' ? v : Buffer.from(v, 'base64').toString('utf8')
    if (d.as === 'base64-text') (parent as Record<string, unknown>)[last] = text
    else {
      const parsed = tryJson(text)
      if (parsed.ok) (parent as Record<string, unknown>)[last] = parsed.value
    }
  }
  return copy
}
