// The timestamp of a request being verified, read as the server reads it: the instant it names, a
// format or zone the scheme does not take (milliseconds where seconds are due, an RFC 1123 date in
// CST), the credential-scope date that must be its UTC date, and its age against the skew window.
import type { AuthScheme, Step, TimeFormat } from '../generated/index.js'
import { formatTime, parseTime, TIME_FORMATS } from './time.js'

/** A named mistake found in the request, as the verifier reports it. */
export interface FoundMistake {
  kind: string
  description: string
}

/** A step whose recomputed value is not what the request implies. */
export interface StepDifference {
  step: string
  expected: string
  actual: string
  /** True when the values are secret: printed forms mask them. */
  secret: boolean
}

/** The timestamp a request carries. */
export interface Timestamp {
  raw: string
  ms: number
  format: string
}

export interface TimeReading {
  timestamp?: Timestamp
  /** The time step whose value gave the instant. */
  instantStep?: string
  /** The timestamp is written in a format or zone the scheme does not take. */
  formatMistake?: FoundMistake
}

type TimeStep = Extract<Step, { op: 'time' }>

/** Time formats that carry only a date: another step of the same instant must agree with them exactly. */
const DATE_FORMATS = new Set<string>(['date', 'yyyymmdd'])

/**
 * Zone abbreviations users' date libraries write (Java's SimpleDateFormat without a GMT time zone
 * writes the machine's zone, "CST" on a server in China), with the offset apidx reads them at.
 * CST is read as China Standard Time: it is also US Central Standard Time (-06:00), so the message
 * names the reading.
 */
const ZONES: Record<string, { minutes: number; name: string }> = {
  CST: { minutes: 480, name: 'China Standard Time, +08:00' },
  HKT: { minutes: 480, name: 'Hong Kong Time, +08:00' },
  SGT: { minutes: 480, name: 'Singapore Time, +08:00' },
  JST: { minutes: 540, name: 'Japan Standard Time, +09:00' },
  KST: { minutes: 540, name: 'Korea Standard Time, +09:00' },
  IST: { minutes: 330, name: 'India Standard Time, +05:30' },
  CET: { minutes: 60, name: 'Central European Time, +01:00' },
  CEST: { minutes: 120, name: 'Central European Summer Time, +02:00' },
  BST: { minutes: 60, name: 'British Summer Time, +01:00' },
  EST: { minutes: -300, name: 'Eastern Standard Time, -05:00' },
  EDT: { minutes: -240, name: 'Eastern Daylight Time, -04:00' },
  CDT: { minutes: -300, name: 'Central Daylight Time, -05:00' },
  MST: { minutes: -420, name: 'Mountain Standard Time, -07:00' },
  MDT: { minutes: -360, name: 'Mountain Daylight Time, -06:00' },
  PST: { minutes: -480, name: 'Pacific Standard Time, -08:00' },
  PDT: { minutes: -420, name: 'Pacific Daylight Time, -07:00' },
}

const RFC1123_BODY = /^([A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}) (\S+)$/

/** An RFC 1123 date whose zone is not GMT (or UTC): the instant it names, and the zone as written. */
function foreignZone(raw: string): { ms: number; zone: string; name: string } | undefined {
  const m = RFC1123_BODY.exec(raw.trim())
  if (!m) return undefined
  const [, body, zone] = m as unknown as [string, string, string]
  if (zone === 'GMT' || zone === 'UTC') return undefined
  const offset = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    if (minutes === 0) return undefined
    const ms = Date.parse(`${body} GMT`) - minutes * 60_000
    return Number.isFinite(ms) ? { ms, zone, name: `UTC${offset[1]}${offset[2]}:${offset[3]}` } : undefined
  }
  const known = Object.hasOwn(ZONES, zone) ? ZONES[zone] : undefined
  if (!known) return undefined
  const ms = Date.parse(`${body} GMT`) - known.minutes * 60_000
  return Number.isFinite(ms) ? { ms, zone, name: known.name } : undefined
}

/** What a server that wants GMT makes of a date in another zone. */
function zoneMistake(step: TimeStep, raw: string, zone: { zone: string; name: string }): FoundMistake {
  const want = step.zone ?? 'GMT'
  return {
    kind: 'timestamp-zone',
    description: `${step.id} is ${JSON.stringify(raw)}, in ${zone.zone} (read as ${zone.name}); the scheme wants an RFC 1123 date in ${want}, which is how the server reads it. Format the date in ${want} (JavaScript toUTCString(), Java SimpleDateFormat with TimeZone.getTimeZone("GMT"), Python email.utils.formatdate(usegmt=True)).`,
  }
}

