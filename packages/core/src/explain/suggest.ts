// Suggestions for a code no table holds: services whose tables have codes of the same family, and
// the numerically closest codes — the usual reasons are a typo, or the code of a sibling service.
import type { ProviderPack } from '../generated/index.js'
import { errorTables } from './lookup.js'
import type { ExplainSuggestion } from './types.js'

/** How many numerically close codes to list. */
const CLOSE_LIMIT = 5
/** The furthest a code can be to count as close. */
const CLOSE_DISTANCE = 100

interface KnownCode {
  provider: string
  service: string
  code: string
  meaning: string
}

/** Every code of every table, one row per service and code. */
function knownCodes(packs: readonly ProviderPack[]): KnownCode[] {
  const rows = new Map<string, KnownCode>()
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      for (const { table } of errorTables(service)) {
        for (const [code, e] of Object.entries(table)) {
          const key = `${pack.id}\u0000${sid}\u0000${code}`
          if (!rows.has(key)) rows.set(key, { provider: pack.id, service: sid, code, meaning: e.meaning })
        }
      }
    }
  }
  return [...rows.values()]
}

/** A code's family: all but its last two characters (`10165` → `101xx`); short codes have none. */
export function family(code: string): string | undefined {
  return code.length >= 4 ? `${code.slice(0, -2)}xx` : undefined
}

/**
 * Suggestions for an unknown code: first each service with codes of the same family (the user's
 * service first), then the closest numeric codes. Deterministic: ties keep pack and table order.
 */
export function suggestCodes(
  packs: readonly ProviderPack[],
  code: string,
  service?: string,
): ExplainSuggestion[] {
  const known = knownCodes(packs)
  const out: ExplainSuggestion[] = []
  const fam = family(code)
  if (fam) {
    const byService = new Map<string, KnownCode[]>()
    for (const k of known) {
      if (k.code.length !== code.length || family(k.code) !== fam) continue
      const key = `${k.provider}\u0000${k.service}`
      byService.set(key, [...(byService.get(key) ?? []), k])
    }
    const groups = [...byService.values()].sort(
      (a, b) => Number(b[0]!.service === service) - Number(a[0]!.service === service),
    )
    for (const g of groups) {
      const first = g[0]!
      const codes = g.map((k) => k.code).sort(byCode)
      out.push({
        provider: first.provider,
        service: first.service,
        reason: `same family (${fam}): ${codes.length} code${codes.length === 1 ? '' : 's'}, ${codes.slice(0, 6).join(', ')}${codes.length > 6 ? ', …' : ''}`,
      })
    }
  }
  const n = Number(code)
  if (/^-?\d{1,15}$/.test(code)) {
    const close = known
      .filter((k) => /^-?\d{1,15}$/.test(k.code) && Math.abs(Number(k.code) - n) <= CLOSE_DISTANCE)
      .map((k) => ({ k, d: Math.abs(Number(k.code) - n), mine: k.service === service }))
      .sort((a, b) => a.d - b.d || Number(b.mine) - Number(a.mine))
      .slice(0, CLOSE_LIMIT)
    for (const { k } of close) {
      const diff = Number(k.code) - n
      out.push({
        provider: k.provider,
        service: k.service,
        code: k.code,
        meaning: k.meaning,
        reason: `numerically close (${diff > 0 ? '+' : ''}${diff})`,
      })
    }
  }
  return out
}

/** Numeric codes by value, others after them by text. */
function byCode(a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}
