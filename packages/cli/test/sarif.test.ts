// `--format sarif` against the official SARIF 2.1.0 schema (OASIS; test/fixtures/sarif/SOURCE.md), with
// formats checked: one result per error finding, ruleId = the diagnosis code, the rule's help = the fix,
// a location on the targets file, and nothing secret.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FleetReport } from '@apidx/core'
import { checkAll } from '../src/api/check-all.js'
import { renderSarif } from '../src/render/sarif.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const schema = JSON.parse(
  readFileSync(new URL('./fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema)

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string } }[] } }
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[]
    }[]
  }[]
}

let fleet: FleetReport
beforeAll(async () => {
  fleet = await checkAll(
    [
      { provider: 'iflytek', service: 'iat', mock: true },
      { provider: 'iflytek', service: 'iat', mock: 'clock-skew', name: 'skewed' },
      { provider: 'iflytek', service: 'tts', mock: 'wrong-secret' },
    ],
    { concurrency: 3 },
  )
})

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 for a fleet with faults, and for a healthy run with no result', () => {
    for (const reports of [fleet.reports, fleet.reports.slice(0, 1)]) {
      const log = JSON.parse(renderSarif(reports, { toolVersion: '0.1.0', artifact: 'apidx-targets.yaml' }))
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    }
    const bare = JSON.parse(renderSarif(fleet.reports, { toolVersion: '0.1.0' }))
    expect(validate(bare), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
  })

  it('has one result per error finding, ruled by its code, with the fix as help', () => {
    const log = JSON.parse(
      renderSarif(fleet.reports, { toolVersion: '0.1.0', artifact: 'apidx-targets.yaml' }),
    ) as SarifLog
    const run = log.runs[0]!
    const errors = fleet.reports.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))
    expect(run.results.map((r) => r.ruleId)).toEqual(errors.map((f) => f.code))
    expect(run.results.map((r) => r.ruleId)).toContain('clock/skew')
    expect(run.results.map((r) => r.ruleId)).toContain('auth/signature-mismatch')
    for (const r of run.results) {
      const rule = run.tool.driver.rules[r.ruleIndex]!
      expect(rule.id).toBe(r.ruleId)
      expect(rule.help.text).toBe(errors.find((f) => f.code === r.ruleId)!.fix)
      expect(r.level).toBe('error')
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('apidx-targets.yaml')
    }
  })

  it("never carries the emulator's secrets", () => {
    const text = renderSarif(fleet.reports, { toolVersion: '0.1.0' })
    expect(text).not.toMatch(/apidx-demo-apisecret|apidx-wrong-secret/)
  })
})
