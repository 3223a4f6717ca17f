// `explain`: what a vendor code, HTTP status, WebSocket close code, error body or symptom means, from
// the packs given (as data) and the built-in generic tables. Pure: no I/O, no clock, no printing.
import { ApidxError } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'
import { nearest } from '../pack/target.js'
import { parseJson } from '../pack/safe-json.js'
import { httpStatus, wsClose } from './codes.js'
import { bestAnswer } from './best.js'
import { extract } from './extract/index.js'
import { codeMatches, type LookupContext, own, ruleMatches } from './lookup.js'
import { maskSecrets } from './mask.js'
import { rankMatches } from './rank.js'
import { suggestCodes } from './suggest.js'
import { SYMPTOMS, type Symptom, symptomForClose, symptomForStatus, symptomForText } from './symptoms.js'
import type { ExplainKind, ExplainMatch, Explanation, GenericExplanation, RankedCause } from './types.js'
import { vendorEvidence } from './vendor.js'

/** The largest input accepted, in bytes: an error body, not a log file. */
export const MAX_INPUT_BYTES = 64 * 1024
/** How much of the (masked) input the answer echoes. */
const ECHO_CHARS = 500
/** Shape of an error-table key (the schema's `propertyNames`), checked without a regex. */
const CODE_CHARS = new Set('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.:-')

export interface ExplainOptions {
  /** The service the user named; its meaning comes first, other services' rules are left out. */
  service?: string
}

/**
 * Explains `input` using `packs` (every pack to search: the one named by --provider, or all).
 * Throws ApidxError `ERR_USAGE` for an empty or oversized input and `ERR_TARGET` for a service no
 * pack has. `found` is false when nothing explains the input.
 */
export function explain(
  input: string,
  packs: readonly ProviderPack[],
  options: ExplainOptions = {},
): Explanation {
  checkInputSize(Buffer.byteLength(input, 'utf8'))
  const text = input.trim()
  if (!text)
    throw new ApidxError('ERR_USAGE', 'Nothing to explain: the input is empty.', {
      suggestions: ['Pass a vendor code, an HTTP status, an error body, or a symptom such as "timeout".'],
    })
  checkService(packs, options.service)
  const lower = text.toLowerCase()
  const ctx: LookupContext = {
    ...(options.service !== undefined ? { service: options.service } : {}),
    observed: lower,
  }
  const echo = maskSecrets(text).slice(0, ECHO_CHARS)
  const make = (
    kind: ExplainKind,
    matches: ExplainMatch[],
    generic?: GenericExplanation,
    extra: Partial<Explanation> = {},
  ): Explanation =>
    summarise({
      input: echo,
      kind,
      found: matches.length > 0 || generic !== undefined,
      matches,
      ...(generic ? { generic } : {}),
      ...extra,
    })

  if (isDigits(text) && text.length === 3) {
    const status = Number(text)
    const generic = statusGeneric(status)
    return make(
      'http-status',
      [...ruleMatches(packs, { status }, ctx), ...codeMatches(packs, text, ctx)],
      generic,
    )
  }
  if (isDigits(text) && wsClose(Number(text))) {
    const close = wsClose(Number(text))!
    const symptom = symptomForClose(close.code)
    const generic: GenericExplanation = {
      wsClose: close,
      ...(symptom ? { symptom: { id: symptom.id, name: symptom.name } } : {}),
      causes: symptom ? ranked(symptom) : [],
    }
    const matches = codeMatches(packs, text, ctx)
    return make(matches.length ? 'vendor-code' : 'ws-close', matches, generic)
  }
  const statusPrefix = leadingStatus(text)
  if (statusPrefix) return explainText(statusPrefix.body, packs, ctx, make, statusPrefix.status)
  if (text.startsWith('{') || text.startsWith('[')) return explainText(text, packs, ctx, make)
  if (isCodeLike(text)) {
    const matches = codeMatches(packs, text, ctx)
    if (matches.length) return make('vendor-code', matches)
    const symptom = symptomForText(lower)
    if (symptom) return make('symptom', [], symptomGeneric(symptom))
    if (hasDigit(text))
      return make('vendor-code', [], undefined, { suggestions: suggestCodes(packs, text, options.service) })
  }
  return explainText(text, packs, ctx, make)
}

/**
 * Throws ApidxError `ERR_USAGE` for an input over MAX_INPUT_BYTES, naming its real size: a reader that
 * keeps only the first bytes (stdin) passes the count of every byte it was sent, or `stoppedAt` when it
 * stopped counting.
 */
export function checkInputSize(bytes: number, stoppedAt?: number): void {
  if (bytes > MAX_INPUT_BYTES)
    throw new ApidxError(
      'ERR_USAGE',
      `The input is ${stoppedAt !== undefined ? `over ${stoppedAt}` : bytes} bytes; explain takes at most ${MAX_INPUT_BYTES}.`,
      { suggestions: ['Pass the error code, the status, or the error body alone.'] },
    )
}

type Make = (
  kind: ExplainKind,
  matches: ExplainMatch[],
  generic?: GenericExplanation,
  extra?: Partial<Explanation>,
) => Explanation

/**
 * Pasted text of any form (a JSON body, an SDK exception, a log line): candidates are extracted, the
 * packs scored by the evidence the text holds, the matches ranked; the generic symptom comes last.
 */
