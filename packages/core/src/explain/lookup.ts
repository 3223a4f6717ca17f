// Lookups in provider packs as data: every error-table entry for a code (codes are per service, and a
// version's table overrides its service's), and every handshake rule for a status or a body.
import type { HandshakeRule, ProviderPack, Service, VendorError } from '../generated/index.js'
import { resolveError, variantMessage, type ResolvedError } from '../pack/error-entry.js'
import { retryFor } from '../diagnose/retry.js'
import { rankCauses } from './causes.js'
import type { ExplainMatch } from './types.js'

/** Context of one lookup: which service the user named, and their input for evidence. */
export interface LookupContext {
  service?: string
  /** Lower-cased, capped input: phrases in it rank causes first. */
  observed?: string
  /** The message the input carried (masked), kept on the match. */
  observedText?: string
}

/** Own-property read, so a code such as `constructor` never reaches Object.prototype. */
export function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

/** The error tables of a service, version tables first (each with its version id), then the service's. */
export function errorTables(service: Service): { version?: string; table: Record<string, VendorError> }[] {
  const tables: { version?: string; table: Record<string, VendorError> }[] = []
  for (const [id, v] of Object.entries(service.versions))
    if (v.errors) tables.push({ version: id, table: v.errors })
  if (service.errors) tables.push({ table: service.errors })
  return tables
}

/** Every entry for `code` in the packs' error tables: one per service, plus version tables that say something else. */
export function codeMatches(
  packs: readonly ProviderPack[],
  code: string,
  ctx: LookupContext,
): ExplainMatch[] {
  const out: ExplainMatch[] = []
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      const entries = errorTables(service).flatMap((t) => {
        const e = own(t.table, code)
        return e ? [{ version: t.version, entry: e }] : []
      })
      const serviceEntry = entries.find((e) => e.version === undefined)
      for (const { version, entry } of entries) {
        if (version !== undefined && serviceEntry && serviceEntry.entry.meaning === entry.meaning) continue
        out.push(entryMatch(pack, sid, service, version, code, resolveError(entry), ctx))
        // A bare code says nothing of its message: show every meaning the message can select.
        entry.byMessage?.forEach((_, i) =>
          out.push(
            entryMatch(pack, sid, service, version, code, resolveError(entry, variantMessage(entry, i)), ctx),
          ),
        )
      }
    }
  }
  return preferService(out, ctx.service)
}

/**
 * Entries one of whose `byMessage` fragments the text quotes: a log line such as "BadRequestException:
 * The request signature we calculated does not match…" names the meaning even without its code's field.
 */
export function messageMatches(
  packs: readonly ProviderPack[],
  text: string,
  ctx: LookupContext,
): ExplainMatch[] {
  const out: ExplainMatch[] = []
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      for (const { version, table } of errorTables(service)) {
        for (const [code, entry] of Object.entries(table)) {
          const resolved = resolveError(entry, text)
          if (resolved.variant !== undefined)
            out.push(entryMatch(pack, sid, service, version, code, resolved, ctx))
        }
      }
    }
  }
  return preferService(out, ctx.service)
}

/** An error-table entry, resolved for the message when it has one (resolveError), as a match. */
export function entryMatch(
  pack: ProviderPack,
  sid: string,
  service: Service,
  version: string | undefined,
  code: string,
  e: ResolvedError,
  ctx: LookupContext,
): ExplainMatch {
  const diagnosis = e.diagnosis ?? 'vendor/error'
  return {
    provider: pack.id,
    providerName: pack.name,
    service: sid,
    serviceTitle: service.title,
    ...(version !== undefined ? { version } : {}),
    code,
    via: 'error-table',
    meaning: e.meaning,
    ...(e.vendorText !== undefined ? { vendorText: e.vendorText } : {}),
    ...(e.contains !== undefined ? { messageContains: e.contains } : {}),
    ...(ctx.observedText !== undefined ? { observedText: ctx.observedText } : {}),
    causes: rankCauses({
      packText: [e.cause ?? '', e.meaning, e.fix],
      diagnosis,
      packCause: e.cause,
      observed: ctx.observed,
    }),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
    fix: e.fix,
    docs: e.source,
    diagnosis,
    ...(e.retryable !== undefined ? { retryable: e.retryable } : {}),
    retry: retryFor(diagnosis, e.retryable),
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
    ...(ctx.service === sid ? { preferred: true } : {}),
  }
}

