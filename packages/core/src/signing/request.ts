// The request a scheme reads and writes while it is evaluated: method, URL, query parameters
// (decoded, in order, their original text kept so untouched ones are not re-encoded), headers (in
// order, names as given) and body. Steps `set` into it; the placement writes the results into it.
import { ApidxError } from '../errors.js'
import { percentDecode, percentEncode } from './encoding.js'

/** Header values as callers have them: Node's IncomingHttpHeaders, a plain record, or pairs. */
export type HeaderInput = Record<string, string | string[] | number | undefined> | [string, string][]

/** A request to sign or verify. */
export interface RequestInput {
  method?: string
  /** Absolute URL (ws, wss, http or https). */
  url: string | URL
  headers?: HeaderInput
  body?: string | Uint8Array
}

export interface QueryParam {
  name: string
  value: string
  /** The parameter as it was written (`name=value`), kept while it is not set again. */
  raw?: string
}

/** The mutable request of one evaluation. */
export interface WorkingRequest {
  method: string
  /** The URL without its query and fragment. */
  base: URL
  query: QueryParam[]
  headers: { name: string; value: string }[]
  body: Buffer
}

/** Parses a query string into decoded parameters (`+` is a space, as every server here reads it). */
export function parseQuery(search: string): QueryParam[] {
  const text = search.startsWith('?') ? search.slice(1) : search
  if (!text) return []
  return text
    .split('&')
    .filter((p) => p !== '')
    .map((raw) => {
      const eq = raw.indexOf('=')
      const name = eq < 0 ? raw : raw.slice(0, eq)
      const value = eq < 0 ? '' : raw.slice(eq + 1)
      return { name: percentDecode(name, true), value: percentDecode(value, true), raw }
    })
}

/** Builds the working request from the caller's input. */
export function workingRequest(input: RequestInput): WorkingRequest {
  let url: URL
  try {
    url = new URL(String(input.url))
  } catch {
    throw new ApidxError(
      'ERR_USAGE',
      `${JSON.stringify(String(input.url).slice(0, 200))} is not an absolute URL.`,
      { suggestions: ['Write the full URL, with its scheme and host (wss://host/path?query).'] },
    )
  }
  const query = parseQuery(url.search)
  url.search = ''
  url.hash = ''
  const headers: { name: string; value: string }[] = []
  const h = input.headers ?? {}
  const pairs: [string, unknown][] = Array.isArray(h) ? h : Object.entries(h)
  for (const [name, v] of pairs) {
    if (v === undefined) continue
    for (const one of Array.isArray(v) ? v : [v]) headers.push({ name, value: String(one) })
  }
  const body =
    input.body === undefined
      ? Buffer.alloc(0)
      : typeof input.body === 'string'
        ? Buffer.from(input.body, 'utf8')
        : Buffer.from(input.body)
  return { method: (input.method ?? 'GET').toUpperCase(), base: url, query, headers, body }
}

/** A deep copy, so mutations of one evaluation never leak into another. */
export function cloneRequest(r: WorkingRequest): WorkingRequest {
  return {
    method: r.method,
    base: new URL(r.base),
    query: r.query.map((q) => ({ ...q })),
    headers: r.headers.map((x) => ({ ...x })),
    body: r.body,
  }
}

/** Sets a query parameter: replaces the first of that name (dropping the others) or appends it. */
export function setQuery(r: WorkingRequest, name: string, value: string): void {
  const at = r.query.findIndex((q) => q.name === name)
  const param = { name, value }
  if (at < 0) r.query.push(param)
  else r.query = r.query.filter((q, i) => i === at || q.name !== name).map((q, i) => (i === at ? param : q))
}

/** The value of a header (case-insensitive); repeated headers joined with `,`. */
export function getHeader(r: WorkingRequest, name: string): string | undefined {
  const lower = name.toLowerCase()
  const values = r.headers.filter((x) => x.name.toLowerCase() === lower).map((x) => x.value)
  return values.length ? values.join(',') : undefined
}

/** Sets a header, replacing any of the same name (case-insensitive). */
export function setHeader(r: WorkingRequest, name: string, value: string): void {
  const lower = name.toLowerCase()
  const at = r.headers.findIndex((x) => x.name.toLowerCase() === lower)
  if (at < 0) r.headers.push({ name, value })
  else
    r.headers = r.headers
      .filter((x, i) => i === at || x.name.toLowerCase() !== lower)
      .map((x, i) => (i === at ? { name: x.name, value } : x))
}

/** Removes a header or query parameter (used before a request is recomputed for verification). */
export function removeHeader(r: WorkingRequest, name: string): void {
  const lower = name.toLowerCase()
  r.headers = r.headers.filter((x) => x.name.toLowerCase() !== lower)
}

/** The full URL: untouched parameters as written, the others encoded RFC 3986 (space as %20). */
export function requestUrl(r: WorkingRequest): string {
  const parts = r.query.map(
    (q) => q.raw ?? `${percentEncode(q.name, 'rfc3986')}=${percentEncode(q.value, 'rfc3986')}`,
  )
  const url = new URL(r.base)
  return url.toString() + (parts.length ? `?${parts.join('&')}` : '')
}

/** Headers as a record, names as given, repeated ones joined with `,`. */
export function headerRecord(r: WorkingRequest): Record<string, string> {
  const out: Record<string, string> = {}
  const seen = new Map<string, string>()
  for (const { name, value } of r.headers) {
    const lower = name.toLowerCase()
    if (lower === '__proto__') continue // never a real header; would poison the record
    const key = seen.get(lower) ?? name
    seen.set(lower, key)
    out[key] = out[key] === undefined ? value : `${out[key]},${value}`
  }
  return out
}
