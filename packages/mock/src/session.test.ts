// After the upgrade: the healthy session (example frames, one server sid, end of stream) and each
// frame-level fault, exactly as the vendor's frames look; plus the caps a hostile client meets.
import { afterEach, describe, expect, it } from 'vitest'
import { iatFrames, iflytek, observe, signRtasr, signV2 } from '../test/helpers.js'
import { demoCredentials } from './credentials.js'
import { startMock } from './server.js'
import type { MockOptions, MockServer } from './types.js'
import { MAX_CLIENT_FRAMES } from './websocket.js'

const demo = demoCredentials(iflytek)
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const start = async (opts: Partial<MockOptions> = {}) =>
  (server = await startMock({ pack: iflytek, service: 'iat', ...opts }))
const signed = (s: MockServer) => signV2(s.url, demo.apiKey!, demo.apiSecret!)
const json = (frames: string[]) => frames.map((f) => JSON.parse(f) as Record<string, any>)

describe('healthy sessions follow the pack', () => {
  it('iat: result frames after the first audio frame, the final one (data.status 2) after the client ends, one server sid', async () => {
    const s = await start()
    const seen = await observe(signed(s), { send: iatFrames, waitMs: 500 })
    const frames = json(seen.frames)
    expect(frames.map((f) => f.data.status)).toEqual([1, 2])
    expect(frames.map((f) => f.code)).toEqual([0, 0])
    const sid = frames[0]!.sid as string
    expect(sid).toMatch(/^iat[0-9a-f]{8}@dx[0-9a-f]{16}$/)
    expect(frames[1]!.sid).toBe(sid)
    expect(frames[1]!.data.result.ls).toBe(true)
  })

  it('iat: without the end frame only the streaming frames come (the server waits for data.status 2)', async () => {
    const s = await start()
    const seen = await observe(signed(s), { send: [iatFrames[0]!], waitMs: 400 })
    expect(json(seen.frames).map((f) => f.data.status)).toEqual([1])
    expect(seen.close).toBeUndefined()
  })

  it('spark: one request frame is the whole request; every frame carries header.sid; the last has header.status 2', async () => {
    const s = await start({ service: 'spark' })
    expect(new URL(s.url).pathname).toBe('/v3.5/chat')
    const seen = await observe(signV2(s.url, demo.apiKey!, demo.apiSecret!), {
      send: [
        JSON.stringify({
          header: { app_id: 'x' },
          parameter: { chat: { domain: 'generalv3.5' } },
          payload: { message: { text: [{ role: 'user', content: 'hi' }] } },
        }),
      ],
      waitMs: 500,
    })
    const frames = json(seen.frames)
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.at(-1)!.header.status).toBe(2)
    expect(new Set(frames.map((f) => f.header.sid)).size).toBe(1)
  })

  it('rtasr: signa auth in the query; started and result frames with the sid on every frame; the server closes after {"end": true}', async () => {
    const s = await start({ service: 'rtasr' })
    expect(new URL(s.url).pathname).toBe('/v1/ws')
    const seen = await observe(signRtasr(s.url, demo.appId!, demo.apiKey!), {
      send: [Buffer.alloc(1280), Buffer.alloc(1280), '{"end": true}'],
    })
    const frames = json(seen.frames)
    expect(frames.map((f) => f.action)).toEqual(['started', 'result'])
    expect(frames[0]!.sid).toBe(frames[1]!.sid)
    expect(JSON.parse(frames[1]!.data as string)).toHaveProperty('cn')
    expect(seen.close?.code).toBe(1000)
  })

  it("rtasr: the end mark also works as a binary frame (iFlytek's docs and SDK differ)", async () => {
    const s = await start({ service: 'rtasr' })
    const seen = await observe(signRtasr(s.url, demo.appId!, demo.apiKey!), {
      send: [Buffer.alloc(1280), Buffer.from('{"end": true}')],
    })
    expect(seen.close?.code).toBe(1000)
  })

  it('rtasr: an unknown appid is refused before the signature is checked', async () => {
    const s = await start({ service: 'rtasr' })
    const seen = await observe(signRtasr(s.url, 'someoneelse', demo.apiKey!))
    expect(seen.status).toBe(401)
    expect(seen.body).toContain('fail to retrieve credential')
  })

  it('tts: the single request frame (data.status 2) gets the audio frames, the last with data.status 2', async () => {
    const s = await start({ service: 'tts' })
    const seen = await observe(signed(s), {
      send: [
        JSON.stringify({
          common: { app_id: 'x' },
          business: { vcn: 'xiaoyan' },
          data: { status: 2, text: 'aGk=' },
        }),
      ],
      waitMs: 500,
    })
    expect(json(seen.frames).at(-1)!.data.status).toBe(2)
  })
})

