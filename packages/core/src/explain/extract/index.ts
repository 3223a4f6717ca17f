// The extraction step of `explain`: pasted text in, candidates out. The text is read as pasted and,
// when it differs, with escapes and HTML entities undone; every form in FORMS runs on both, and every
// object found in them is read field by field.
import { FORMS } from './forms.js'
import { fieldsOfObject } from './fields.js'
import { objectsIn } from './objects.js'
import { asCode, unescapedView } from './text.js'
import type { Extracted, Found } from './types.js'

export type { Extracted, Found } from './types.js'
export { FORMS, type Form } from './forms.js'
export { parseLoose } from './objects.js'

/** Most URLs read for hosts. */
const MAX_HOSTS = 20

/** Candidates in `text` (already size-capped by the caller). */
export function extract(text: string): Extracted {
  const views = [text]
  const unescaped = unescapedView(text)
  if (unescaped !== undefined) views.push(unescaped)
  const found: Found[] = []
  const objects: unknown[] = []
  for (const view of views) {
    for (const o of objectsIn(view)) {
      objects.push(o)
      found.push(...fieldsOfObject(o, 'json'))
    }
    for (const form of FORMS) found.push(...form.recognise(view))
    found.push(...urlHosts(view))
  }
  return { ...collect(found, objects), views }
}

/** Found items deduplicated: a code keeps its strongest weight, everything keeps its first position. */
function collect(found: Found[], objects: unknown[]): Omit<Extracted, 'views'> {
  const codes = new Map<string, { value: string; weight: number; form: string }>()
  const lists = {
    message: new Set<string>(),
    status: new Set<number>(),
    requestId: new Set<string>(),
    host: new Set<string>(),
  }
  const forms = new Set<string>()
  for (const f of found) {
    forms.add(f.form)
    if (f.kind === 'code') {
      const code = asCode(f.value)
      if (!code) continue
      const prev = codes.get(code)
      if (!prev || prev.weight < (f.weight ?? 1))
        codes.set(code, { value: code, weight: f.weight ?? 1, form: f.form })
    } else if (f.kind === 'status') lists.status.add(Number(f.value))
    else if (f.kind === 'message') lists.message.add(f.value)
    else if (f.kind === 'requestId') lists.requestId.add(f.value)
    else if (f.kind === 'host') lists.host.add(f.value.toLowerCase())
  }
  return {
    codes: [...codes.values()].sort((a, b) => b.weight - a.weight),
    messages: [...lists.message],
    statuses: [...lists.status],
    requestIds: [...lists.requestId],
    hosts: [...lists.host],
    objects,
    forms: [...forms],
  }
}

/** Hosts of the URLs in the text (`https://sts.amazonaws.com/doc/…`, `wss://iat-api.xfyun.cn/v2/iat`). */
function urlHosts(text: string): Found[] {
  const out: Found[] = []
  let at = text.indexOf('://')
  while (at >= 0 && out.length < MAX_HOSTS) {
    let e = at + 3
    while (e < text.length && e - at < 260 && /[A-Za-z0-9.-]/.test(text[e]!)) e++
    const host = text.slice(at + 3, e)
    if (host.includes('.')) out.push({ kind: 'host', value: host, form: 'url' })
    at = text.indexOf('://', e)
  }
  return out
}
