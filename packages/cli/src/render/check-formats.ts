// The other renderings of a check report: Markdown (a PR comment, an issue), JUnit XML (CI test
// reports: one test case per link) and a self-contained HTML page. Pure functions of the report.
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
  const byProbe = (id: string) => r.findings.filter((f) => f.probe === id && f.severity === 'error')
  const cases = r.chain.map((l) => {
    const name = `${l.id}: ${l.title}`
    const time = ((l.ms ?? 0) / 1000).toFixed(3)
    const open = `    <testcase classname="apidx.${xmlEscape(r.provider)}.${xmlEscape(r.service)}" name="${xmlEscape(name)}" time="${time}"`
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
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="apidx check" tests="${r.chain.length}" failures="${failures}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${xmlEscape(`${r.provider} ${r.service} ${r.version}`)}" tests="${r.chain.length}" failures="${failures}" skipped="${skipped}" timestamp="${xmlEscape(r.startedAt)}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    `    <properties><property name="endpoint" value="${xmlEscape(r.endpoint)}"/><property name="verdict" value="${r.verdict}"/><property name="rootCause" value="${xmlEscape(r.rootCause?.code ?? '')}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

/** A self-contained HTML page (no script, no remote asset). */
export function renderCheckHtml(r: CheckReport): string {
  const e = xmlEscape
  const rows = r.chain.map(
    (l) =>
      `<tr class="${l.status}"><td>${e(l.title)}</td><td>${STATUS[l.status]}</td><td>${l.status === 'skip' ? '' : ms(l.ms)}</td><td>${l.status === 'skip' ? e(l.reason ?? '') : l.codes.map((c) => `<code>${e(c)}</code>`).join(' ')}</td></tr>`,
  )
  const root = r.rootCause
    ? `<section class="root"><h2>Root cause: <code>${e(r.rootCause.code)}</code></h2><p>${e(r.rootCause.message)}</p><p><strong>Fix:</strong> ${e(r.rootCause.fix ?? '')}</p></section>`
    : '<section class="ok"><h2>Healthy</h2><p>Every link of the chain works.</p></section>'
  const causes =
    r.causes.length > 1
      ? `<h3>Also possible</h3><ol start="2">${r.causes
          .slice(1)
          .map(
            (c) =>
              `<li><code>${e(c.code)}</code> (${c.likelihood}): ${e(c.message)}${c.fix ? ` — ${e(c.fix)}` : ''}</li>`,
          )
          .join('')}</ol>`
      : ''
  const findings = r.findings
    .map(
      (f) =>
        `<li><strong>${f.severity}</strong> <code>${e(f.code)}</code> (${e(f.probe)}): ${e(f.message)}${f.fix ? `<br><em>Fix:</em> ${e(f.fix)}` : ''}</li>`,
    )
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>apidx check: ${e(r.provider)} ${e(r.service)} ${e(r.version)} — ${r.verdict}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}.fail td{background:#fdecea}.warn td{background:#fff8e1}.skip td{color:#888}.root{border:2px solid #c62828;border-radius:6px;padding:0 1rem}.ok{border:2px solid #2e7d32;border-radius:6px;padding:0 1rem}code{background:#f4f4f4;padding:0 .2rem}</style></head>
<body><h1>apidx check: ${e(r.provider)} ${e(r.service)} ${e(r.version)} — ${r.verdict.toUpperCase()}</h1>
<p>Endpoint <code>${e(r.endpoint)}</code>${r.mock ? ` (emulator scenario <code>${e(r.mock)}</code>)` : ''} · total ${ms(r.timings.total)}${r.session.id ? ` · sid <code>${e(r.session.id)}</code>` : ''}</p>
<table><thead><tr><th>link</th><th>status</th><th>time</th><th>codes</th></tr></thead><tbody>${rows.join('')}</tbody></table>
${root}${causes}${findings ? `<h3>Findings</h3><ul>${findings}</ul>` : ''}
</body></html>
`
}
