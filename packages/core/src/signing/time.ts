// Named timestamp formats, both ways: formatting the request's instant for a time step, and reading
// an instant back from a request being verified (so the recomputation uses the user's own time).
import type { TimeFormat } from '../generated/index.js'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** Options of a time step beyond its format. */
export interface TimeOptions {
  /** `+0800` / `+08:00`: show local time at this offset (iso8601 only). */
  offset?: string
  /** `GMT` (default) or `UTC` at the end of an rfc1123 date. */
  zone?: 'GMT' | 'UTC'
}

/** Offset in minutes of `+0800`, `-05:30`… */
function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

/** Formats an instant (ms since the epoch) in a named format. */
export function formatTime(ms: number, format: TimeFormat, opts: TimeOptions = {}): string {
  const d = new Date(ms)
  const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  switch (format) {
    case 'unix-s':
      return String(Math.floor(ms / 1000))
    case 'unix-ms':
      return String(Math.floor(ms))
    case 'rfc1123':
      return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hms} ${opts.zone ?? 'GMT'}`
    case 'iso8601':
      if (opts.offset) {
        const local = new Date(ms + offsetMinutes(opts.offset) * 60_000)
        return formatTime(local.getTime(), 'iso8601').slice(0, -1) + opts.offset
      }
      return `${ymd}T${hms}Z`
    case 'iso8601-ms':
      return d.toISOString()
    case 'iso8601-basic':
      return `${ymd.replace(/-/g, '')}T${hms.replace(/:/g, '')}Z`
    case 'yyyymmdd':
      return ymd.replace(/-/g, '')
    case 'date':
      return ymd
  }
}

/**
 * Reads an instant back from a value in a named format; undefined when it does not parse as that
 * format. Lenient where vendors are (rfc1123 with `UTC`, iso8601 with or without an offset colon).
 */
export function parseTime(value: string, format: TimeFormat): number | undefined {
  let ms = NaN
  const v = value.trim()
  if (format === 'unix-s') ms = /^\d{1,11}$/.test(v) ? Number(v) * 1000 : NaN
  else if (format === 'unix-ms') ms = /^\d{1,14}$/.test(v) ? Number(v) : NaN
  else if (format === 'rfc1123')
    ms = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/.test(v)
      ? Date.parse(v.replace(/ UTC$/, ' GMT'))
      : NaN
  else if (format === 'iso8601-basic') {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v)
    if (m) ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
  } else if (format === 'yyyymmdd') {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
    if (m) ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)
  } else if (format === 'date') {
    ms = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(v + 'T00:00:00Z') : NaN
  } else {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})$/.exec(v)
    if (m) ms = Date.parse(m[1]! + (m[2] === 'Z' ? 'Z' : m[2]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')))
  }
  return Number.isFinite(ms) ? ms : undefined
}

/** Parses `--date`: an ISO 8601 instant, unix seconds, or an RFC 1123 date as HTTP writes it. */
export function parseInstant(text: string): number | undefined {
  const t = text.trim()
  if (/^\d{1,11}$/.test(t)) return Number(t) * 1000
  const http = parseTime(t, 'rfc1123')
  if (http !== undefined) return http
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t))
    return undefined
  // No zone written means UTC, never the machine's local zone.
  const zoned = /T/.test(t) && !/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t + 'Z' : t
  const ms = Date.parse(zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isFinite(ms) ? ms : undefined
}

/** The formats a value could be in, for spotting "milliseconds where seconds were wanted". */
export const TIME_FORMATS: TimeFormat[] = [
  'unix-s',
  'unix-ms',
  'rfc1123',
  'iso8601',
  'iso8601-ms',
  'iso8601-basic',
  'yyyymmdd',
  'date',
]
