// apidx lint's terminal output: file:line:col, severity, rule, message, and the fix under it.
// A pure function of the lint result; the command prints what it returns.
import type { LintResult } from '../lint/index.js'
import { paint } from '../style.js'

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const

export function renderLint(result: LintResult, color: boolean): string {
  const lines: string[] = []
  let count = { error: 0, warning: 0, info: 0 }
  for (const f of result.files) {
    if (f.error) {
      lines.push(
        `${f.path}:${f.error.line}:${f.error.column}  ${paint('yellow', 'skipped', color)}  cannot parse: ${f.error.message}`,
      )
      continue
    }
    for (const x of f.findings) {
      count = { ...count, [x.severity]: count[x.severity] + 1 }
      lines.push(
        `${f.path}:${x.line}:${x.column}  ${paint(SEVERITY_STYLE[x.severity], x.severity, color)}  ${paint('bold', x.rule, color)}  ${x.message}`,
      )
      if (x.fix) lines.push(`    ${paint('dim', '→ ' + x.fix, color)}`)
    }
  }
  for (const s of result.skipped) lines.push(`${s.path}  ${paint('yellow', 'skipped', color)}  ${s.reason}`)
  const unparsed = result.files.filter((f) => f.error).length
  lines.push(
    `${result.files.length} file(s) linted: ${count.error} error(s), ${count.warning} warning(s), ${count.info} info` +
      (unparsed > 0 ? `; ${unparsed} could not be parsed` : ''),
  )
  return lines.join('\n')
}