function explainText(
  body: string,
  packs: readonly ProviderPack[],
  ctx: LookupContext,
  make: Make,
  leading?: number,
): Explanation {
  const extracted = extract(body)
  if (leading !== undefined && !extracted.statuses.includes(leading)) extracted.statuses.unshift(leading)
  const vendors = vendorEvidence(packs, extracted.views.join('\n'), extracted)
  const matches = rankMatches(packs, body, extracted, vendors, ctx)
  // Without a status in the text, the status of the matching rules, when they agree and no frame matched.
  const ruleStatuses = new Set(matches.map((m) => m.status))
  const status =
    extracted.statuses[0] ??
    (ruleStatuses.size === 1 && matches.every((m) => m.via === 'handshake-rule')
      ? matches[0]?.status
      : undefined)
  const symptom = symptomForText(body.toLowerCase())
  let generic = status !== undefined ? statusGeneric(status, symptom) : undefined
  if (!generic && symptom) generic = symptomGeneric(symptom)
  const braces = body.startsWith('{') || body.startsWith('[')
  const notes: string[] = []
  if (braces && !extracted.objects.length) {
    const parsed = parseJson(body, { maxBytes: MAX_INPUT_BYTES, maxDepth: 32 })
    if (!parsed.ok)
      notes.push(
        `The input is not valid JSON (${parsed.issues[0]?.message ?? 'unreadable'}); it was searched as text.`,
      )
  }
  // Plain words that only the symptom table explains ("parse error") are a symptom, not a body.
  const kind: ExplainKind =
    !matches.length &&
    symptom &&
    !braces &&
    status === undefined &&
    !extracted.codes.some((c) => c.weight >= 2)
      ? 'symptom'
      : 'error-body'
  const extra: Partial<Explanation> = {
    ...(notes.length ? { notes } : {}),
    vendors: vendors
      .filter((v) => v.score > 0)
      .map(({ provider, score, evidence }) => ({ provider, score, evidence })),
    recognised: {
      forms: extracted.forms,
      codes: extracted.codes.map((c) => c.value).slice(0, 20),
      statuses: extracted.statuses.slice(0, 5),
      requestIds: extracted.requestIds.map((r) => maskSecrets(r).slice(0, 80)).slice(0, 5),
    },
  }
  const best = bestAnswer(matches, generic, vendors)
  if (best) extra.best = best
  if (!matches.length && !generic)
    extra.suggestions = [
      {
        reason: `Nothing in the packs searched (${packs.map((p) => p.id).join(', ') || 'none'}) matches this input. Pass the vendor code alone, the HTTP status, or a symptom apidx knows: ${SYMPTOMS.map((s) => s.id).join(', ')}.`,
      },
    ]
  return make(kind, matches, generic, extra)
}

/** The generic meaning of a status and the causes of the symptom it shows. */
function statusGeneric(status: number, fromText?: Symptom): GenericExplanation | undefined {
  const http = httpStatus(status)
  const symptom = fromText ?? symptomForStatus(status)
  if (!http && !symptom) return undefined
  return {
    ...(http ? { httpStatus: http } : {}),
    ...(symptom ? { symptom: { id: symptom.id, name: symptom.name } } : {}),
    causes: symptom ? ranked(symptom) : [],
  }
}

function symptomGeneric(s: Symptom): GenericExplanation {
  return { symptom: { id: s.id, name: s.name }, causes: ranked(s) }
}

function ranked(s: Symptom): RankedCause[] {
  return s.causes.map((text, i) => ({ rank: i + 1, text, source: 'generic' as const }))
}

/** Sets `provider` and `service` when every match agrees on them. */
function summarise(e: Explanation): Explanation {
  if (!e.best) {
    const best = bestAnswer(e.matches, e.generic, [])
    if (best) e.best = best
  }
  const providers = new Set(e.matches.map((m) => m.provider))
  const services = new Set(e.matches.map((m) => m.service))
  if (providers.size === 1) e.provider = e.matches[0]!.provider
  if (services.size === 1 && e.matches[0]!.service !== undefined) e.service = e.matches[0]!.service
  return e
}

function checkService(packs: readonly ProviderPack[], service: string | undefined): void {
  if (service === undefined || packs.some((p) => own(p.services, service) !== undefined)) return
  const names = [...new Set(packs.flatMap((p) => Object.keys(p.services)))]
  throw new ApidxError(
    'ERR_TARGET',
    `No service "${service}" in ${packs.length === 1 ? `the ${packs[0]!.id} pack` : 'any pack'}.`,
    { suggestions: nearest(service, names, 'service') },
  )
}

/** `401 {"message":…}`: a status, a space, then the body. */
function leadingStatus(text: string): { status: number; body: string } | undefined {
  const head = text.slice(0, 3)
  if (!isDigits(head) || (text[3] !== ' ' && text[3] !== '\t' && text[3] !== '\n')) return undefined
  const status = Number(head)
  if (status < 100 || status > 599) return undefined
  const body = text.slice(4).trim()
  return body ? { status, body } : undefined
}

function isDigits(s: string): boolean {
  if (!s.length) return false
  for (const c of s) if (c < '0' || c > '9') return false
  return true
}

function hasDigit(s: string): boolean {
  for (const c of s) if (c >= '0' && c <= '9') return true
  return false
}

function isCodeLike(s: string): boolean {
  if (s.length > 40) return false
  for (const c of s) if (!CODE_CHARS.has(c)) return false
  return true
}
