// Renders an `apidx explain` answer for the terminal. A pure function of the explanation: it looks
// nothing up, and it strips control characters from echoed input so a hostile body cannot drive the terminal.
import type { ExplainMatch, Explanation, GenericExplanation, RankedCause } from '@apidx/core'
import { sanitizeText } from '@apidx/core'
import { paint } from '../style.js'
import { RETRY_TEXT } from './retry.js'

const WIDTH = 88
const KIND: Record<Explanation['kind'], string> = {
  'vendor-code': 'vendor code',
  'http-status': 'HTTP status',
  'error-body': 'error body',
  symptom: 'symptom',
  'ws-close': 'WebSocket close code',
}

/** Echoed input and pack text on one line, through the core's one sanitiser (escape sequences removed). */
export const printable = (text: string): string => sanitizeText(text)

/** How the answer is laid out. */
export interface ExplainRenderOptions {
  /** Every match in full, however many (`--all`); else many matches are grouped by vendor, one line each. */
  all?: boolean
}

/** More matches than this (or matches of several vendors) are grouped unless --all. */
const FULL_LIMIT = 4
/** One-line entries shown per vendor when grouped. */
const PER_VENDOR = 3

/** The terminal text of an explanation. */
export function renderExplain(e: Explanation, color: boolean, options: ExplainRenderOptions = {}): string {
  const p = (style: Parameters<typeof paint>[0], t: string) => paint(style, t, color)
  const lines: string[] = []
  const input = printable(e.input)
  const head = input.length > 70 ? `${input.slice(0, 69)}…` : input
  lines.push(
    `${p('bold', head)}  ${p('gray', `(${KIND[e.kind]}${e.provider && !e.best?.provider ? ` · ${e.provider}` : ''}${e.best?.provider ? ` · ${e.best.provider}` : ''}${e.service && e.best?.source !== 'generic' ? ` · ${e.service}` : ''})`)}`,
  )
  lines.push(...renderAnswer(e, p))
  const vendors = new Set(e.matches.map((m) => m.provider))
  if (!options.all && (e.matches.length > FULL_LIMIT || (vendors.size > 1 && e.matches.length > 2)))
    return [...lines, ...renderGrouped(e, p)].join('\n')
  // Only error-table entries are per service; a pack-wide handshake rule is not another meaning of the code.
  const services = new Set(
    e.matches.filter((m) => m.via === 'error-table').map((m) => `${m.provider}/${m.service ?? ''}`),
  )
  if (services.size > 1) {
    const preferred = e.matches.find((m) => m.preferred)
    lines.push(
      p(
        'yellow',
        `The code means different things in ${services.size} services${preferred ? `; ${preferred.service} (--service) first` : '; pass --service to pick one'}.`,
      ),
    )
  }
  // The text names a vendor whose pack has no entry: its generic meaning is the answer, other packs' entries follow.
  const genericFirst = e.best?.source === 'generic' && e.generic !== undefined
  if (genericFirst) {
    lines.push('', ...renderGeneric(e.generic!, p, false))
    if (e.matches.length)
      lines.push(
        '',
        p('gray', `Entries of other packs (the text points at ${e.best!.provider ?? 'another vendor'}):`),
      )
  }
  for (const m of e.matches) lines.push('', ...renderMatch(m, p))
  if (e.generic && !genericFirst) lines.push('', ...renderGeneric(e.generic, p, e.matches.length > 0))
  if (!e.found) lines.push('', p('red', notFound(e)))
  if (e.suggestions?.length) {
    lines.push('', p('bold', 'Nearest:'))
    for (const s of e.suggestions) {
      const where = [s.provider, s.service].filter(Boolean).join(' › ')
      const what = s.code ? `${s.code} ${s.meaning ?? ''}`.trim() : ''
      lines.push(
        ...indent(
          wrap(`${where ? `${where}: ` : ''}${what ? `${what} — ` : ''}${s.reason}`, WIDTH - 4),
          '  • ',
          '    ',
        ),
      )
    }
  }
  for (const n of e.notes ?? []) lines.push('', p('gray', n))
  return lines.join('\n')
}

type Paint = (style: Parameters<typeof paint>[0], t: string) => string

/** The answer line, and when the vendor was chosen without --provider, the evidence that chose it. */
function renderAnswer(e: Explanation, p: Paint): string[] {
  const b = e.best
  if (!b || !e.vendors?.length) return []
  const what = [b.diagnosis, b.provider, b.code !== undefined ? `code ${b.code}` : '']
    .filter(Boolean)
    .join(' · ')
  const out = [
    `${p('bold', 'Answer:')} ${printable(what)}${b.source === 'generic' ? p('gray', ' (generic meaning)') : ''}`,
  ]
  for (const why of b.why.slice(0, 4)) out.push(...indent(wrap(why, WIDTH - 4), '  ↳ ', '    '))
  return out
}

