// `apidx doctor` run as a user would, offline (no packet leaves): a secret with a trailing space and a
// key of the wrong length are reported, masked, with exit 1; the JSON is one document.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'apidx-doctor-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const SECRET = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3Jh ' // 32 characters and a trailing space
const KEY = '0123456789abcdef0123456789abcde' // 31 characters: iFlytek issues 32
const PROXY_PASSWORD = 'hunter2-proxy'

describe('apidx doctor --provider iflytek --offline --json', () => {
  it('reports the trailing space and the wrong length, masked, and exits 1', async () => {
    const r = await runCli(['doctor', '--provider', 'iflytek', '--offline', '--json'], {
      cwd: dir,
      env: {
        APIDX_DATA_DIR: path.join(dir, 'data'),
        IFLYTEK_APP_ID: 'a1b2c3d4',
        IFLYTEK_API_KEY: KEY,
        IFLYTEK_API_SECRET: SECRET,
        HTTPS_PROXY: `http://dev:${PROXY_PASSWORD}@127.0.0.1:9`,
      },
    })
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    const codes = doc.findings.map(
      (f: { code: string; data: { env?: string } }) => `${f.code} ${f.data.env ?? ''}`,
    )
    expect(codes).toEqual(
      expect.arrayContaining([
        'credentials/whitespace IFLYTEK_API_SECRET',
        'credentials/wrong-length IFLYTEK_API_KEY',
      ]),
    )
    const creds = doc.providers[0].credentials
    expect(creds.find((c: { env: string }) => c.env === 'IFLYTEK_API_SECRET').masked).toBe('•••• (33 chars)')
    expect(doc.proxies[0]).toMatchObject({
      provider: 'iflytek',
      proxy: 'http://dev:***@127.0.0.1:9',
      source: 'HTTPS_PROXY',
    })
    for (const secret of [SECRET.trim(), KEY, PROXY_PASSWORD]) {
      expect(r.stdout).not.toContain(secret)
      expect(r.stderr).not.toContain(secret)
    }
  })

  it('pretty output names each finding with its fix', async () => {
    const r = await runCli(['doctor', '--provider', 'iflytek', '--offline'], {
      cwd: dir,
      env: { APIDX_DATA_DIR: path.join(dir, 'data'), IFLYTEK_API_SECRET: SECRET },
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('credentials/whitespace')
    expect(r.stdout).toContain('→ Set IFLYTEK_API_SECRET again without the whitespace')
    expect(r.stdout).not.toContain(SECRET.trim())
  })
})
