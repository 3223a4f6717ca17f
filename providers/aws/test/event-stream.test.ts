// Transcribe streaming on the wire as AWS sends it: the emulator answers in binary event-stream
// messages (not JSON text), and apidx reads the exception type out of them as the vendor code.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createRegistry, decodeEventStream, runChecks, type ProviderPack } from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { startSession } from '@apidx/mock'

const pack = JSON.parse(readFileSync(new URL('../pack.json', import.meta.url), 'utf8')) as ProviderPack

async function run(scenario?: string) {
  const session = await startSession({
    pack,
    service: 'transcribe-streaming',
    ...(scenario ? { scenario } : {}),
  })
  try {
    return await runChecks({
      target: session.target,
      registry: createRegistry(builtinProbes),
      credentials: session.credentials,
      timeoutMs: 2000,
      ...session.options,
    })
  } finally {
    await session.close()
  }
}

describe('aws transcribe-streaming framing', () => {
  it('receives binary event-stream frames on a healthy session', async () => {
    const r = await run()
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
    const frame = r.exchange!.frames[0]!
    expect(frame.binary).toBe(true)
    expect(decodeEventStream(frame.bytes!)).toMatchObject({
      headers: { ':event-type': 'TranscriptEvent', ':message-type': 'event' },
    })
  })

  it('reads :exception-type from a binary exception message as the vendor code', async () => {
    const r = await run('vendor-error:LimitExceededException')
    expect(r.exchange!.frames[0]!.binary).toBe(true)
    expect(r.findings.find((f) => f.probe === 'vendor-error')).toMatchObject({
      data: { vendorCode: 'LimitExceededException' },
    })
  })
})
