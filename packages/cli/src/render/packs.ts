// Renders `apidx packs list | info | validate` results as text. Pure functions: data in, text out.
import { formatProblem, type Problem } from '@apidx/core'
import { paint } from '../style.js'

export interface PackRow {
  id: string
  name: string
  packVersion: string
  services: string[]
  source: string
  location: string
}

export interface BrokenRow {
  location: string
  source: string
  problems: Problem[]
}

/** A fixed-width table; the last column is not padded. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n')
}

export function renderPackList(packs: PackRow[], broken: BrokenRow[]): string {
  if (!packs.length && !broken.length) return 'No provider packs found. Install one with: apidx packs install <npm name | path>'
  const lines: string[] = []
  if (packs.length) {
    lines.push(columns([['ID', 'NAME', 'VERSION', 'SERVICES', 'SOURCE'], ...packs.map((p) => [p.id, p.name, p.packVersion, p.services.join(','), `${p.source} ${p.location}`])]))
  }
  for (const b of broken) {
    lines.push('', `${paint('red', '✗')} ${b.location} (${b.source}) does not validate:`, ...b.problems.slice(0, 5).map((p) => `  ${formatProblem(p)}`))
    if (b.problems.length > 5) lines.push(`  … ${b.problems.length - 5} more: run apidx packs validate ${b.location}`)
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
    versions: { id: string; url: string; protocol: string; status: string; auth: string | null; successor?: string; confidence?: string }[]
  }[]
  handshakeRules: number
}

export function renderPackInfo(info: PackInfo): string {
  const lines = [
    `${paint('bold', info.name)} (${info.id}) ${info.packVersion}, verified ${info.verified}`,
    `  docs:    ${info.docs}`,
    `  source:  ${info.source} ${info.location}`,
    `  hosts:   ${info.hosts.join(', ')}`,
    `  credentials: ${info.credentials.map((c) => `${c.name} ($${c.env}${c.secret ? ', secret' : ''})`).join(', ')}`,
    `  auth schemes: ${info.authSchemes.map((a) => `${a.id} (${a.usedBy.length} version${a.usedBy.length === 1 ? '' : 's'})`).join(', ') || 'none'}`,
    `  handshake rules: ${info.handshakeRules}`,
    '',
  ]
  for (const s of info.services) {
    lines.push(`${paint('bold', s.id)} — ${s.title} (${s.errorCodes} error code${s.errorCodes === 1 ? '' : 's'})`)
    const rows = s.versions.map((v) => [
      `  ${v.id === s.defaultVersion ? '*' : ' '} ${v.id}`,
      v.status + (v.successor ? ` → ${v.successor}` : ''),
      v.auth ?? 'no auth',
      v.url + (v.confidence === 'uncertain' ? '  (uncertain)' : ''),
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
}

export function renderValidation(results: ValidationRow[]): string {
  const lines: string[] = []
  for (const r of results) {
    if (r.valid) lines.push(`${paint('green', '✓')} ${r.file} (${r.id})`)
    else lines.push(`${paint('red', '✗')} ${r.file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`, ...r.problems.map((p) => `  ${formatProblem(p)}`))
  }
  const bad = results.filter((r) => !r.valid).length
  lines.push('', bad ? `${bad} of ${results.length} pack${results.length === 1 ? '' : 's'} invalid.` : `${results.length} pack${results.length === 1 ? '' : 's'} valid.`)
  return lines.join('\n')
}