describe('frame-level faults', () => {
  it('vendor-error: the pack error frame with iat code 10165 as an integer, its vendor text, then a normal close', async () => {
    const s = await start({ scenario: 'vendor-error' })
    const seen = await observe(signed(s), { send: iatFrames })
    const [frame] = json(seen.frames)
    expect(frame).toMatchObject({ code: 10165, message: iflytek.services.iat!.errors!['10165']!.vendorText })
    expect(frame!.sid).toMatch(/@dx/)
    expect(seen.close?.code).toBe(1000)
  })

  it('vendor-error:<code> sends the asked code; a code outside the table does not apply here', async () => {
    const s = await start({ scenario: 'vendor-error:11200' })
    expect(json((await observe(signed(s), { send: iatFrames })).frames)[0]!.code).toBe(11200)
    await expect(
      startMock({ pack: iflytek, service: 'iat', scenario: 'vendor-error:99999' }),
    ).rejects.toMatchObject({ code: 'ERR_SCENARIO_NOT_APPLICABLE' })
  })

  it('vendor-error on Spark defaults to 10110 in header.code, as an integer', async () => {
    const s = await start({ service: 'spark', scenario: 'vendor-error' })
    const seen = await observe(signed(s), { send: ['{"header":{"app_id":"x"}}'] })
    expect(json(seen.frames)[0]!.header).toMatchObject({ code: 10110, sid: expect.stringMatching(/^spa/) })
  })

  it('legacy-format: the pack legacyFrame (an rtasr "started" frame on iat)', async () => {
    const s = await start({ scenario: 'legacy-format' })
    const [frame] = json((await observe(signed(s), { send: iatFrames })).frames)
    expect(frame).toMatchObject({ action: 'started', code: '0' })
  })

  it('not-json: a text frame that does not parse', async () => {
    const s = await start({ scenario: 'not-json' })
    const seen = await observe(signed(s), { send: iatFrames })
    expect(seen.frames).toHaveLength(1)
    expect(() => JSON.parse(seen.frames[0]!)).toThrow()
  })

  it('schema-mismatch: valid JSON without a required field, code and sid kept', async () => {
    const s = await start({ scenario: 'schema-mismatch' })
    const [frame] = json((await observe(signed(s), { send: iatFrames })).frames)
    expect(frame).toHaveProperty('code', 0)
    expect(frame).toHaveProperty('sid')
    expect(frame).not.toHaveProperty('message')
  })

  it('no-response: upgraded, then silence', async () => {
    const s = await start({ scenario: 'no-response' })
    const seen = await observe(signed(s), { send: iatFrames, waitMs: 400 })
    expect(seen.opened).toBe(true)
    expect(seen.frames).toEqual([])
    expect(seen.close).toBeUndefined()
  })

  it('closed-early: upgraded, then close 1011 with a reason', async () => {
    const s = await start({ scenario: 'closed-early' })
    const seen = await observe(signed(s), { send: iatFrames })
    expect(seen.opened).toBe(true)
    expect(seen.close?.code).toBe(1011)
    expect(seen.close?.reason).not.toBe('')
  })
})

describe('caps: a hostile client cannot exhaust the emulator', () => {
  it('closes with 1009 on a frame over 1 MiB', async () => {
    const s = await start()
    const seen = await observe(signed(s), { send: [Buffer.alloc(1024 * 1024 + 1)] })
    expect(seen.close?.code).toBe(1009)
  })

  it(`closes with 1008 past ${MAX_CLIENT_FRAMES} frames`, async () => {
    const s = await start({ scenario: 'no-response' })
    const seen = await observe(signed(s), { send: Array.from({ length: MAX_CLIENT_FRAMES + 1 }, () => 'x') })
    expect(seen.close?.code).toBe(1008)
  })
})
