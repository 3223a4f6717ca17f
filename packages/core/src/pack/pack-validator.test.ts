// The precompiled pack validator (yes/no, generated from the schema) must agree with the full ajv
// validator on every pack: a "yes" skips the full check, so a disagreement would let a bad pack through.
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { authSchemeSchema, providerPackSchema } from '../generated/schemas.js'
import fast from '../generated/pack-validator.js'
import { brokenCases, validText } from '../../test/broken-packs.js'

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true })
ajv.addSchema(authSchemeSchema as object, 'auth-scheme.schema.json')
const full = ajv.compile(providerPackSchema as object)
const providers = new URL('../../../../providers/', import.meta.url)
const shipped = readdirSync(providers, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => readFileSync(new URL(`${d.name}/pack.json`, providers), 'utf8'))

describe('the precompiled pack validator', () => {
  it('accepts every shipped pack and the core fixture, as the full validator does', () => {
    for (const text of [...shipped, validText]) {
      const value = JSON.parse(text)
      expect([(fast as (v: unknown) => boolean)(value), full(value)]).toEqual([true, true])
    }
  })

  it('agrees with the full validator on every broken-pack fixture that parses', () => {
    let compared = 0
    for (const c of brokenCases) {
      let value: unknown
      try {
        value = JSON.parse(c.text())
      } catch {
        continue
      }
      expect((fast as (v: unknown) => boolean)(value), c.name).toBe(full(value))
      compared += 1
    }
    expect(compared).toBeGreaterThan(20)
  })
})
