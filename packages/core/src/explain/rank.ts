// From extracted candidates to ranked pack matches. Each way of matching has a tier (a code at the
// service's own error pointer is the most specific, a handshake rule for a status alone the least); a
// vendor the text itself names comes first; a generic symptom never outranks a pack entry.
import type { ProviderPack } from '../generated/index.js'
import { resolveError } from '../pack/error-entry.js'
import { bodyMatches } from './body.js'
import type { Extracted } from './extract/index.js'
import { entryMatch, errorTables, type LookupContext, messageMatches, own, ruleMatches } from './lookup.js'
import type { ExplainMatch } from './types.js'
import { namedVendor, type VendorEvidence } from './vendor.js'

/** How specific each way of matching is; higher explains the input better. */
export const TIER = {
  frame: 6,
  code: 5,
  exceptionName: 4.5,
  rule: 4,
  codeWord: 4,
  relatedCode: 3.5,
  message: 3,
  messageOtherCode: 1.5,
  statusRule: 1,
} as const

/** The spellings of a code to look up, best first: as written, without a `Error` suffix some SDKs add, its parent. */
export function codeVariants(code: string): { code: string; how: 'exact' | 'suffix' | 'parent' }[] {
  const out: { code: string; how: 'exact' | 'suffix' | 'parent' }[] = [{ code, how: 'exact' }]
  if (code.length > 5 && code.endsWith('Error')) out.push({ code: code.slice(0, -5), how: 'suffix' })
  const dot = code.lastIndexOf('.')
  if (dot > 0) out.push({ code: code.slice(0, dot), how: 'parent' })
  return out
}

interface Ranked {
  m: ExplainMatch
  tier: number
  order: number
}

/** Every match the candidates find, most specific first, the named vendor's first. */
export function rankMatches(
  packs: readonly ProviderPack[],
  text: string,
  extracted: Extracted,
  vendors: readonly VendorEvidence[],
  ctx: LookupContext,
): ExplainMatch[] {
  const found: Ranked[] = []
  const add = (m: ExplainMatch, tier: number) => found.push({ m, tier, order: found.length })
  for (const o of extracted.objects) for (const m of bodyMatches(packs, o, ctx).matches) add(m, TIER.frame)
  // A code a frame matched is explained by the service the frame's shape chose, not by every service.
  const framed = new Set(found.map((r) => r.m.code))
  const knownCodes = new Set<string>(framed as Set<string>)
  for (const c of extracted.codes) {
    if (framed.has(c.value)) continue
    const tier = c.weight >= 3 ? TIER.code : c.weight === 2 ? TIER.exceptionName : TIER.codeWord
    for (const v of codeVariants(c.value)) {
      const ms = codeMatchesFor(packs, v.code, text, ctx)
      if (!ms.length) continue
      knownCodes.add(v.code)
      ms.forEach((m) =>
        add(
          v.how === 'parent' ? { ...m, inputCode: c.value } : m,
          v.how === 'exact' ? tier : TIER.relatedCode,
        ),
      )
      break
    }
  }
  const status = extracted.statuses[0]
  for (const m of ruleMatches(packs, { body: text }, ctx))
    if (status === undefined || m.status === status) add(m, TIER.rule)
  // The message picks an entry only when no frame carried a code.
  if (!framed.size)
    for (const m of [...messageMatches(packs, text, ctx), ...vendorTextMatches(packs, text, ctx)])
      add(m, knownCodes.size && !knownCodes.has(m.code ?? '') ? TIER.messageOtherCode : TIER.message)
  // A status alone says little: its rules are listed only when nothing more specific matched.
  if (status !== undefined && !found.length)
    for (const m of ruleMatches(packs, { status }, ctx)) add(m, TIER.statusRule)
  return order(dedupe(found), vendors, ctx.service)
}

/** Every table entry for a code, its meaning picked by the text when the entry has message variants. */
function codeMatchesFor(
  packs: readonly ProviderPack[],
  code: string,
  text: string,
  ctx: LookupContext,
): ExplainMatch[] {
  const out: ExplainMatch[] = []
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      const seen = new Set<string>()
      for (const t of errorTables(service)) {
        const entry = own(t.table, code)
        if (!entry) continue
        const resolved = resolveError(entry, text)
        if (seen.has(resolved.meaning)) continue
        seen.add(resolved.meaning)
        out.push(entryMatch(pack, sid, service, t.version, code, resolved, ctx))
      }
    }
  }
  return out
}

/** Entries whose vendor text (the message the vendor sends) the input quotes, case-insensitively. */
function vendorTextMatches(packs: readonly ProviderPack[], text: string, ctx: LookupContext): ExplainMatch[] {
  const lower = text.toLowerCase()
  const out: ExplainMatch[] = []
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      for (const { version, table } of errorTables(service)) {
        for (const [code, entry] of Object.entries(table)) {
          const said = quotable(entry.vendorText)
          if (said && lower.includes(said))
            out.push(entryMatch(pack, sid, service, version, code, resolveError(entry, text), ctx))
        }
      }
    }
  }
  return out
}

/** A vendor text worth searching for: lower case, without its final full stop, long enough to be specific. */
function quotable(vendorText: string | undefined): string | undefined {
  if (!vendorText) return undefined
  const t = vendorText
    .trim()
    .toLowerCase()
    .replace(/[.。]$/u, '')
  return t.length >= 16 ? t : undefined
}

/** One match per provider, service, code (or rule) and meaning: the best-tiered one. */
function dedupe(found: Ranked[]): Ranked[] {
  const best = new Map<string, Ranked>()
  for (const r of found) {
    const key = [
      r.m.provider,
      r.m.service ?? '',
      r.m.version ?? '',
      r.m.code ?? `rule:${r.m.status}`,
      r.m.meaning,
    ].join('\u0000')
    const prev = best.get(key)
    if (!prev || prev.tier < r.tier) best.set(key, r)
  }
  return [...best.values()]
}

/**
 * The named vendor's matches only, when it has any (the text said whose error it is); else every match.
 * Then by tier, by vendor score, by the user's service, as found.
 */
function order(
  found: Ranked[],
  vendors: readonly VendorEvidence[],
  service: string | undefined,
): ExplainMatch[] {
  const named = namedVendor(vendors)
  if (named !== undefined && found.some((r) => r.m.provider === named))
    found = found.filter((r) => r.m.provider === named)
  const score = new Map(vendors.map((v) => [v.provider, v.score]))
  return found
    .sort(
      (a, b) =>
        Number(b.m.provider === named) - Number(a.m.provider === named) ||
        b.tier - a.tier ||
        (score.get(b.m.provider) ?? 0) - (score.get(a.m.provider) ?? 0) ||
        Number(b.m.service === service && service !== undefined) -
          Number(a.m.service === service && service !== undefined) ||
        a.order - b.order,
    )
    .map((r) => r.m)
}
