// Renders `apidx mock`'s banner: where the emulator listens, the scenario, and the demo credentials
// (masked unless --print-env asked for export lines). A pure function: data in, text out.
import { paint } from '../style.js'

/** What `apidx mock` reports once the emulator listens (also its --json document). */
export interface MockInfo {
  provider: string
  service: string
  version: string
  protocol: string
  /** The loopback URL to connect to (no auth query). */
  url: string
  scenario: { id: string; description: string; expect: string | null; client?: Record<string, string> }
  /** TLS facts when the emulator serves TLS: the name to verify, and the CA file written (or why none). */
  tls: { servername: string; trusted: boolean; caFile?: string } | null
  /** The demo credentials, masked: the environment variable and a hint of the value. */
  credentials: { name: string; env: string; secret: boolean; hint: string }[]
  /** `export NAME=value` lines; present only with --print-env. */
  env?: string[]
  /** A check command that runs against this emulator. */
  tryCommand: string
}

/** A hint of a demo value: its first characters and length, never the whole value. */
export function maskHint(value: string, secret: boolean): string {
  const shown = value.slice(0, Math.min(4, Math.floor(value.length / 4)))
  return `${shown}… (${value.length} chars${secret ? ', secret' : ''}, demo)`
}

export function renderMock(info: MockInfo, color = false): string {
  const c = (s: Parameters<typeof paint>[0], t: string) => paint(s, t, color)
  const width = Math.max(...info.credentials.map((k) => k.env.length), 8)
  const lines = [
    `${c('bold', 'apidx mock')} — ${info.provider} ${info.service}/${info.version} (${info.protocol}), scenario ${c('cyan', info.scenario.id)}`,
    `  URL        ${info.url}`,
    `  Scenario   ${info.scenario.description}`,
    `  Expect     ${info.scenario.expect ? `root cause ${info.scenario.expect}` : 'a healthy chain (no root cause)'}`,
  ]
  if (info.scenario.client)
    lines.push(
      `  Client     ${Object.entries(info.scenario.client)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} (the client's part of the fault)`,
    )
  if (info.tls) {
    const ca = info.tls.trusted
      ? info.tls.caFile
        ? `CA written to ${info.tls.caFile}`
        : 'pass --ca-out <file> to save the CA to trust'
      : 'self-signed on purpose: no CA to trust'
    lines.push(`  TLS        certificate for ${info.tls.servername}; ${ca}`)
  }
  if (info.credentials.length) {
    lines.push('', '  Demo credentials (the emulator accepts only these):')
    for (const k of info.credentials) lines.push(`    ${k.env.padEnd(width)}  ${c('dim', k.hint)}`)
    if (!info.env) lines.push(c('dim', '  --print-env prints them as export lines.'))
  }
  if (info.env) lines.push('', ...info.env)
  lines.push('', `  Try: ${info.tryCommand}`, c('dim', 'Press Ctrl+C to stop.'))
  return lines.join('\n')
}

/** One answered request, for the log on stderr: time, method, path (never the query: it holds the signature), status, body start. */
export function renderRequestLine(
  r: { at: number; listener: string; method: string; url: string; status?: number; answer?: string },
  color = false,
): string {
  const time = new Date(r.at).toISOString().slice(11, 19)
  const path = r.url.split('?', 1)[0]!.slice(0, 200)
  const status = r.status === undefined ? '…' : String(r.status)
  const mark =
    r.status !== undefined && r.status >= 400 ? paint('red', status, color) : paint('green', status, color)
  const where = r.listener === 'main' ? '' : ` (${r.listener})`
  return `${paint('dim', time, color)} ${r.method} ${path}${where} → ${mark}${r.answer ? ` ${r.answer.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`
}
