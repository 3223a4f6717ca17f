// Fleet benchmark: 100 endpoints of one emulated iFlytek iat behind a loopback proxy that adds 50 ms to
// every server→client chunk, checked by the library's checkAll at concurrency 16. Reports the wall time
// against the ideal ⌈100/16⌉ × one check (goal ≤ 1.5). Uses the built packages: run `npm run build` first.
// Usage: node bench/fleet.mjs
import { createServer, connect } from 'node:net'
import { performance } from 'node:perf_hooks'
import { loadPack } from '../packages/core/dist/index.js'
import { startMock } from '../packages/mock/dist/index.js'
import { check, checkAll } from '../packages/cli/dist/index.js'
import { median } from './lib.mjs'

const TARGETS = 100
const CONCURRENCY = 16
const LATENCY_MS = 50

/** A TCP proxy on loopback that delays every chunk the server sends by `delay` ms (order kept). */
async function latencyProxy(port, delay) {
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1')
    client.pipe(upstream)
    upstream.on('data', (chunk) => setTimeout(() => client.writable && client.write(chunk), delay))
    upstream.on('end', () => setTimeout(() => client.end(), delay))
    for (const s of [client, upstream]) s.on('error', () => (client.destroy(), upstream.destroy()))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) }
}

const loaded = await loadPack('iflytek', {
  builtins: { packages: ['@apidx/provider-iflytek'], resolveFrom: import.meta.url },
})
const credentials = {
  appId: 'benchapp',
  apiKey: 'BENCHKEY0123456789abcdef01234567',
  apiSecret: 'BENCHSECRETabcdef0123456789abcde',
}
const mock = await startMock({ pack: loaded.pack, service: 'iat', tls: false, credentials })
const proxy = await latencyProxy(mock.port, LATENCY_MS)
const endpoint = new URL(mock.url)
endpoint.port = String(proxy.port)
const target = { provider: loaded, service: 'iat', endpoint: endpoint.toString(), credentials }

try {
  const first = await check(target)
  if (first.verdict !== 'pass')
    throw new Error(`the benchmark's endpoint is not healthy: ${first.rootCause?.code}`)
  const singles = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    await check(target)
    singles.push(performance.now() - t)
  }
  const one = median(singles)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const fleet = await checkAll(
    Array.from({ length: TARGETS }, () => target),
    { concurrency: CONCURRENCY },
  )
  const wall = performance.now() - started
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  if (fleet.summary.failed) throw new Error(`${fleet.summary.failed} checks failed`)
  const ideal = Math.ceil(TARGETS / CONCURRENCY) * one
  console.log(
    `${TARGETS} endpoints (+${LATENCY_MS} ms per server chunk), concurrency ${CONCURRENCY}, Node ${process.version}:`,
  )
  console.log(
    `one check (median of 7): ${one.toFixed(0)} ms; ideal ⌈${TARGETS}/${CONCURRENCY}⌉ × one = ${ideal.toFixed(0)} ms`,
  )
  console.log(`checkAll: ${wall.toFixed(0)} ms; ratio to ideal ${(wall / ideal).toFixed(2)} (goal ≤ 1.5)`)
  // When the CPU time approaches the wall time, the run is CPU-bound here (one core for the event loop).
  console.log(
    `CPU time during checkAll: ${cpuMs.toFixed(0)} ms (${(cpuMs / TARGETS).toFixed(1)} ms per check); load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  )
} finally {
  await proxy.close()
  await mock.close()
}
