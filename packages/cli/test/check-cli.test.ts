// `apidx check` as a user runs it (the built CLI) against loopback fixture servers: exit codes, one
// JSON document valid against the report schema, NO_COLOR, usage errors, and no secret in any output.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { afterEach, describe, expect, it } from 'vitest'
import { reportSchema } from '@apidx/core'
import { closedPort, startFixture, type Fixture } from '../../probes/test/fixtures.js'

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
  reportSchema as object,
)
const CANARY = {
  IFLYTEK_APP_ID: 'canaryapp',
  IFLYTEK_API_KEY: 'CANARYKEY0123456789abcdef0123456',
  IFLYTEK_API_SECRET: 'CANARYSECRETabcdef0123456789abcd',
}

function apidx(
  args: string[],
  env: Record<string, string> = {},
  cwd = '/',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...env }, timeout: 20_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

describe('apidx check (built CLI)', () => {
  it('--json prints exactly one report, valid against the schema; exit 1 for a diagnosed fault', async () => {
    const port = await closedPort()
    const r = await apidx(
      [
        'check',
        '--provider',
        'iflytek',
        '--service',
        'iat',
        '--endpoint',
        `ws://127.0.0.1:${port}/v2/iat`,
        '--json',
      ],
      CANARY,
    )
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    expect(report.rootCause.code).toBe('tcp/refused')
    expect(r.stderr).toBe('')
  })

  it('a healthy endpoint exits 0 with verdict pass', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [
        JSON.stringify({
          code: 0,
          message: 'success',
          sid: 'iat1@dx',
          data: { status: 2, result: { sn: 1, ws: [] } },
        }),
      ],
    })
    const r = await apidx(['check', '-p', 'iflytek', '-s', 'iat', '-e', fixture.url(), '--json'], CANARY)
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'pass',
      rootCause: null,
      session: { id: 'iat1@dx' },
    })
    expect(r.code).toBe(0)
  })

  it('never prints a secret, even when the server echoes the signed request back', async () => {
    fixture = await startFixture({
      kind: 'status',
      status: 401,
      body: JSON.stringify({
        message: 'HMAC signature does not match',
        echo: `${CANARY.IFLYTEK_API_KEY} ${CANARY.IFLYTEK_API_SECRET} ${Buffer.from(CANARY.IFLYTEK_API_SECRET).toString('base64')}`,
      }),
    })
    for (const format of ['pretty', 'json', 'markdown', 'junit', 'html']) {
      const r = await apidx(
        ['check', '-p', 'iflytek', '-s', 'iat', '-e', fixture.url(), '--format', format],
        CANARY,
      )
      const all = r.stdout + r.stderr
      expect(all).toContain('auth/signature-mismatch')
      for (const secret of [
        CANARY.IFLYTEK_API_KEY,
        CANARY.IFLYTEK_API_SECRET,
        Buffer.from(CANARY.IFLYTEK_API_SECRET).toString('base64'),
      ])
        expect(all).not.toContain(secret)
    }
  })

  it('without credentials names the variables to set', async () => {
    fixture = await startFixture({ kind: 'status', status: 401, body: '{"message":"Unauthorized"}' })
    const r = await apidx(['check', '-p', 'iflytek', '-s', 'iat', '-e', fixture.url(), '--json'])
    const report = JSON.parse(r.stdout)
    expect(report.rootCause.code).toBe('auth/missing-credentials')
    expect(report.rootCause.data.variables).toEqual([
      'IFLYTEK_APP_ID',
      'IFLYTEK_API_KEY',
      'IFLYTEK_API_SECRET',
    ])
    expect(r.code).toBe(1)
  })

  it('honours NO_COLOR', async () => {
    const port = await closedPort()
    const r = await apidx(['check', '-p', 'iflytek', '-s', 'iat', '-e', `ws://127.0.0.1:${port}/v2/iat`], {
      NO_COLOR: '1',
      FORCE_COLOR: '1',
    })
    expect(r.stdout).not.toMatch(/\u001B\[/)
    expect(r.stdout).toContain('✗ TCP connect')
  })

  it('takes service, version, endpoint, timeout and credentials (with ${env:NAME}) from config', async () => {
    const port = await closedPort()
    const dir = mkdtempSync(path.join(tmpdir(), 'apidx-check-'))
    const rc = {
      providers: {
        iflytek: {
          service: 'spark',
          version: 'v4.0',
          timeout: 300,
          endpoint: `ws://127.0.0.1:${port}/v4.0/chat`,
          credentials: { appId: 'a1', apiKey: '${env:MY_KEY}', apiSecret: CANARY.IFLYTEK_API_SECRET },
        },
      },
    }
    writeFileSync(path.join(dir, '.apidxrc.json'), JSON.stringify(rc))
    const r = await apidx(['check', '-p', 'iflytek', '--json'], { MY_KEY: CANARY.IFLYTEK_API_KEY }, dir)
    expect(JSON.parse(r.stdout)).toMatchObject({
      service: 'spark',
      version: 'v4.0',
      endpoint: `ws://127.0.0.1:${port}/v4.0/chat`,
      rootCause: { code: 'tcp/refused' },
    })
    expect(r.stdout).not.toContain(CANARY.IFLYTEK_API_SECRET)
  })

  it('exit 2 for usage and target errors', async () => {
    const a = await apidx(['check', '-p', 'iflytek', 'clock-skew'])
    expect(a.code).toBe(2)
    expect(a.stderr).toContain('needs --mock')
    const b = await apidx(['check', '-p', 'iflytek', '-s', 'nope', '--json'])
    expect(b.code).toBe(2)
    expect(JSON.parse(b.stdout).error.code).toBe('ERR_TARGET')
    const c = await apidx(['check', '-p', 'no-such-pack'])
    expect(c.code).toBe(2)
  })
})
