// Every folder in providers/ is a pack that CI tests the same way: a pack.json, its PackTester cases
// in test/cases.json, and the vitest file that runs them, so no contributed pack goes untested.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('./', import.meta.url)
const packs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'node_modules')
  .map((d) => d.name)

describe('providers/', () => {
  it('holds the built-in packs', () => {
    expect(packs).toEqual(
      expect.arrayContaining(['iflytek', 'aws', 'tencentcloud', 'aliyun', 'baidu', 'openai']),
    )
  })

  for (const id of packs) {
    it(`${id}: pack.json, test/cases.json and the PackTester runner test/cases.test.ts`, () => {
      expect(existsSync(new URL(`${id}/pack.json`, root))).toBe(true)
      expect(existsSync(new URL(`${id}/test/cases.json`, root))).toBe(true)
      const runner = readFileSync(new URL(`${id}/test/cases.test.ts`, root), 'utf8')
      expect(runner).toMatch(/new PackTester\(\)\.run\(new URL\('\.\.\/pack\.json', import\.meta\.url\)\)/)
    })
  }
})
