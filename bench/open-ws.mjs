// Baseline for bench/check.mjs: starts the same emulator the way `check --mock` does, signs the
// URL, opens the one WebSocket and closes it — no probes, no diagnosis, no rendering.
import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import { signRequest } from '../packages/core/dist/index.js'
import { demoCredentials, startMock } from '../packages/mock/dist/index.js'

const pack = JSON.parse(readFileSync(new URL('../providers/iflytek/pack.json', import.meta.url), 'utf8'))
const server = await startMock({ pack, service: 'iat', tls: true })
const signed = signRequest(pack, 'hmac-url', { method: 'GET', url: server.url }, demoCredentials(pack))
await new Promise((resolve, reject) => {
  const ws = new WebSocket(signed.request.url, { ca: server.ca, servername: server.servername })
  ws.on('open', () => {
    ws.close(1000)
    resolve()
  })
  ws.on('error', reject)
})
await server.close()
