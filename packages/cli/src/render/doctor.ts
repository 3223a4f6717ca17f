// Renders `apidx doctor` for the terminal: a pure function of the report. Values arrive masked.
import type { DoctorReport } from '@apidx/core'
import { paint } from '../style.js'
import { printable } from './explain.js'

export function renderDoctor(r: DoctorReport, color: boolean): string {
  const p = (style: Parameters<typeof paint>[0], t: string) => paint(style, printable(t), color)
  const lines: string[] = []
  lines.push(
    `${p('bold', 'Node')}  ${r.node.version} ${r.node.supported ? p('green', 'ok') : p('red', 'unsupported')}`,
  )
  lines.push(p('bold', 'Proxy'))
  for (const row of r.proxies)
    lines.push(
      `  ${row.provider.padEnd(14)} ${row.url.padEnd(40)} ${row.proxy ? `via ${row.proxy} (${row.source})` : p('gray', 'direct')}`,
    )
  const ca = Object.entries(r.caVariables).filter(([, v]) => v !== null)
  lines.push(
    `${p('bold', 'CA variables')}  ${ca.length ? ca.map(([k, v]) => `${k}=${v}`).join('  ') : p('gray', 'none set')}`,
  )
  lines.push(
    `${p('bold', 'Clock')}  ${r.clock ? `${r.clock.offsetSeconds >= 0 ? '+' : ''}${r.clock.offsetSeconds} s against ${r.clock.url} (limit ${r.clock.maxSkewSeconds} s)` : p('gray', 'not checked')}`,
  )
  lines.push(p('bold', 'Credentials'))
  for (const prov of r.providers) {
    const set = prov.credentials.filter((c) => c.set)
    lines.push(`  ${prov.id.padEnd(14)} ${set.length}/${prov.credentials.length} set`)
    for (const c of prov.credentials)
      lines.push(`    ${c.env.padEnd(28)} ${c.set ? c.masked! : p('gray', 'not set')}`)
  }
  lines.push('')
  if (!r.findings.length) lines.push(p('green', '✓ Nothing wrong found.'))
  for (const f of r.findings) {
    const mark =
      f.severity === 'error' ? p('red', '✗') : f.severity === 'warning' ? p('yellow', '!') : p('gray', 'i')
    lines.push(`${mark} ${p('bold', f.code)}  ${p('dim', f.message)}`)
    if (f.fix) lines.push(`  → ${f.fix}`)
  }
  return lines.join('\n')
}
