// The report model (schemas/report.schema.json): a run and its diagnosis turned into the one document
// every renderer reads. Everything user-visible passes through `redact` here, once, so no renderer
// can leak a secret it never receives; and through the one sanitiser, so no server text can drive a
// terminal (issue 14, defect 2).
import { diagnose } from '../diagnose/diagnose.js'
import { retryFor } from '../diagnose/retry.js'
import type { EngineFinding } from '../engine/types.js'
import type { RunResult } from '../engine/run.js'
import { getPointer, tryJson } from '../engine/pointer.js'
import { sanitizeText } from '../text/sanitize.js'
import type { CheckReport, Finding, Timings } from '../generated/index.js'

/** A function that masks every secret in a string (the core Redactor's `redact`). */
export type RedactFn = (text: string) => string

export interface ReportOptions {
  /** Masks secrets; applied to every string in the report. */
  redact: RedactFn
  /** The emulator scenario, when the run was against `--mock`. */
  mock?: string | null
}

/** Masks the values of the query parameters a signing scheme places (the signature, the key). */
export function maskSignedUrl(url: URL, placed: readonly string[]): string {
  const u = new URL(url)
  for (const key of placed) if (u.searchParams.has(key)) u.searchParams.set(key, '***')
  return u.toString().replaceAll('%2A%2A%2A', '***')
}

/** Query parameters an auth scheme places, which hold the signature or credentials. */
export function placedQueryKeys(scheme: unknown): string[] {
  const place = (scheme as { place?: { query?: Record<string, unknown> } } | undefined)?.place
  return Object.keys(place?.query ?? {})
}

/** Deep-redacts every string of a JSON-like value. */
function redactDeep<T>(value: T, redact: RedactFn, depth = 0): T {
  if (depth > 20) return '[too deep]' as T
  if (typeof value === 'string') return redact(value) as T
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, depth + 1)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact, depth + 1)]),
    ) as T
  return value
}

/** Builds the report of a run. */
export function buildReport(run: RunResult, options: ReportOptions): CheckReport {
  const { target } = run
  // Signatures are not credentials, but a server may echo them (a body quoting the request): mask them too.
  const signed = [
    ...new Set(
      run.requestSecrets.flatMap((v) => [
        v,
        encodeURIComponent(v),
        new URLSearchParams({ v }).toString().slice(2),
      ]),
    ),
  ].sort((a, b) => b.length - a.length)
  // Sanitised before masking: a secret split by an escape sequence must be whole when the redactor looks.
  const opts = {
    ...options,
    redact: (text: string) =>
      options.redact(signed.reduce((t, v) => t.split(v).join('***'), sanitizeText(text))),
  }
  const scheme = target.version.auth ? target.pack.auth[target.version.auth] : undefined
  const findings: Finding[] = run.findings.map((f: EngineFinding) =>
    redactDeep(
      {
        code: f.code,
        severity: f.severity,
        probe: f.probe,
        message: f.message,
        fix: f.fix,
        retry: retryFor(f.code, typeof f.data.retryable === 'boolean' ? f.data.retryable : undefined),
        data: f.data,
      },
      opts.redact,
    ),
  )
  const { rootCause, causes } = diagnose(findings)
  const t = run.exchange?.timings
  const timings: Timings = { total: tenth(t?.total ?? run.durationMs) }
  for (const k of ['dns', 'tcp', 'tls', 'handshake', 'firstFrame'] as const)
    if (t?.[k] !== undefined) timings[k] = tenth(t[k])
  return {
    schemaVersion: '1',
    provider: target.pack.id,
    packVersion: target.pack.packVersion,
    service: target.serviceId,
    version: target.versionId,
    // A `{cred.x}` path segment of the documented URL reads as written, not percent-encoded.
    endpoint: opts.redact(
      maskSignedUrl(target.url, placedQueryKeys(scheme)).replace(/%7B(cred\.[A-Za-z0-9_]+)%7D/g, '{$1}'),
    ),
    protocol: target.version.protocol,
    mock: opts.mock ?? null,
    verdict: rootCause ? 'fail' : 'pass',
    rootCause: rootCause ? (rootCause as Finding) : null,
    causes: redactDeep(causes, opts.redact),
    findings,
    chain: run.links.map((l) => ({ ...l, reason: l.reason === null ? null : opts.redact(l.reason) })),
    timings,
    session: { id: sessionId(run, opts.redact) },
    startedAt: run.startedAt,
    durationMs: run.durationMs,
  }
}

/** The vendor's session id from the frames (or an HTTP answer's body), where the pack says it is. */
function sessionId(run: RunResult, clean: RedactFn): string | null {
  const pointer = run.target.version.session?.pointer
  if (!pointer || !run.exchange) return null
  const { frames, response } = run.exchange
  const texts =
    run.exchange.protocol === 'http' ? (response?.body ? [response.body] : []) : frames.map((f) => f.text)
  for (const text of texts) {
    const parsed = tryJson(text)
    const id = parsed.ok ? getPointer(parsed.value, pointer) : undefined
    if (typeof id === 'string' && id) return clean(id.slice(0, 200))
  }
  return null
}

/** A duration to 0.1 ms: differences of rounded clocks carry float noise (4.800000000000001). */
export const tenth = (ms: number) => Math.round(ms * 10) / 10
