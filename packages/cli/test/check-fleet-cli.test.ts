// `apidx check --all` and `--targets` as a user runs them (the built CLI): one report per service valid
// against fleet-report.schema.json, exit code = worst verdict, and --output writing the chosen format.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { fleetReportSchema, loadPack, reportSchema, type FleetReport } from '@apidx/core'
import { packOptions } from '../src/packs.js'
import { runCli } from './run-cli.js'

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true })
ajv.addSchema(reportSchema as object, 'report.schema.json')
const validate = ajv.compile(fleetReportSchema as object)

describe('apidx check --all / --targets (built CLI)', () => {
  it('--provider iflytek --all --mock --json returns a valid report per service, exit 0', async () => {
    const r = await runCli(['check', '--provider', 'iflytek', '--all', '--mock', '--json'], {
      timeout: 60_000,
    })
    expect(r.code).toBe(0)
    const fleet = JSON.parse(r.stdout) as FleetReport
    expect(validate(fleet), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    const { pack } = await loadPack('iflytek', packOptions())
    expect(fleet.reports.map((x) => x.service)).toEqual(Object.keys(pack.services))
    expect(fleet.summary).toMatchObject({
      verdict: 'pass',
      failed: 0,
      total: Object.keys(pack.services).length,
    })
  }, 60_000)

  it('--targets with a faulty target exits 1, prints the summary table and writes JUnit to --output', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apidx-fleet-'))
    const targets = path.join(dir, 'targets.yaml')
    writeFileSync(
      targets,
      'targets:\n  - { name: dictation, provider: iflytek, service: iat }\n  - { name: speech, provider: iflytek, service: tts }\n',
    )
    const out = path.join(dir, 'out', 'junit.xml')
    const r = await runCli(
      ['check', '--targets', targets, '--mock', 'clock-skew', '--format', 'junit', '--output', out],
      { timeout: 60_000 },
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^dictation +FAIL +clock\/skew /m)
    expect(r.stdout).toContain('FAIL: 0 of 2 targets passed, 2 failed')
    const xml = readFileSync(out, 'utf8')
    expect(xml.match(/<testsuite /g)?.length).toBe(2)
    expect(xml).toContain('<testsuite name="dictation"')
  }, 60_000)
})
