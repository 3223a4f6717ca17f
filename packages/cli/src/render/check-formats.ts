// The other renderings of a check report: Markdown (a PR comment, an issue), JUnit XML (CI test
// reports: one test case per link); the HTML page is in check-html.ts. Pure functions of the report.
import type { CheckReport, Finding } from '@apidx/core'
import { ms } from './check.js'

const mdEscape = (s: string) => s.replace(/([|\\`*_<>[\]])/g, '\\$1').replace(/\n/g, ' ')
// Control characters never get here: the report's strings are sanitised once, when it is built.
const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
const STATUS = { ok: '✅ ok', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' } as const

/** Markdown: verdict, chain table, root cause with fix, further causes, findings. */
export function renderCheckMarkdown(r: CheckReport): string {
  const lines = [
    `## apidx check: ${r.provider} ${r.service} ${r.version} — ${r.verdict === 'pass' ? 'PASS' : `FAIL (\`${r.rootCause?.code}\`)`}`,
    '',
    `Endpoint: \`${r.endpoint}\`${r.mock ? ` (emulator scenario \`${r.mock}\`)` : ''} · total ${ms(r.timings.total)}${r.session.id ? ` · sid \`${r.session.id}\`` : ''}`,
    '',
    '| link | status | time | codes |',
    '|---|---|---|---|',
    ...r.chain.map(
      (l) =>
        `| ${mdEscape(l.title)} | ${STATUS[l.status]} | ${l.status === 'skip' ? '' : ms(l.ms)} | ${l.status === 'skip' ? mdEscape(l.reason ?? '') : l.codes.map((c) => `\`${c}\``).join(', ')} |`,
    ),
    '',
  ]
  if (r.rootCause)
    lines.push(
      `### Root cause: \`${r.rootCause.code}\``,
      '',
      mdEscape(r.rootCause.message),
      '',
      `**Fix:** ${mdEscape(r.rootCause.fix ?? '')}`,
      '',
    )
  if (r.causes.length > 1)
    lines.push(
      '### Also possible',
      '',
      ...r.causes
        .slice(1)
        .map(
          (c) =>
            `${c.rank}. \`${c.code}\` (${c.likelihood}): ${mdEscape(c.message)}${c.fix ? ` — ${mdEscape(c.fix)}` : ''}`,
        ),
      '',
    )
  if (r.findings.length)
    lines.push(
      '### Findings',
      '',
      ...r.findings.map(
        (f) =>
          `- **${f.severity}** \`${f.code}\` (${f.probe}): ${mdEscape(f.message)}${f.fix ? ` — Fix: ${mdEscape(f.fix)}` : ''}`,
      ),
      '',
    )
  return lines.join('\n')
}

/** JUnit XML: one test suite, one test case per chain link. */
export function renderCheckJunit(r: CheckReport): string {
  return junitDocument([r])
}

/** JUnit XML of several reports: one test suite per target, one test case per chain link. */
export function junitDocument(reports: CheckReport[], names?: string[]): string {
  const count = (status: string) =>
    reports.reduce((n, r) => n + r.chain.filter((l) => l.status === status).length, 0)
  const tests = reports.reduce((n, r) => n + r.chain.length, 0)
  const time = reports.reduce((t, r) => t + r.durationMs, 0)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="apidx check" tests="${tests}" failures="${count('fail')}" skipped="${count('skip')}" time="${(time / 1000).toFixed(3)}">`,
    ...reports.flatMap((r, i) => junitSuite(r, names?.[i] ?? `${r.provider} ${r.service} ${r.version}`)),
    '</testsuites>',
    '',
  ].join('\n')
}

/** One target's test suite: a test case per link, a failure per error finding of a failed link. */
function junitSuite(r: CheckReport, name: string): string[] {
  const byProbe = (id: string) => r.findings.filter((f) => f.probe === id && f.severity === 'error')
  const cases = r.chain.map((l) => {
    const caseName = `${l.id}: ${l.title}`
    const time = ((l.ms ?? 0) / 1000).toFixed(3)
    const open = `    <testcase classname="apidx.${xmlEscape(r.provider)}.${xmlEscape(r.service)}" name="${xmlEscape(caseName)}" time="${time}"`
    if (l.status === 'skip')
      return `${open}>\n      <skipped message="${xmlEscape(l.reason ?? 'skipped')}"/>\n    </testcase>`
    const errors = byProbe(l.id)
    if (l.status === 'fail' && errors.length) {
      return `${open}>\n${errors.map((f: Finding) => `      <failure type="${xmlEscape(f.code)}" message="${xmlEscape(f.message)}">${xmlEscape(`${f.message}\nFix: ${f.fix ?? ''}`)}</failure>`).join('\n')}\n    </testcase>`
    }
    return `${open}/>`
  })
  const failures = r.chain.filter((l) => l.status === 'fail').length
  const skipped = r.chain.filter((l) => l.status === 'skip').length
  return [
    `  <testsuite name="${xmlEscape(name)}" tests="${r.chain.length}" failures="${failures}" skipped="${skipped}" timestamp="${xmlEscape(r.startedAt)}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    `    <properties><property name="endpoint" value="${xmlEscape(r.endpoint)}"/><property name="verdict" value="${r.verdict}"/><property name="rootCause" value="${xmlEscape(r.rootCause?.code ?? '')}"/></properties>`,
    ...cases,
    '  </testsuite>',
  ]
}

// The HTML page is its own module; re-exported here, where the other formats are.
export { renderCheckHtml } from './check-html.js'
