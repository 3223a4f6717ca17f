// timestamp-format: a timestamp of the wrong unit or zone for the signing scheme the file uses
// (decided from the packs: the scheme of the endpoints it names, or whose marker strings it holds).
import type { Scheme } from '../facts.js'
import type { Rule } from '../rule.js'
import { enclosing, ownDescendants, words, type LintNode } from '../tree.js'
import { isSigningCall, verb } from './calls.js'

/** Expressions in milliseconds since the epoch. */
const MILLIS_CALL =
  /^(Date\.now|(new\s+)?Date\(\)\.getTime|(new\s+)?Date\(\)\.valueOf|time\.time_ns|System\.currentTimeMillis)$/
/** Time sources in local time (a UTC one names utc/gmtime or passes a zone). */
const LOCAL_SOURCE =
  /\b(now|today|localtime|fromtimestamp)\(\s*\)|\bstrftime\(\s*['"][^'"]*['"]\s*\)|\bfromtimestamp\(\s*[\w.]+\s*\)|\bmoment\(\)|\bdayjs\(\)/
const UTC_SOURCE = /utc|gmtime|timezone|tz=|tzinfo|UTC/i
/** A format string that labels its time UTC: a GMT suffix or a literal Z. */
const UTC_LABEL = /GMT|[^%]Z['"]?$|\[Z\]|'Z'/
const DATE_ONLY = /^%Y-?%m-?%d$|^YYYY-?MM-?DD$/

const TIME_NAME = new Set(['ts', 'time', 'timestamp', 'curtime', 'stamp', 'date', 'now'])

export const timestampFormat: Rule = {
  meta: {
    docs: {
      description: 'A timestamp of the wrong unit or time zone for the signing scheme the file uses.',
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#timestamp-format',
    },
    severity: 'error',
    messages: {
      millis: '{expr} is in milliseconds, but {scheme} signs a timestamp in seconds (unix-s).',
      localLabelled:
        '{expr} formats local time and labels it {label}: the {scheme} signature wants {format} in UTC.',
      localDate:
        '{expr} is the local date; the credential scope of {scheme} wants the UTC date of the timestamp.',
    },
    fixes: {
      millis: 'Use seconds: Math.floor(Date.now() / 1000) in JavaScript, int(time.time()) in Python.',
      localLabelled:
        'Format UTC: new Date().toUTCString() / email.utils.formatdate(usegmt=True) / datetime.now(timezone.utc).',
      localDate:
        'Derive the date from the timestamp in UTC: new Date(ts * 1000).toISOString().slice(0, 10) / datetime.fromtimestamp(ts, timezone.utc).',
    },
  },
  create(context) {
    const schemes = context.file.schemes
    const withFormat = (f: (x: string) => boolean) => schemes.find((s) => s.timestampFormats.some(f))
    const seconds = withFormat((f) => f === 'unix-s')
    const millisOk = withFormat((f) => f === 'unix-ms')
    const labelled = withFormat((f) => f === 'rfc1123' || f.startsWith('iso8601'))
    const dated = withFormat((f) => f === 'date' || f === 'yyyymmdd')
    return {
      call(n) {
        if (seconds && !millisOk && isMillisCall(n) && inMillis(n) && nearSigning(n))
          context.report({
            node: n,
            messageId: 'millis',
            data: { expr: n.text, scheme: schemeName(seconds) },
          })
        const zone = zoneProblem(n, labelled, dated)
        if (zone) context.report({ node: n, ...zone })
      },
      binary(n) {
        // time.time() * 1000: seconds made milliseconds.
        if (!seconds || millisOk || n.name !== '*') return
        const [a, b] = n.children
        const isNow = (x?: LintNode) => x?.kind === 'call' && /^time\.time$/.test(x.name ?? '')
        const isThousand = (x?: LintNode) => x?.kind === 'number' && /^1000(\.0)?$/.test(x.text)
        if (((isNow(a) && isThousand(b)) || (isNow(b) && isThousand(a))) && inMillis(n) && nearSigning(n))
          context.report({
            node: n,
            messageId: 'millis',
            data: { expr: n.text, scheme: schemeName(seconds) },
          })
      },
    }
  },
}

function isMillisCall(n: LintNode): boolean {
  return MILLIS_CALL.test((n.name ?? '').replace(/\s+/g, ' '))
}

const schemeName = (s: Scheme) => `${s.provider} ${s.id}`

/** A strftime/format call on local time whose format labels it UTC (GMT, Z) where the scheme wants
 * UTC, or formats a local date where the scheme's credential scope wants the UTC date. */
function zoneProblem(
  n: LintNode,
  labelled: Scheme | undefined,
  dated: Scheme | undefined,
): { messageId: string; data: Record<string, string> } | undefined {
  if (!/^(strftime|format)$/.test(verb(n))) return undefined
  if (!LOCAL_SOURCE.test(n.text) || UTC_SOURCE.test(n.text)) return undefined
  const fmt = n.args?.find((a) => a.kind === 'string')?.value ?? ''
  if (labelled && UTC_LABEL.test(fmt)) {
    const format = labelled.timestampFormats.find((f) => f === 'rfc1123' || f.startsWith('iso8601')) ?? ''
    const label = fmt.includes('GMT') ? 'GMT' : 'Z'
    return { messageId: 'localLabelled', data: { expr: n.text, label, scheme: schemeName(labelled), format } }
  }
  if (dated && DATE_ONLY.test(fmt))
    return { messageId: 'localDate', data: { expr: n.text, scheme: schemeName(dated) } }
  return undefined
}

/** False when the milliseconds are turned back into seconds or used as a duration (/, -, comparisons). */
function inMillis(n: LintNode): boolean {
  for (let p = n.parent; p && p.kind !== 'function' && p.kind !== 'assign'; p = p.parent) {
    if (p.kind === 'binary' && p.name !== '+' && p.name !== '*') return false
    if (p.kind === 'call' && /slice|substring|substr|floor|round/i.test(p.name ?? '') && p.kind === 'call') {
      if (/\b(0,\s*10|:10)\b/.test(p.text)) return false
    }
  }
  return true
}

/** True when the value goes to a time-like name or its function signs something. */
function nearSigning(n: LintNode): boolean {
  const target = enclosingNamed(n)
  if (target && words(target).some((w) => TIME_NAME.has(w))) return true
  const scope = enclosing(n, 'function') ?? rootOf(n)
  return [...ownDescendants(scope)].some(isSigningCall)
}

function enclosingNamed(n: LintNode): string | undefined {
  for (let p = n.parent; p && p.kind !== 'function'; p = p.parent)
    if (p.kind === 'assign' || p.kind === 'property' || p.kind === 'keyword') return p.name
  return undefined
}

function rootOf(n: LintNode): LintNode {
  let r = n
  while (r.parent) r = r.parent
  return r
}
