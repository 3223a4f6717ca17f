// `apidx sign --verify` through the command, in-process: a request whose signature is consistent but
// whose timestamp the server rejects (years old, or an RFC 1123 date in CST) exits 1, and the output
// states the timestamp's age and the window. The URLs are signed here, from iFlytek's doc, not by apidx.
import { createHmac } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Sign from '../src/commands/sign.js'

const cliRoot = fileURLToPath(new URL('..', import.meta.url))
const apiKey = 'keyxxxxxxxx8ee279348519exxxxxxxx'
const apiSecret = 'secretxxxxxxxx2df7900c09xxxxxxxx'

function signedUrl(date: string): string {
  const signature = createHmac('sha256', apiSecret)
    .update(`host: iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat HTTP/1.1`)
    .digest('base64')
  const auth = Buffer.from(
    `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64')
  return `wss://iat-api.xfyun.cn/v2/iat?authorization=${encodeURIComponent(auth)}&date=${encodeURIComponent(date)}&host=iat-api.xfyun.cn`
}

/** Runs `apidx sign …` in this process; returns stdout and the exit code it set. */
async function sign(args: string[]): Promise<{ code: number; stdout: string }> {
  vi.stubEnv('IFLYTEK_API_KEY', apiKey)
  vi.stubEnv('IFLYTEK_API_SECRET', apiSecret)
  vi.stubEnv('IFLYTEK_APP_ID', '595f23df')
  vi.stubEnv('APIDX_DATA_DIR', '/nonexistent-apidx-data')
  const out: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true))
  process.exitCode = 0
  try {
    await Sign.run(['--provider', 'iflytek', '--service', 'iat', ...args], cliRoot)
  } finally {
    spy.mockRestore()
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = 0
  return { code, stdout: out.join('') }
}
afterEach(() => vi.unstubAllEnvs())

describe('apidx sign --verify judges time as the server does', () => {
  it('a URL dated years ago exits 1 though its signature is consistent, with its age and the window', async () => {
    const r = await sign(['--verify', signedUrl('Wed, 10 Jul 2019 07:35:43 GMT')])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ The timestamp is one the server rejects: scheme hmac-url')
    expect(r.stdout).toMatch(/Timestamp age: \d+ s old at .*; the scheme accepts ±300 s\./)
    expect(r.stdout).toMatch(/is \d+ years old/)
  })
  it('the same URL judged at its own time (--at) verifies, and says how old it was then', async () => {
    const r = await sign([
      '--verify',
      signedUrl('Wed, 10 Jul 2019 07:35:43 GMT'),
      '--at',
      '2019-07-10T07:36:43Z',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      'Timestamp age: 60 s old at 2019-07-10T07:36:43.000Z; the scheme accepts ±300 s.',
    )
  })
  it('a date in CST exits 1 even at the right instant, naming the zone', async () => {
    const r = await sign([
      '--verify',
      signedUrl('Wed, 10 Jul 2019 15:35:43 CST'),
      '--at',
      '2019-07-10T07:35:43Z',
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('Timestamp age: 0 s old')
    expect(r.stdout).toContain('in CST (read as China Standard Time, +08:00)')
  })
  it('--json carries the window', async () => {
    const r = await sign([
      '--verify',
      signedUrl('Wed, 10 Jul 2019 07:35:43 GMT'),
      '--at',
      '1562744443',
      '--json',
    ])
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      window: { ageSeconds: 300, maxSkewSeconds: 300 },
    })
  })
})
