// The GitHub Action's entry script (.github/actions/apidx-check/entry.mjs) run as a runner runs it:
// GITHUB_* and INPUT_* variables set, the built apidx library as APIDX_MODULE. A fault fails the step,
// writes the Markdown summary, the outputs and a SARIF file; a bad targets file is an annotated exit 2.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const entry = fileURLToPath(new URL('../../../.github/actions/apidx-check/entry.mjs', import.meta.url))
const library = fileURLToPath(new URL('../dist/index.js', import.meta.url))

function runEntry(workspace: string, inputs: Record<string, string>) {
  const summary = path.join(workspace, 'summary.md')
  const output = path.join(workspace, 'output.txt')
  writeFileSync(summary, '')
  writeFileSync(output, '')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: workspace,
    APIDX_MODULE: library,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  }
  return new Promise<{ code: number; stdout: string; summary: string; output: string }>((resolve) => {
    execFile(process.execPath, [entry], { cwd: workspace, env, timeout: 60_000 }, (err, stdout) =>
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
        stdout,
        summary: readFileSync(summary, 'utf8'),
        output: readFileSync(output, 'utf8'),
      }),
    )
  })
}

describe('apidx-check action entry', () => {
  it('fails the step on a fault, with the job summary, the outputs, SARIF and an annotation', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'apidx-action-'))
    writeFileSync(
      path.join(ws, 'apidx-targets.yaml'),
      'targets:\n  - { name: dictation, provider: iflytek, service: iat }\n',
    )
    const r = await runEntry(ws, { targets: 'apidx-targets.yaml', mock: 'clock-skew' })
    expect(r.code).toBe(1)
    expect(r.summary).toContain('| dictation | ❌ fail | `clock/skew` |')
    expect(r.output).toContain('verdict=fail\nfailed=1\n')
    const sarifPath = /^sarif=(.+)$/m.exec(r.output)![1]!
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'))
    expect(sarif.runs[0].results[0].ruleId).toBe('clock/skew')
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'apidx-targets.yaml',
    )
    expect(r.stdout).toContain('::error title=apidx: dictation::dictation fails: clock/skew')
  }, 60_000)

  it('passes a healthy run with exit 0', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'apidx-action-'))
    writeFileSync(
      path.join(ws, 't.json'),
      JSON.stringify({ targets: [{ provider: 'iflytek', service: 'tts' }] }),
    )
    const r = await runEntry(ws, { targets: 't.json', mock: 'true' })
    expect(r.code).toBe(0)
    expect(r.output).toContain('verdict=pass\nfailed=0\n')
  }, 60_000)

  it('annotates an invalid targets file with its pointer and exits 2', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'apidx-action-'))
    writeFileSync(
      path.join(ws, 'bad.yaml'),
      'targets:\n  - { provider: iflytek, credentials: { apiKey: literal-key } }\n',
    )
    const r = await runEntry(ws, { targets: 'bad.yaml' })
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('::error title=apidx::ERR_CONFIG_INVALID')
    expect(r.stdout).toContain('/targets/0/credentials/apiKey')
    expect(r.stdout).not.toContain('literal-key')
  }, 60_000)
})