/** Many matches: the first in full when it is the answer, the generic meaning first otherwise, then each vendor's entries one line each. */
function renderGrouped(e: Explanation, p: Paint): string[] {
  const out: string[] = []
  const lead = e.best?.source === 'pack' && e.kind !== 'http-status' ? e.matches[0] : undefined
  if (lead) out.push('', ...renderMatch(lead, p))
  if (e.generic) out.push('', ...renderGeneric(e.generic, p, Boolean(lead)))
  const rest = e.matches.filter((m) => m !== lead)
  const byVendor = new Map<string, ExplainMatch[]>()
  for (const m of rest) byVendor.set(m.provider, [...(byVendor.get(m.provider) ?? []), m])
  out.push(
    '',
    p(
      'bold',
      `${lead ? 'Other pack entries' : 'Pack entries'}, by vendor (${rest.length}; apidx explain … --all shows each in full, --provider <id> one vendor):`,
    ),
  )
  for (const ms of byVendor.values()) {
    out.push(
      `  ${p('bold', printable(ms[0]!.providerName))} ${p('gray', `· ${ms.length} ${ms.length === 1 ? 'entry' : 'entries'}`)}`,
    )
    for (const m of ms.slice(0, PER_VENDOR)) {
      const where =
        m.code !== undefined
          ? `${m.service ?? ''} ${m.code}`
          : `HTTP ${m.status}${m.service ? ` ${m.service}` : ''}`
      out.push(...indent(wrap(`${where}: ${m.meaning} → ${m.diagnosis}`, WIDTH - 6), '    • ', '      '))
    }
    if (ms.length > PER_VENDOR) out.push(p('gray', `      … ${ms.length - PER_VENDOR} more (--all)`))
  }
  for (const n of e.notes ?? []) out.push('', p('gray', n))
  return out
}

function renderMatch(m: ExplainMatch, p: Paint): string[] {
  const where = [
    printable(m.providerName),
    m.service ? `${m.service}${m.version ? ` ${m.version}` : ''}` : 'any service',
  ].join(' › ')
  const what = m.code !== undefined ? `code ${m.code}` : `HTTP ${m.status} handshake rule`
  const out = [`${p('bold', where)} ${p('gray', `· ${what}${m.preferred ? ' · --service' : ''}`)}`]
  if (m.messageContains !== undefined)
    out.push(
      ...indent(wrap(`When the message contains "${printable(m.messageContains)}":`, WIDTH - 2), '  ', '  '),
    )
  out.push(...indent(wrap(m.meaning, WIDTH - 2), '  ', '  '))
  if (m.vendorText) out.push(...indent(wrap(`Vendor text: ${m.vendorText}`, WIDTH - 2), '  ', '  '))
  if (m.observedText) out.push(...indent(wrap(`Your message: ${m.observedText}`, WIDTH - 2), '  ', '  '))
  out.push(...causes('Likely causes, most likely first:', m.causes, p))
  if (m.cause && !m.causes.some((c) => c.source === 'pack'))
    out.push(...indent(wrap(`In the pack's words: ${m.cause}`, WIDTH - 4), '    ', '    '))
  out.push(
    ...indent(wrap(`Fix: ${m.fix}`, WIDTH - 2), '  ', '  ').map((l, i) =>
      i === 0 ? l.replace('Fix:', p('green', 'Fix:')) : l,
    ),
  )
  if (m.retry) out.push(`  ${RETRY_TEXT[m.retry]}`)
  const facts = [`Diagnosis ${m.diagnosis}`, m.confidence ?? ''].filter(Boolean).join(' · ')
  out.push(`  Docs: ${printable(m.docs)}`, `  ${p('gray', printable(facts))}`)
  return out
}

function renderGeneric(g: GenericExplanation, p: Paint, afterPack: boolean): string[] {
  const out: string[] = []
  const title = afterPack ? 'In general' : 'Meaning'
  if (g.httpStatus)
    out.push(
      p('bold', `${title}: HTTP ${g.httpStatus.code} ${g.httpStatus.name}`),
      ...indent(wrap(g.httpStatus.meaning, WIDTH - 2), '  ', '  '),
    )
  if (g.wsClose)
    out.push(
      p('bold', `${title}: WebSocket close ${g.wsClose.code} ${g.wsClose.name}`),
      ...indent(wrap(g.wsClose.meaning, WIDTH - 2), '  ', '  '),
    )
  if (!g.httpStatus && !g.wsClose && g.symptom) out.push(p('bold', `Symptom: ${g.symptom.name}`))
  if (g.causes.length)
    out.push(
      ...causes(
        g.symptom && (g.httpStatus || g.wsClose)
          ? `Usual causes (${g.symptom.name}):`
          : 'Usual causes, most likely first:',
        g.causes,
        p,
      ),
    )
  return out
}

function causes(title: string, list: RankedCause[], p: Paint): string[] {
  if (!list.length) return []
  const out = [`  ${title}`]
  for (const c of list) {
    out.push(...indent(wrap(c.text, WIDTH - 7), `    ${c.rank}. `, '       '))
    if (c.evidence) out.push(`       ${p('yellow', `↳ ranked first: ${c.evidence}`)}`)
  }
  return out
}

function notFound(e: Explanation): string {
  if (e.kind === 'vendor-code') return `No pack searched knows the code ${printable(e.input)}.`
  if (e.kind === 'http-status') return `${printable(e.input)} is not an HTTP status apidx knows.`
  return 'Nothing apidx knows explains this input.'
}

/** Greedy word wrap of printable text (pack text too: an installed pack is third-party data); a word longer than the width (a URL) stays whole on its own line. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of printable(text).split(' ')) {
    if (!word) continue
    if (line && line.length + 1 + word.length > width) {
      out.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  out.push(line)
  return out
}

function indent(lines: string[], first: string, rest: string): string[] {
  return lines.map((l, i) => (i === 0 ? first : rest) + l)
}
