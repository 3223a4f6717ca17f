// Pieces of the HTML report: escaping, the timing waterfall and the evidence list. Pure functions of a
// report; all text in it was made safe when the report was built, and is escaped here for HTML.
import type { CheckReport, Finding } from '@apidx/core'
import { ms } from './check.js'

/** Escapes text for HTML content and attribute values; drops control characters. */
export function esc(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}

/** The phases of the one connection, in the order they happen, with the report's names for them. */
const PHASES = [
  ['dns', 'DNS lookup'],
  ['tcp', 'TCP connect'],
  ['tls', 'TLS handshake'],
  ['handshake', 'Request to response head'],
  ['firstFrame', 'First frame or body'],
] as const

/** One bar of the waterfall: where it starts and how long it lasts, in ms from the start of the run. */
export interface WaterfallBar {
  phase: string
  label: string
  start: number
  duration: number
}

/**
 * The waterfall's bars: each measured phase starts where the previous one ended; the rest of the run
 * (probes, the session, closing) is the last bar, so the bars add up to the total.
 */
export function waterfallBars(r: CheckReport): WaterfallBar[] {
  const bars: WaterfallBar[] = []
  let at = 0
  for (const [phase, label] of PHASES) {
    const d = r.timings[phase]
    if (d === undefined) continue
    bars.push({ phase, label, start: at, duration: d })
    at += d
  }
  const rest = r.timings.total - at
  if (rest > 0) bars.push({ phase: 'rest', label: 'Probes, session and close', start: at, duration: rest })
  return bars
}

/** The waterfall as a table: readable by a screen reader, drawn as bars by CSS. */
export function waterfallHtml(r: CheckReport, h: number): string {
  const bars = waterfallBars(r)
  const total = Math.max(r.timings.total, 1)
  const pct = (v: number) => `${Math.min(100, (v / total) * 100).toFixed(2)}%`
  const rows = bars.map(
    (b) =>
      `<tr><th scope="row">${esc(b.label)}</th><td class="num">${ms(b.start)}</td><td class="num">${ms(b.duration)}</td>` +
      `<td class="track"><span class="bar ${b.phase}" style="margin-left:${pct(b.start)};width:${pct(b.duration)}"></span></td></tr>`,
  )
  return `<section aria-labelledby="timing-${id(r)}"><h${h} id="timing-${id(r)}">Timing</h${h}>
<table class="waterfall"><caption>Phases of the connection in order, each starting where the previous ended; total ${ms(r.timings.total)}.</caption>
<thead><tr><th scope="col">phase</th><th scope="col">starts at</th><th scope="col">lasts</th><th scope="col"><span class="visually-hidden">bar</span></th></tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`
}

/** Every finding with its evidence (the data the probe observed) as a definition list. */
export function evidenceHtml(r: CheckReport, h: number): string {
  if (!r.findings.length) return ''
  const items = r.findings.map((f) => `<li class="finding ${f.severity}">${findingHtml(f)}</li>`)
  return `<section aria-labelledby="evidence-${id(r)}"><h${h} id="evidence-${id(r)}">Evidence</h${h}><ul class="findings">${items.join('')}</ul></section>`
}

function findingHtml(f: Finding): string {
  const data = Object.entries(f.data)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</dd>`)
  return (
    `<p><span class="severity">${f.severity}</span> <code>${esc(f.code)}</code> from the <em>${esc(f.probe)}</em> probe: ${esc(f.message)}</p>` +
    (f.fix ? `<p class="fix"><strong>Fix:</strong> ${esc(f.fix)}</p>` : '') +
    (data.length ? `<dl>${data.join('')}</dl>` : '')
  )
}

/** A stable id fragment for one report's headings (several reports share a fleet page). */
export function id(r: CheckReport): string {
  return `${r.provider}-${r.service}-${r.version}`.replace(/[^A-Za-z0-9-]/g, '-')
}
