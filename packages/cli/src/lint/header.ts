// The doc header of an integration file: the comment `apidx scaffold --header-only` writes and
// `apidx lint`'s missing-doc-header looks for. Its format is defined here only, for both commands:
//
//   // apidx: provider=iflytek service=iat version=v2
//   // endpoint: wss://iat-api.xfyun.cn/v2/iat (auth hmac-url, timestamp rfc1123)
//   // docs: https://www.xfyun.cn/doc/asr/voicedictation/API.html
//   // check: npx apidx check --provider iflytek --service iat --version v2
//
// The first line is what identifies the header; the others help the reader and may be edited.
import type { Language } from './rule.js'

export interface HeaderFields {
  provider: string
  service: string
  version: string
  url: string
  auth: string
  timestamp?: string
  docs?: string
}

/** The comment marker of a language. */
function commentPrefix(language: Language): string {
  return language === 'python' ? '#' : '//'
}

/** The header's lines, without comment markers. */
export function headerLines(f: HeaderFields): string[] {
  const auth = f.timestamp ? `auth ${f.auth}, timestamp ${f.timestamp}` : `auth ${f.auth}`
  return [
    `apidx: provider=${f.provider} service=${f.service} version=${f.version}`,
    `endpoint: ${f.url} (${auth})`,
    ...(f.docs ? [`docs: ${f.docs}`] : []),
    `check: npx apidx check --provider ${f.provider} --service ${f.service} --version ${f.version}`,
  ]
}

/** The header as comment text for a language, ending with a newline. */
export function renderHeader(f: HeaderFields, language: Language): string {
  const p = commentPrefix(language)
  return headerLines(f)
    .map((l) => `${p} ${l}\n`)
    .join('')
}

/** Matches the identifying first line inside any comment. */
const HEADER_LINE = /apidx:\s+provider=([a-z0-9][a-z0-9_-]*)\s+service=(\S+)\s+version=(\S+)/i

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
