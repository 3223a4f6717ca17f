// A process that starts the emulator, leaves a connection held (handshake-timeout) and a session
// open, and calls close() must exit by itself: no socket, server or timer is left behind.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const pack = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))

const script = `
import net from 'node:net'
import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
const { startMock } = await import(${JSON.stringify(dist)})
const pack = JSON.parse(readFileSync(${JSON.stringify(pack)}, 'utf8'))
const held = await startMock({ pack, service: 'iat', scenario: 'handshake-timeout', tls: true })
const silent = await startMock({ pack, service: 'iat', scenario: 'no-response' })
const s = net.connect(held.port, '127.0.0.1'); s.on('error', () => {})
const ws = new WebSocket(silent.url); ws.on('error', () => {})
await new Promise((r) => setTimeout(r, 200))
await held.close(); await silent.close()
console.log('closed')
`

describe('close() lets the process exit (the built package, in a child process)', () => {
  it('exits on its own after close() (a process still running at 15 s is killed and fails)', async () => {
    // A missing build fails here, saying so: a skipped test would hide that the check never ran.
    expect(existsSync(dist), `${dist} is missing: run \`npm run build\` first`).toBe(true)
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 15_000 },
        (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
      )
    })
    expect(out).toEqual({ code: 0, stdout: 'closed\n' })
  })
})