/** A pack's handshake rules with where they live: version rules, then service rules, then pack-wide. */
export function allRules(pack: ProviderPack): { service?: string; version?: string; rule: HandshakeRule }[] {
  const out: { service?: string; version?: string; rule: HandshakeRule }[] = []
  for (const [sid, s] of Object.entries(pack.services)) {
    for (const [vid, v] of Object.entries(s.versions))
      for (const rule of v.handshakeErrors ?? []) out.push({ service: sid, version: vid, rule })
  }
  for (const [sid, s] of Object.entries(pack.services))
    for (const rule of s.handshakeErrors ?? []) out.push({ service: sid, rule })
  for (const rule of pack.handshakeErrors ?? []) out.push({ rule })
  return out
}

/**
 * Handshake rules matching a status and/or a body. With a body, a rule matches when the body contains
 * its `bodyContains` (plain, case-sensitive, as the probes match), longest first: the most specific
 * rule explains the body best. With a status alone, every rule for that status, in pack order,
 * pack-wide rules before one service's. With --service, rules of other services are left out.
 */
export function ruleMatches(
  packs: readonly ProviderPack[],
  sel: { status?: number; body?: string },
  ctx: LookupContext,
): ExplainMatch[] {
  const found: { m: ExplainMatch; specificity: number; scoped: number; order: number }[] = []
  for (const pack of packs) {
    for (const { service, version, rule } of allRules(pack)) {
      if (sel.status !== undefined && rule.status !== sel.status) continue
      if (
        sel.body !== undefined &&
        (rule.bodyContains === undefined || !sel.body.includes(rule.bodyContains))
      )
        continue
      if (
        ctx.service !== undefined &&
        service !== undefined &&
        service !== ctx.service &&
        ownsService(packs, ctx.service)
      )
        continue
      // Without --service, a rule of one service is less likely the user's than a pack-wide one.
      const scoped = service !== undefined && ctx.service === undefined ? 1 : 0
      found.push({
        m: ruleMatch(pack, service, version, rule, ctx),
        specificity: sel.body !== undefined ? (rule.bodyContains?.length ?? 0) : 0,
        scoped,
        order: found.length,
      })
    }
  }
  found.sort((a, b) => b.specificity - a.specificity || a.scoped - b.scoped || a.order - b.order)
  return preferService(
    found.map((f) => f.m),
    ctx.service,
  )
}

function ownsService(packs: readonly ProviderPack[], service: string): boolean {
  return packs.some((p) => own(p.services, service) !== undefined)
}

function ruleMatch(
  pack: ProviderPack,
  sid: string | undefined,
  version: string | undefined,
  r: HandshakeRule,
  ctx: LookupContext,
): ExplainMatch {
  const service = sid !== undefined ? own(pack.services, sid) : undefined
  return {
    provider: pack.id,
    providerName: pack.name,
    ...(sid !== undefined ? { service: sid, serviceTitle: service?.title ?? sid } : {}),
    ...(version !== undefined ? { version } : {}),
    status: r.status,
    via: 'handshake-rule',
    meaning: r.meaning,
    ...(ctx.observedText !== undefined ? { observedText: ctx.observedText } : {}),
    causes: rankCauses({
      packText: [r.cause ?? '', r.meaning, r.fix],
      diagnosis: r.diagnosis,
      packCause: r.cause,
      observed: ctx.observed,
    }),
    ...(r.cause !== undefined ? { cause: r.cause } : {}),
    fix: r.fix,
    docs: r.source,
    diagnosis: r.diagnosis,
    retry: retryFor(r.diagnosis),
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
    ...(ctx.service !== undefined && ctx.service === sid ? { preferred: true } : {}),
  }
}

/** Stable reorder: the user's service first, everything else as found. */
export function preferService(matches: ExplainMatch[], service: string | undefined): ExplainMatch[] {
  if (service === undefined) return matches
  return [...matches.filter((m) => m.service === service), ...matches.filter((m) => m.service !== service)]
}
