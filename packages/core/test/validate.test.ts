// Pack validation: the shipped iFlytek pack is valid; each broken pack is rejected with its pointer, fast.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validatePackText } from '../src/pack/validate.js'
import { brokenCases } from './broken-packs.js'

const iflytek = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))

describe('validatePackText', () => {
  it('accepts the shipped iFlytek pack', async () => {
    const v = await validatePackText(readFileSync(iflytek, 'utf8'), 'pack.json')
    expect(v.problems).toEqual([])
    expect(v.pack?.id).toBe('iflytek')
  })

  it('has at least 25 broken cases with distinct names', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(25)
    expect(new Set(brokenCases.map((c) => c.name)).size).toBe(brokenCases.length)
  })

  it.each(brokenCases)('rejects: $name', async ({ text, pointer, message }) => {
    const body = text()
    const started = performance.now()
    const v = await validatePackText(body, 'broken.json')
    const elapsed = performance.now() - started
    expect(v.pack).toBeUndefined()
    const match = v.problems.find((p) => p.pointer === pointer && p.message.includes(message))
    expect(match, JSON.stringify(v.problems, null, 2)).toBeDefined()
    for (const p of v.problems) {
      expect(p.file).toBe('broken.json')
      expect(p.remedy.length).toBeGreaterThan(0)
    }
    expect(elapsed).toBeLessThan(1000)
  })

  it('reports every problem, not just the first', async () => {
    const p = JSON.parse(readFileSync(iflytek, 'utf8'))
    p.services.iat.versions.v2.auth = 'nope'
    p.services.iat.defaultVersion = 'v9'
    p.services.rtasr.versions.v1.url = 'wss://elsewhere.example.org/v1/ws'
    const v = await validatePackText(JSON.stringify(p), 'x.json')
    expect(v.problems.map((x) => x.pointer).sort()).toEqual([
      '/services/iat/defaultVersion',
      '/services/iat/versions/v2/auth',
      '/services/rtasr/versions/v1/url',
    ])
  })
})
