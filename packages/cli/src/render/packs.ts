// Renders `apidx packs list | info | validate` results as text. Pure functions: data in, text out.
// Every string that came from a pack file goes through printable(): packs are untrusted, and a
// control character in a name must not reach the terminal.
import { formatProblem, printable as s, type Problem } from '@apidx/core'
import { paint } from '../style.js'

export interface PackRow {
  id: string
  name: string
  packVersion: string
  services: string[]
  source: string
  location: string
  /** An installed pack whose pack.json no longer matches the integrity recorded at install. */
  edited?: boolean
}

export interface BrokenRow {
  location: string
  source: string
  problems: Problem[]
}

/** East Asian wide and fullwidth characters take two terminal columns (vendor names such as 讯飞开放平台). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g

/** The terminal width of a cell. */
const width = (text: string) => text.length + (text.match(WIDE)?.length ?? 0)

/** A fixed-width table; the last column is not padded. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))))
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  '))
    .join('\n')
}

/** One problem as one safe line. */
const problemLine = (p: Problem) => `  ${s(formatProblem(p))}`

/** The table of `apidx packs list`, then each broken pack with its first problems. */
export function renderPackList(packs: PackRow[], broken: BrokenRow[]): string {
  if (!packs.length && !broken.length)
    return 'No provider packs found. Install one with: apidx packs install <npm name | path>'
  const lines: string[] = []
  if (packs.length) {
    lines.push(
      columns([
        ['ID', 'NAME', 'VERSION', 'SERVICES', 'SOURCE'],
        ...packs.map((p) => [
          s(p.id),
          s(p.name),
          s(p.packVersion),
          s(p.services.join(',')),
          `${p.source}${p.edited ? ' (edited since install)' : ''} ${s(p.location)}`,
        ]),
      ]),
    )
  }
  for (const b of broken) {
    lines.push(
      '',
      `${paint('red', '✗')} ${s(b.location)} (${b.source}) does not validate:`,
      ...b.problems.slice(0, 5).map(problemLine),
    )
    if (b.problems.length > 5)
      lines.push(`  … ${b.problems.length - 5} more: run apidx packs validate ${s(b.location)}`)
  }
  return lines.join('\n')
}

export interface PackInfo {
  id: string
  name: string
  packVersion: string
  verified: string
  docs: string
  source: string
  location: string
  hosts: string[]
  credentials: { name: string; env: string; secret: boolean }[]
  authSchemes: { id: string; description?: string; usedBy: string[] }[]
  services: {
    id: string
    title: string
    defaultVersion: string
    errorCodes: number
    versions: {
      id: string
      url: string
      protocol: string
      status: string
      auth: string | null
      successor?: string
      confidence?: string
    }[]
  }[]
  handshakeRules: number
}

/** The text of `apidx packs info`: identity, hosts, credentials, auth schemes, then each service's versions. */
export function renderPackInfo(info: PackInfo): string {
  const lines = [
    `${paint('bold', s(info.name))} (${s(info.id)}) ${s(info.packVersion)}, verified ${s(info.verified)}`,
    `  docs:    ${s(info.docs)}`,
    `  source:  ${info.source} ${s(info.location)}`,
    `  hosts:   ${s(info.hosts.join(', '))}`,
    `  credentials: ${s(info.credentials.map((c) => `${c.name} ($${c.env}${c.secret ? ', secret' : ''})`).join(', '))}`,
    `  auth schemes: ${s(info.authSchemes.map((a) => `${a.id} (${a.usedBy.length} version${a.usedBy.length === 1 ? '' : 's'})`).join(', ')) || 'none'}`,
    `  handshake rules: ${info.handshakeRules}`,
    '',
  ]
  for (const svc of info.services) {
    lines.push(
      `${paint('bold', s(svc.id))} — ${s(svc.title)} (${svc.errorCodes} error code${svc.errorCodes === 1 ? '' : 's'})`,
    )
    const rows = svc.versions.map((v) => [
      `  ${v.id === svc.defaultVersion ? '*' : ' '} ${s(v.id)}`,
      v.status + (v.successor ? ` → ${s(v.successor)}` : ''),
      s(v.auth ?? 'no auth'),
      s(v.url) + (v.confidence === 'uncertain' ? '  (uncertain)' : ''),
    ])
    lines.push(columns(rows))
  }
  lines.push('', '* default version')
  return lines.join('\n')
}

export interface ValidationRow {
  file: string
  valid: boolean
  id?: string
  problems: Problem[]
  /** Not fatal: a general handshake rule shadowing a specific one. */
  warnings?: Problem[]
}

/** The result of `apidx packs validate`: a line per valid file, every problem of each invalid one, a summary. */
export function renderValidation(results: ValidationRow[]): string {
  const lines: string[] = []
  for (const r of results) {
    if (r.valid) {
      const w = r.warnings ?? []
      lines.push(
        `${paint('green', '✓')} ${s(r.file)} (${s(r.id ?? '')})${w.length ? `, ${w.length} warning${w.length === 1 ? '' : 's'}` : ''}`,
        ...w.map((p) => `${paint('yellow', '!')}${problemLine(p)}`),
      )
    } else
      lines.push(
        `${paint('red', '✗')} ${s(r.file)}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`,
        ...r.problems.map(problemLine),
      )
  }
  const bad = results.filter((r) => !r.valid).length
  lines.push(
    '',
    bad
      ? `${bad} of ${results.length} pack${results.length === 1 ? '' : 's'} invalid.`
      : `${results.length} pack${results.length === 1 ? '' : 's'} valid.`,
  )
  return lines.join('\n')
}
