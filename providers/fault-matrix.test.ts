// The fault matrix on every service of every pack in providers/: each emulator scenario that applies
// to a service is diagnosed with the root cause the scenario names. A pack the emulator plays badly
// (a path it cannot shorten, an HTTP service that passes a cut connection) fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildReport, createRegistry, runChecks, type ProviderPack } from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { scenarios, startSession } from '@apidx/mock'

const root = new URL('./', import.meta.url)
const packs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'node_modules')
  .map((d) => JSON.parse(readFileSync(new URL(`${d.name}/pack.json`, root), 'utf8')) as ProviderPack)
const registry = createRegistry(builtinProbes)
// The network and gateway faults need no fact from the pack: no service may decline them.
const EVERYWHERE = [
  'healthy',
  'refused',
  'dns-not-found',
  'tls-self-signed',
  'tls-expired',
  'tls-wrong-host',
  'redirect',
  'handshake-timeout',
  'no-response',
  'closed-early',
  'server-error',
  'rate-limited',
  'wrong-scheme',
]

/** The root cause apidx reports for one scenario, or 'n/a' when the scenario does not apply to the service. */
async function rootCause(
  pack: ProviderPack,
  service: string,
  scenario: string,
): Promise<{ got: string | null; want: string | null } | 'n/a'> {
  let session
  try {
    session = await startSession({ pack, service, scenario })
  } catch (err) {
    // Only the emulator's own "does not apply here" (no error table, no legacy frame, no upgrade) is skipped.
    if ((err as { code?: string }).code === 'ERR_SCENARIO_NOT_APPLICABLE') return 'n/a'
    throw err
  }
  try {
    // Short deadlines: the hold scenarios wait them out, and loopback answers in milliseconds.
    const run = await runChecks({
      target: session.target,
      registry,
      credentials: session.credentials,
      timeoutMs: 400,
      ...session.options,
    })
    const report = buildReport(run, { redact: (t) => t, mock: scenario })
    return { got: report.rootCause?.code ?? null, want: session.expect }
  } finally {
    await session.close()
  }
}

describe('the fault matrix on every service of every pack', () => {
  for (const pack of packs) {
    for (const service of Object.keys(pack.services)) {
      it(`${pack.id} ${service}`, async () => {
        const wrong: string[] = []
        let played = 0
        // A few at a time: each scenario has its own emulator on its own port.
        const queue = [...scenarios.map((s) => s.id)]
        const worker = async () => {
          for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
            const r = await rootCause(pack, service, id)
            if (r === 'n/a') {
              if (EVERYWHERE.includes(id))
                wrong.push(`${id}: refused as not applicable, but every service can play it`)
              continue
            }
            played += 1
            if (r.got !== r.want)
              wrong.push(`${id}: expected ${r.want ?? 'a pass'}, got ${r.got ?? 'a pass'}`)
          }
        }
        await Promise.all([worker(), worker(), worker(), worker()])
        expect(wrong.sort()).toEqual([])
        expect(played).toBeGreaterThanOrEqual(EVERYWHERE.length)
      })
    }
  }
})
