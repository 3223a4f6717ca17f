// Reads "the request your code produced" for `apidx sign --verify`: a signed URL, a JSON file
// ({ method, url, headers, body }), or an HTTP message as a proxy or curl -v shows it.
import { ApidxError } from '../errors.js'
import type { RequestInput } from './request.js'

const usage = (message: string, remedy: string) =>
  new ApidxError('ERR_USAGE', message, { suggestions: [remedy] })

/**
 * Parses a request given as text. `base` supplies the scheme and host for an HTTP message whose
 * request line has only a path (the Host header is used when present).
 */
export function parseRequestText(text: string, base?: string): RequestInput {
  const t = text.replace(/^\uFEFF/, '').trim()
  if (/^(wss?|https?):\/\//i.test(t) && !/\s/.test(t)) return { method: 'GET', url: t }
  if (t.startsWith('{')) {
    let doc: unknown
    try {
      doc = JSON.parse(t)
    } catch {
      throw usage(
        'The request file is not valid JSON.',
        'Write { "method": "GET", "url": "https://…", "headers": { … }, "body": "…" }, a signed URL, or an HTTP message.',
      )
    }
    const d = doc as Record<string, unknown>
    if (typeof d.url !== 'string')
      throw usage('The request file has no "url".', 'Add the full signed URL as "url".')
    const headers =
      d.headers && typeof d.headers === 'object' && !Array.isArray(d.headers)
        ? Object.fromEntries(
            Object.entries(d.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        : undefined
    return {
      method: typeof d.method === 'string' ? d.method : 'GET',
      url: d.url,
      ...(headers ? { headers } : {}),
      ...(typeof d.body === 'string' ? { body: d.body } : {}),
    }
  }
  // An HTTP message: request line, headers, a blank line, the body.
  const [head = '', ...rest] = t.split(/\r?\n\r?\n/)
  const lines = head.split(/\r?\n/)
  const m = /^([A-Za-z]+) (\S+)(?: HTTP\/[0-9.]+)?$/.exec(lines[0]!.trim())
  if (!m)
    throw usage(
      'The request is neither a URL, a JSON request nor an HTTP message.',
      'Give the signed URL, or a file with "GET /path HTTP/1.1", the headers, a blank line and the body.',
    )
  const headers: [string, string][] = []
  for (const line of lines.slice(1)) {
    const at = line.indexOf(':')
    if (at <= 0)
      throw usage(
        `The header line ${JSON.stringify(line.slice(0, 80))} has no name.`,
        'Write headers as "Name: value", one per line.',
      )
    headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()])
  }
  const target = m[2]!
  let url: string
  if (/^(wss?|https?):\/\//i.test(target)) url = target
  else {
    const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1]
    const origin = base ? new URL(base) : undefined
    if (!host && !origin)
      throw usage(
        'The HTTP message has no Host header and no absolute URL.',
        'Add a Host header, or pass --url for the scheme and host.',
      )
    url = `${origin ? origin.protocol : 'https:'}//${host ?? origin!.host}${target}`
  }
  const body = rest.join('\n\n')
  return { method: m[1]!.toUpperCase(), url, headers, ...(body ? { body } : {}) }
}
