// `apidx check --proxy` as a user runs it: a dead proxy is the root cause (exit 1), and the proxy's
// password appears nowhere in the output.
import net from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'apidx-proxy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function deadPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

describe('apidx check --proxy', () => {
  it('a dead proxy is proxy/refused, exit 1, its password masked', async () => {
    const port = await deadPort()
    const password = 'Pr0xyPa55word'
    const r = await runCli(
      ['check', '-p', 'iflytek', '--mock', '--proxy', `http://dev:${password}@127.0.0.1:${port}`, '--json'],
      { cwd: dir, env: { APIDX_DATA_DIR: path.join(dir, 'data') } },
    )
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(doc.rootCause.code).toBe('proxy/refused')
    expect(doc.rootCause.data.proxy).toBe(`http://dev:***@127.0.0.1:${port}`)
    expect(r.stdout + r.stderr).not.toContain(password)
    expect(r.stdout + r.stderr).not.toContain(Buffer.from(`dev:${password}`).toString('base64'))
  })
})
