// Renders a fleet run (`check --all`, `--targets`): one summary table for the terminal, and Markdown for
// a CI job summary (the table, then each failing target's root cause and fix). Pure functions.
import type { FleetReport } from '@apidx/core'
import { paint } from '../style.js'
import { ms, displayWidth } from './check.js'
import { renderCheckMarkdown } from './check-formats.js'

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

/** The summary table: target, verdict, root cause, total time; then the counts. */
export function renderFleetTable(fleet: FleetReport, color: boolean): string {
  const s = fleet.summary
  const rows = s.targets.map((t) => [
    t.name,
    t.verdict === 'pass' ? 'pass' : 'FAIL',
    t.rootCause ?? '',
    ms(t.durationMs),
  ])
  const head = ['target', 'verdict', 'root cause', 'time']
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))))
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c]!))
      .join('  ')
      .trimEnd()
  const body = rows.map((r) => {
    const text = line(r)
    return r[1] === 'FAIL' ? paint('red', text, color) : text
  })
  const verdict = s.verdict === 'pass' ? paint('green', 'PASS', color) : paint('red', 'FAIL', color)
  return [
    paint('bold', line(head), color),
    ...body,
    '',
    `${verdict}: ${s.passed} of ${s.total} targets passed, ${s.failed} failed, in ${ms(s.durationMs)}.`,
    '',
  ].join('\n')
}

/** Markdown for a job summary: the table, then every failing target's report. */
export function renderFleetMarkdown(fleet: FleetReport): string {
  const s = fleet.summary
  const cell = (text: string) => text.replace(/([|\\`*_<>[\]])/g, '\\$1')
  const lines = [
    `## apidx check: ${s.passed} of ${s.total} targets passed — ${s.verdict === 'pass' ? 'PASS' : 'FAIL'}`,
    '',
    '| target | verdict | root cause | time |',
    '|---|---|---|---:|',
    ...s.targets.map(
      (t) =>
        `| ${cell(t.name)} | ${t.verdict === 'pass' ? '✅ pass' : '❌ fail'} | ${t.rootCause ? `\`${t.rootCause}\`` : ''} | ${ms(t.durationMs)} |`,
    ),
    '',
  ]
  const failing = fleet.reports.filter((r) => r.verdict === 'fail')
  // Each failing report's own Markdown, a heading level down so the summary stays the page's title.
  for (const r of failing) lines.push(renderCheckMarkdown(r).replace(/^(#+) /gm, '#$1 '))
  return lines.join('\n')
}
