// Finds the doc header `apidx scaffold --header-only` writes (its format is defined once, in
// ../scaffold/header.ts: a first line `apidx: <provider> <service> <version> — <title>`).
import { HEADER_MARKER } from '../scaffold/header.js'

const escaped = HEADER_MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The header's first line, inside any comment. */
const HEADER_LINE = new RegExp(`${escaped}\\s+([a-z0-9][a-z0-9_-]*)\\s+(\\S+)\\s+(\\S+)`, 'i')

/** The provider, service and version a header names, when one of the comments is a header. */
export function findHeader(
  comments: { text: string }[],
): { provider: string; service: string; version: string } | undefined {
  for (const c of comments) {
    const m = HEADER_LINE.exec(c.text)
    if (m) return { provider: m[1] as string, service: m[2] as string, version: m[3] as string }
  }
  return undefined
}
