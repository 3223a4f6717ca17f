// Renders a check report for the terminal: the chain with a mark and a time per link, the root cause
// and its fix in a box, then the other causes and the details. A pure function of the report: it
// computes no diagnosis (DESIGN §1) and sees only redacted data.
import type { CheckReport, Finding, Link } from '@apidx/core'
import { paint } from '../style.js'
import { RETRY_TEXT } from './retry.js'

const MARK: Record<Link['status'], string> = { ok: '✓', fail: '✗', warn: '!', skip: '–' }
const COLOR = { ok: 'green', fail: 'red', warn: 'yellow', skip: 'gray' } as const

/** What each timing is called on the summary line: an HTTP exchange has no handshake or frames. */
const WS_PHASES = { dns: 'dns', tcp: 'tcp', tls: 'tls', handshake: 'handshake', firstFrame: 'firstFrame' }
const HTTP_PHASES = { dns: 'dns', tcp: 'tcp', tls: 'tls', handshake: 'response', firstFrame: 'body' }

/** Milliseconds, readable: `12 ms`, `1.4 s`. */
export function ms(v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  return v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`
}

/** Terminal columns of one character: East Asian wide and fullwidth characters take two. */
function charWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1
}

/** Terminal columns of a string (vendor texts are often Chinese: a box must still close). */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += charWidth(ch.codePointAt(0)!)
  return w
}

/** Pads to `width` terminal columns. */
function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/** Word-wraps `text` to `width` terminal columns; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = []
  for (const para of text.split('\n')) {
    let line = ''
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
        out.push(line)
        line = ''
      }
      let rest = word
      while (displayWidth(rest) > width) {
        let cut = ''
        for (const ch of rest) {
          if (displayWidth(cut + ch) > width - displayWidth(line ? `${line} ` : '')) break
          cut += ch
        }
        if (!cut) {
          out.push(line)
          line = ''
          continue
        }
        out.push(line ? `${line} ${cut}` : cut)
        line = ''
        rest = rest.slice(cut.length)
      }
      line = line ? `${line} ${rest}` : rest
    }
    out.push(line)
  }
  return out
}

/** A box around lines, `width` inner columns. */
function box(title: string, lines: string[], width: number, color: boolean, style: 'red' | 'green'): string {
  const top = `╭─ ${title} ${'─'.repeat(Math.max(0, width - displayWidth(title) - 1))}╮`
  const body = lines.map((l) => `│ ${padTo(l, width)} │`)
  const bottom = `╰${'─'.repeat(width + 2)}╯`
  return [
    paint(style, top, color),
    ...body.map(
      (l) => paint(style, l.slice(0, 2), color) + l.slice(2, -2) + paint(style, l.slice(-2), color),
    ),
    paint(style, bottom, color),
  ].join('\n')
}

function chainLines(report: CheckReport, color: boolean): string[] {
  const titleWidth = Math.max(...report.chain.map((l) => l.title.length), 8)
  return report.chain.map((l) => {
    const mark = paint(COLOR[l.status], MARK[l.status], color)
    const time = l.status === 'skip' ? '' : ms(l.ms)
    const note =
      l.status === 'skip'
        ? paint('gray', (l.reason ?? 'skipped').replace(/^Not run: /, 'skipped: '), color)
        : l.codes.length
          ? paint(COLOR[l.status], l.codes.join(', '), color)
          : ''
    return `  ${mark} ${l.title.padEnd(titleWidth)}  ${time.padStart(7)}  ${note}`.trimEnd()
  })
}

function detail(f: Finding, color: boolean): string[] {
  const sev =
    f.severity === 'error'
      ? paint('red', '✗', color)
      : f.severity === 'warning'
        ? paint('yellow', '!', color)
        : paint('cyan', 'i', color)
  const lines = [
    `  ${sev} ${paint('bold', f.code, color)} ${paint('dim', `(${f.probe})`, color)}`,
    ...wrap(f.message, 74).map((l) => `    ${l}`),
  ]
  if (f.fix) lines.push(...wrap(`Fix: ${f.fix}`, 74).map((l) => `    ${l}`))
  const evidence = evidenceOf(f)
  if (evidence) lines.push(...wrap(`Evidence: ${evidence}`, 74).map((l) => paint('dim', `    ${l}`, color)))
  return lines
}

/** The scalar evidence of a finding as `key=value` pairs, leaving out text the message or fix already says. */
function evidenceOf(f: Finding): string {
  const said = `${f.message} ${f.fix ?? ''}`
  return Object.entries(f.data)
    .filter(([k, v]) => k !== 'alternatives' && v !== null && typeof v !== 'object')
    .filter(([, v]) => typeof v !== 'string' || v.length < 12 || !said.includes(v))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
    .join(', ')
}

/** The terminal rendering of a report. `color` follows NO_COLOR and the TTY (style.ts). */
export function renderCheck(report: CheckReport, color: boolean): string {
  const head = `${paint('bold', 'apidx check', color)} · ${report.provider} ${report.service} ${report.version} · ${report.endpoint}${report.mock ? paint('dim', ` (emulator: ${report.mock})`, color) : ''}`
  const out = [head, '', ...chainLines(report, color), '']
  const width = 72
  if (report.rootCause) {
    const rc = report.rootCause
    const lines = [
      ...wrap(rc.message, width),
      '',
      ...wrap(`Fix: ${rc.fix ?? 'see the details below.'}`, width),
      ...(rc.retry ? wrap(RETRY_TEXT[rc.retry], width) : []),
    ]
    out.push(box(`Root cause: ${rc.code}`, lines, width, color, 'red'), '')
  } else {
    const warnings = report.findings.filter((f) => f.severity === 'warning').length
    out.push(
      box(
        'Healthy',
        wrap(
          `Every link of the chain works${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''} below)` : ''}. Total ${ms(report.timings.total)}.`,
          width,
        ),
        width,
        color,
        'green',
      ),
      '',
    )
  }
  const evidence = report.rootCause ? evidenceOf(report.rootCause) : ''
  if (evidence)
    out.push(
      paint('bold', 'Evidence:', color),
      ...wrap(evidence, 76).map((l) => paint('dim', `  ${l}`, color)),
      '',
    )
  const others = report.causes.slice(1)
  if (others.length) {
    out.push(paint('bold', 'Also possible:', color))
    for (const c of others)
      out.push(
        ...wrap(
          `${c.rank}. ${c.code} (${c.likelihood}): ${c.message}${c.fix ? ` Fix: ${c.fix}` : ''}`,
          76,
        ).map((l, i) => (i ? `     ${l}` : `  ${l}`)),
      )
    out.push('')
  }
  const details = report.findings.filter(
    (f) =>
      f !== report.rootCause &&
      !(report.rootCause && f.code === report.rootCause.code && f.probe === report.rootCause.probe),
  )
  if (details.length) {
    out.push(paint('bold', 'Details:', color))
    for (const f of details) out.push(...detail(f, color))
    out.push('')
  }
  const t = report.timings
  const names = report.protocol === 'http' ? HTTP_PHASES : WS_PHASES
  const phases = (['dns', 'tcp', 'tls', 'handshake', 'firstFrame'] as const)
    .filter((k) => t[k] !== undefined)
    .map((k) => `${names[k]} ${ms(t[k])}`)
  out.push(
    paint(
      'dim',
      `${phases.length ? `${phases.join(' · ')} · ` : ''}total ${ms(t.total)}${report.session.id ? ` · sid ${report.session.id}` : ''}`,
      color,
    ),
  )
  out.push(
    report.verdict === 'pass'
      ? paint('green', 'PASS', color)
      : paint('red', `FAIL: ${report.rootCause?.code ?? ''}`, color),
  )
  return out.join('\n')
}

/** One progress line for stderr on a TTY. */
export function renderProgress(link: string, status: string | undefined, color: boolean): string {
  return status
    ? `  ${paint(status === 'ok' ? 'green' : status === 'fail' ? 'red' : 'yellow', MARK[status as Link['status']] ?? '·', color)} ${link}`
    : paint('dim', `  … ${link}`, color)
}
