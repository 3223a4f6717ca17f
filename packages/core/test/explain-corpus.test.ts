// The real-world corpus (test/corpus/explain/*.json): error strings users pasted in public issue
// trackers, verbatim, each with the diagnosis the thread's resolution establishes. explain() runs on
// each without --provider; an answer is right when its diagnosis is the expected one, no other vendor
// comes first, and the vendor code, when the answer names one, is the expected one. The gate is 90%
// over the entries that do not wait for another change (`dependsOn`); both figures are printed.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { explain } from '../src/explain/explain.js'
import type { Explanation } from '../src/explain/types.js'
import type { ProviderPack } from '../src/generated/index.js'

const VENDORS = ['iflytek', 'aws', 'tencentcloud', 'aliyun', 'baidu', 'openai'] as const
const GATE = 0.9
const root = new URL('../../../', import.meta.url)
const packs = VENDORS.map(
  (v) => JSON.parse(readFileSync(new URL(`providers/${v}/pack.json`, root), 'utf8')) as ProviderPack,
)

interface Entry {
  id: string
  source: string
  vendor: (typeof VENDORS)[number]
  text: string
  expect: { diagnosis: string; code?: string }
  why?: string
  dependsOn?: string
  /** Collected after the extraction and ranking code was last tuned on the corpus: a figure no tuning has seen. */
  heldOut?: boolean
}

const dir = new URL('test/corpus/explain/', root)
const entries: Entry[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { entries: Entry[] }).entries)

/** Right: the expected diagnosis first, no other vendor first, and no other vendor code named. */
export function isRight(e: Entry, r: Explanation): boolean {
  const best = r.best
  if (!best || best.diagnosis !== e.expect.diagnosis) return false
  const vendor = best.provider ?? r.vendors?.[0]?.provider
  if (vendor !== undefined && vendor !== e.vendor) return false
  return e.expect.code === undefined || best.code === undefined || best.code === e.expect.code
}

interface Tally {
  right: number
  all: number
}
const pct = (t: Tally) => (t.all ? `${((100 * t.right) / t.all).toFixed(1)}%` : '-')

describe('the real-world explain corpus', () => {
  it('has at least 100 entries over all six packs, each sourced, with a finding code to expect', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    for (const v of VENDORS) expect(entries.filter((e) => e.vendor === v).length).toBeGreaterThanOrEqual(10)
    for (const e of entries) {
      expect(e.source, e.id).toMatch(/^https:\/\/(github\.com|stackoverflow\.com)\//)
      expect(VENDORS, e.id).toContain(e.vendor)
      expect(e.expect.diagnosis, e.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/)
      expect(e.text.length, e.id).toBeGreaterThan(10)
    }
  })

  it(`explains at least ${GATE * 100}% of the entries that wait on nothing, without --provider`, () => {
    const tally = new Map<string, { all: Tally; independent: Tally }>()
    const total = { all: { right: 0, all: 0 }, independent: { right: 0, all: 0 } }
    const heldOut = { right: 0, all: 0 }
    const wrong: string[] = []
    for (const e of entries) {
      const right = isRight(e, explain(e.text, packs))
      const t = tally.get(e.vendor) ?? { all: { right: 0, all: 0 }, independent: { right: 0, all: 0 } }
      tally.set(e.vendor, t)
      for (const bucket of e.dependsOn
        ? [t.all, total.all]
        : [t.all, t.independent, total.all, total.independent]) {
        bucket.all++
        if (right) bucket.right++
      }
      if (e.heldOut && !e.dependsOn) {
        heldOut.all++
        if (right) heldOut.right++
      }
      if (!right && !e.dependsOn) wrong.push(e.id)
    }
    const lines = VENDORS.map((v) => {
      const t = tally.get(v)!
      return `  ${v.padEnd(13)} ${pct(t.independent).padStart(6)} of ${String(t.independent.all).padStart(2)}   all ${pct(t.all).padStart(6)} of ${t.all.all}`
    })
    console.log(
      [
        'explain corpus, right without --provider (entries waiting on nothing; all entries):',
        ...lines,
        `  ${'total'.padEnd(13)} ${pct(total.independent).padStart(6)} of ${total.independent.all}   all ${pct(total.all).padStart(6)} of ${total.all.all}`,
        `  held out (collected after tuning, waiting on nothing): ${pct(heldOut)} of ${heldOut.all}`,
        ...(wrong.length ? [`  wrong: ${wrong.join(', ')}`] : []),
      ].join('\n'),
    )
    expect(total.independent.right / total.independent.all).toBeGreaterThanOrEqual(GATE)
  })
})
