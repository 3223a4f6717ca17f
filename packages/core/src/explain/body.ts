// Recognises a vendor error frame or body: the code at a service's `response.errorCode` pointer, found
// in that service's table, with the frame's shape (its keys against the pack's example error frame)
// deciding between services that share a code — so `{"action":"error","code":"10105",…}` is rtasr.
import { getPointer } from '../engine/pointer.js'
import type { ProviderPack } from '../generated/index.js'
import { resolveError } from '../pack/error-entry.js'
import { entryMatch, type LookupContext, own, preferService } from './lookup.js'
import { maskSecrets } from './mask.js'
import type { ExplainMatch } from './types.js'

/** Matches of an error body, and the message it carried. */
export interface BodyMatches {
  matches: ExplainMatch[]
  /** The vendor message read at a matching service's `errorMessage` pointer (masked). */
  message?: string
}

/**
 * Every service whose error pointer finds a code its table (or a version's) knows, keeping only the
 * services whose example error frame fits the body best. One match per service.
 */
export function bodyMatches(packs: readonly ProviderPack[], body: unknown, ctx: LookupContext): BodyMatches {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { matches: [] }
  const keys = Object.keys(body)
  const best = new Map<string, { score: number; match: ExplainMatch; message?: string }>()
  for (const pack of packs) {
    for (const [sid, service] of Object.entries(pack.services)) {
      for (const [vid, version] of Object.entries(service.versions)) {
        const r = version.response
        if (!r?.errorCode) continue
        const raw = getPointer(body, r.errorCode)
        if (typeof raw !== 'string' && typeof raw !== 'number') continue
        const code = String(raw)
        if ((r.okCodes ?? []).some((ok) => String(ok) === code)) continue
        const fromVersion = own(version.errors, code)
        const entry = fromVersion ?? own(service.errors, code)
        if (!entry) continue
        const msg = r.errorMessage ? getPointer(body, r.errorMessage) : undefined
        const message = typeof msg === 'string' ? maskSecrets(msg.slice(0, 500)) : undefined
        const score = shapeScore(keys, r.examples?.errorFrame)
        const key = `${pack.id}\u0000${sid}`
        const prev = best.get(key)
        if (prev && prev.score >= score) continue
        const observed = { ...ctx, ...(message !== undefined ? { observedText: message } : {}) }
        // The message picks the meaning when the code has several; read unmasked, never shown.
        best.set(key, {
          score,
          message,
          match: entryMatch(
            pack,
            sid,
            service,
            fromVersion ? vid : undefined,
            code,
            resolveError(entry, msg),
            observed,
          ),
        })
      }
    }
  }
  const all = [...best.values()]
  const top = Math.max(...all.map((b) => b.score))
  const kept = all.filter((b) => b.score === top)
  return {
    matches: preferService(
      kept.map((b) => b.match),
      ctx.service,
    ),
    ...(kept[0]?.message !== undefined ? { message: kept[0].message } : {}),
  }
}

/** How well a body's top-level keys fit an example error frame: shared keys count up, keys the frame lacks count down. */
export function shapeScore(keys: readonly string[], example: unknown): number {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return 0
  let score = 0
  for (const k of keys) score += Object.prototype.hasOwnProperty.call(example, k) ? 1 : -1
  return score
}