/** The instant one carried time step names, and how it is written wrong when it is. */
function readStep(step: TimeStep, raw: string): TimeReading | undefined {
  const shift = (step.addSeconds ?? 0) * 1000
  const ms = parseTime(raw, step.format)
  if (step.format === 'rfc1123') {
    const zone = foreignZone(raw)
    if (zone)
      return {
        timestamp: { raw, ms: zone.ms - shift, format: step.format },
        formatMistake: zoneMistake(step, raw, zone),
      }
  }
  if (ms !== undefined && (step.format !== 'unix-s' || raw.length <= 11))
    return { timestamp: { raw, ms: ms - shift, format: step.format } }
  const other = TIME_FORMATS.find((f) => f !== step.format && parseTime(raw, f) !== undefined)
  if (other)
    return {
      timestamp: { raw, ms: parseTime(raw, other)! - shift, format: other },
      formatMistake: {
        kind: 'timestamp-format',
        description: `${step.id} is ${JSON.stringify(raw)}, written as ${other}; the scheme wants ${step.format}.`,
      },
    }
  // A date a library printed in its own form (JavaScript's Date#toString()): the instant, and the form named.
  const loose = /[A-Za-z]{3}/.test(raw) ? Date.parse(raw.replace(/\s*\([^)]*\)\s*$/, '')) : NaN
  if (Number.isFinite(loose))
    return {
      timestamp: { raw, ms: loose - shift, format: 'text' },
      formatMistake: {
        kind: 'timestamp-format',
        description: `${step.id} is ${JSON.stringify(raw)}, which is not ${step.format}: the server cannot read it. Write it as ${formatTime(loose, step.format)}.`,
      },
    }
  return undefined
}

/**
 * The instant: the first time step the request carries (a shifted one, an expiry, only when no plain
 * one is carried), read in its format, or as a finding in another format or zone.
 */
export function readTimestamp(scheme: AuthScheme, fixed: Record<string, string>): TimeReading {
  const timeSteps = scheme.steps.flatMap((s) => (s.op === 'time' ? [s] : []))
  const ordered = [...timeSteps.filter((x) => !x.addSeconds), ...timeSteps.filter((x) => x.addSeconds)]
  const step = ordered.find((s) => fixed[s.id] !== undefined)
  if (!step) return {}
  return { instantStep: step.id, ...readStep(step, fixed[step.id]!) }
}

/**
 * Dates the request carries elsewhere (TC3's and SigV4's credential-scope day) that are not the
 * instant's UTC date: the vendor recomputes them from the timestamp, so they are recomputed here too
 * (removed from `fixed`) and returned to be named.
 */
export function wrongScopeDates(
  scheme: AuthScheme,
  fixed: Record<string, string>,
  time: TimeReading,
): StepDifference[] {
  const out: StepDifference[] = []
  if (!time.timestamp) return out
  for (const s of scheme.steps) {
    if (s.op !== 'time' || s.id === time.instantStep || s.addSeconds) continue
    if (fixed[s.id] === undefined || !DATE_FORMATS.has(s.format)) continue
    const want = formatTime(time.timestamp.ms, s.format as TimeFormat)
    if (fixed[s.id] === want) continue
    out.push({ step: s.id, expected: want, actual: fixed[s.id]!, secret: false })
    delete fixed[s.id]
  }
  return out
}

/** The mistake a wrong credential-scope date is. */
export function scopeDateMistake(d: StepDifference, timestamp: Timestamp): FoundMistake {
  return {
    kind: 'date-not-utc',
    description: `${d.step} is ${d.actual}, but the request's timestamp ${timestamp.raw} is ${d.expected} in UTC: the date must be the timestamp's UTC date (a local date differs for part of each day, 00:00 to 08:00 in China).`,
  }
}

/** "7 years", "3 h 12 min", "41 s": an age for people. */
export function describeSeconds(total: number): string {
  const s = Math.abs(Math.round(total))
  if (s < 120) return `${s} s`
  if (s < 7200) return `${Math.floor(s / 60)} min ${s % 60} s`
  if (s < 2 * 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
  if (s < 60 * 86400) return `${Math.floor(s / 86400)} days`
  if (s < 730 * 86400) return `${Math.floor(s / (30.44 * 86400))} months`
  return `${Math.floor(s / (365.25 * 86400))} years`
}

/** The timestamp outside the window the server accepts around its clock (`now`), as a named mistake. */
export function windowMistake(
  timestamp: Timestamp,
  now: number,
  maxSkewSeconds: number,
): FoundMistake | undefined {
  const age = Math.round((now - timestamp.ms) / 1000)
  if (Math.abs(age) <= maxSkewSeconds) return undefined
  const when = age > 0 ? `${describeSeconds(age)} old` : `${describeSeconds(age)} in the future`
  return {
    kind: 'timestamp-outside-window',
    description: `The request's timestamp ${timestamp.raw} is ${when} (${Math.abs(age)} s ${age > 0 ? 'before' : 'after'} ${new Date(now).toISOString()}); the server accepts ±${maxSkewSeconds} s. Sign each request with the current time${age > 0 ? ' (a request reused or signed once at start-up goes stale)' : ''}, and keep the clock in sync (NTP).`,
  }
}
