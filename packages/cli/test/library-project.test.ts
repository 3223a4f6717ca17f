// The library as a user's project sees it: a script in a temporary project imports `check` and
// `startHealthCheck` from 'apidx' (the built package) and runs them against the emulator and a
// loopback endpoint that accepts connections and never answers.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const SCRIPT = `
import { check, startHealthCheck } from 'apidx'
const [port] = process.argv.slice(2)
const out = {}
out.healthy = (await check({ provider: 'iflytek', mock: true })).verdict
out.skew = (await check({ provider: 'iflytek', mock: 'clock-skew' })).rootCause?.code
const credentials = { appId: 'app', apiKey: 'k'.repeat(32), apiSecret: 's'.repeat(32) }
const endpoint = 'ws://127.0.0.1:' + port + '/v2/iat'
const started = performance.now()
const hc = startHealthCheck({ provider: 'iflytek', service: 'iat', endpoint, credentials, timeoutMs: 300 })
out.returnedMs = performance.now() - started
out.first = hc.current().state
const later = await new Promise((resolve) => hc.onChange(resolve))
out.later = later.state
out.cause = later.report?.rootCause?.code
console.log(JSON.stringify(out))
`

let server: Server
const sockets: Socket[] = []

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'packages/cli/dist/index.js')))
    throw new Error('packages/cli/dist/index.js is missing: run npm run build before these tests.')
  // Accepts the connection and never answers: the upgrade hangs until the check's deadline.
  server = createServer((s) => sockets.push(s))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise((r) => server.close(r))
})

describe('apidx as a library in a project', () => {
  it('checks, and starts a health check that returns at once and later reports the root cause', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apidx-library-'))
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
    await writeFile(join(dir, 'app.mjs'), SCRIPT)
    const port = (server.address() as { port: number }).port
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(dir, 'app.mjs'), String(port)],
        { timeout: 30_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      ),
    )
    const out = JSON.parse(stdout.trim().split('\n').pop()!)
    expect(out.healthy).toBe('pass')
    expect(out.skew).toBe('clock/skew')
    expect(out.first).toBe('checking')
    expect(out.returnedMs).toBeLessThan(100)
    expect(out.later).toBe('unavailable')
    expect(out.cause).toBe('ws/handshake-timeout')
  })
})
