// Vendor detection for `explain` without --provider: each pack is scored by the evidence the text holds
// for it — its hosts, its fingerprints (SDK and exception names, XML namespaces, request-id shapes)
// and the codes only its tables know — and every point of evidence is kept in words, so the answer can
// say why a vendor was chosen. Plain substring search only: the input is untrusted.
import type { Fingerprint, ProviderPack } from '../generated/index.js'
import type { Extracted } from './extract/index.js'
import { errorTables, own } from './lookup.js'

/** The evidence for one pack. */
export interface VendorEvidence {
  provider: string
  /** Sum of the weights below; 0 when nothing points at the pack. */
  score: number
  /** What is not a code: hosts, fingerprints, request-id shapes. A vendor with 3 or more is named by the text itself. */
  textScore: number
  /** Each piece of evidence in words, strongest first. */
  evidence: string[]
}

/** How much each kind of evidence counts. */
export const EVIDENCE_WEIGHT = { host: 4, fingerprint: 3, uniqueCode: 3, sharedCode: 1, requestIdShape: 1 }
/** The text score from which a vendor counts as named by the text, whatever the codes say. */
export const NAMED_BY_TEXT = 3

type Shape = NonNullable<Fingerprint['requestIdShape']>

/** Request-id shapes, checked without regular expressions. */
const SHAPES: Readonly<Record<Shape, (id: string) => boolean>> = {
  'uuid-lower': (id) => isUuid(id, 'lower'),
  'uuid-upper': (id) => isUuid(id, 'upper'),
  'hex24-upper': (id) => id.length === 24 && [...id].every((c) => isHex(c, 'upper')),
  'xfyun-sid': (id) => {
    const at = id.indexOf('@dx')
    return at >= 6 && at <= 20 && /^[a-z]{3}$/.test(id.slice(0, 3))
  },
}

function isHex(c: string, letterCase: 'lower' | 'upper'): boolean {
  return (c >= '0' && c <= '9') || (letterCase === 'lower' ? c >= 'a' && c <= 'f' : c >= 'A' && c <= 'F')
}

function isUuid(id: string, letterCase: 'lower' | 'upper'): boolean {
  if (id.length !== 36) return false
  let letters = false
  for (let i = 0; i < 36; i++) {
    const c = id[i]!
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== '-') return false
    } else if (!isHex(c, letterCase)) return false
    else if (c > '9') letters = true
  }
  return letters
}

/** The host suffixes of a pack (`*.amazonaws.com` → `amazonaws.com`). */
function hostNames(pack: ProviderPack): string[] {
  return pack.hosts.map((h) => (h.startsWith('*.') ? h.slice(2) : h))
}

/** Which packs' tables know a code (or its parent, `Throttling` for `Throttling.User`). */
export function codeOwners(packs: readonly ProviderPack[], code: string): string[] {
  return packs
    .filter((p) =>
      Object.values(p.services).some((s) => errorTables(s).some((t) => own(t.table, code) !== undefined)),
    )
    .map((p) => p.id)
}

/** Scores every pack for the text, best first (ties keep pack order). */
export function vendorEvidence(
  packs: readonly ProviderPack[],
  text: string,
  extracted: Extracted,
): VendorEvidence[] {
  const lower = text.toLowerCase()
  const owners = new Map(
    extracted.codes.filter((c) => c.weight >= 2).map((c) => [c.value, codeOwners(packs, c.value)]),
  )
  const scored = packs.map((pack) => {
    const items: { weight: number; text: string; fromText: boolean }[] = []
    for (const host of hostNames(pack)) {
      if (hostIn(lower, host))
        items.push({ weight: EVIDENCE_WEIGHT.host, text: `host ${host}`, fromText: true })
    }
    for (const f of pack.fingerprints ?? []) {
      if (f.contains !== undefined && text.includes(f.contains))
        items.push({
          weight: EVIDENCE_WEIGHT.fingerprint,
          text: `${f.what} ("${f.contains}")`,
          fromText: true,
        })
      const shape = f.requestIdShape
      if (shape !== undefined && extracted.requestIds.some((id) => SHAPES[shape](id)))
        items.push({ weight: EVIDENCE_WEIGHT.requestIdShape, text: f.what, fromText: true })
    }
    for (const [code, who] of owners) {
      if (!who.includes(pack.id)) continue
      items.push(
        who.length === 1
          ? {
              weight: EVIDENCE_WEIGHT.uniqueCode,
              text: `code ${code}, which only this pack knows`,
              fromText: false,
            }
          : {
              weight: EVIDENCE_WEIGHT.sharedCode,
              text: `code ${code} (also in ${who.filter((w) => w !== pack.id).join(', ')})`,
              fromText: false,
            },
      )
    }
    items.sort((a, b) => b.weight - a.weight)
    return {
      provider: pack.id,
      score: items.reduce((s, i) => s + i.weight, 0),
      textScore: items.filter((i) => i.fromText).reduce((s, i) => s + i.weight, 0),
      evidence: items.map((i) => i.text),
    }
  })
  return scored
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.score - a.v.score || a.i - b.i)
    .map((x) => x.v)
}

/** The vendor the text itself names (hosts, fingerprints), when one clearly leads. */
export function namedVendor(vendors: readonly VendorEvidence[]): string | undefined {
  const byText = [...vendors].sort((a, b) => b.textScore - a.textScore)
  const [first, second] = byText
  if (!first || first.textScore < NAMED_BY_TEXT) return undefined
  return !second || second.textScore < first.textScore ? first.provider : undefined
}

/** A host (or host suffix) in lower-cased text, not as part of a longer name (`xamazonaws.com`). */
function hostIn(lower: string, host: string): boolean {
  let at = lower.indexOf(host)
  while (at >= 0) {
    const before = lower[at - 1]
    const after = lower[at + host.length]
    const okBefore = before === undefined || before === '.' || !/[a-z0-9-]/.test(before)
    const okAfter = after === undefined || !/[a-z0-9-]/.test(after)
    if (okBefore && okAfter) return true
    at = lower.indexOf(host, at + 1)
  }
  return false
}
