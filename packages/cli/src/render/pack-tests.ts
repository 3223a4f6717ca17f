// Renders `apidx packs test` results: one line per test (failures with what differs), then a count per
// pack. Test names and messages come from pack and cases files, which are untrusted: printable() them.
import { printable as s } from '@apidx/core'
import type { PackTestReport } from '@apidx/testing'
import { paint } from '../style.js'

/** The text of one pack's suite; `all` lists passing tests too (else only failures and the count). */
export function renderPackTests(report: PackTestReport, shownFile: string, all: boolean): string {
  const lines = [`${paint('bold', s(report.pack))} ${s(shownFile)}`]
  for (const r of report.results) {
    if (r.ok) {
      if (all) lines.push(`  ${paint('green', '✓')} ${s(r.name)}`)
      continue
    }
    lines.push(`  ${paint('red', '✗')} ${s(r.name)}`)
    for (const line of (r.message ?? '').split('\n')) lines.push(`      ${s(line.trim())}`)
  }
  const total = report.results.length
  lines.push(
    `  ${report.failed ? paint('red', `${report.failed} of ${total} failed`) : paint('green', `${total} passed`)}`,
  )
  return lines.join('\n')
}

/** The closing line over every pack tested: `6 packs: N passed, N failed` (CI's last line is the test total). */
export function renderPackTestsTotal(reports: PackTestReport[]): string {
  const passed = reports.reduce((n, r) => n + r.passed, 0)
  const failed = reports.reduce((n, r) => n + r.failed, 0)
  return `${reports.length} packs: ${passed} passed, ${failed} failed`
}
