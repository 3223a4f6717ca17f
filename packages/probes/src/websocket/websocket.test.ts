// The websocket link: every handshake and session fault of the loopback fixture, with its exact findings.
import { afterEach, describe, expect, it } from 'vitest'
import {
  check,
  codes,
  iatFrame,
  iatTarget,
  startFixture,
  type Fixture,
  type Mode,
} from '../../test/fixtures.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

const cases: { name: string; mode: Mode; path?: string; expected: string[] }[] = [
  { name: 'a healthy session reports nothing', mode: { kind: 'frames', frames: [iatFrame()] }, expected: [] },
  {
    name: 'a 404 on the path is url/not-found',
    mode: { kind: 'status', status: 404, body: '{"message":"no Route matched with those values"}' },
    path: '/iat',
    expected: ['url/unknown-endpoint', 'url/not-found'],
  },
  {
    name: 'a 302 is http/redirect',
    mode: {
      kind: 'status',
      status: 302,
      headers: { location: 'https://evil.example/v2/iat?authorization=x' },
    },
    expected: ['http/redirect'],
  },
  {
    name: 'an unanswered upgrade is ws/handshake-timeout',
    mode: { kind: 'never-answer' },
    expected: ['ws/handshake-timeout'],
  },
  {
    name: 'a silent session is ws/no-response',
    mode: { kind: 'upgrade-then-silent' },
    expected: ['ws/no-response'],
  },
  {
    name: 'a 1011 close is ws/closed-early',
    mode: { kind: 'frames', frames: [], close: { code: 1011, reason: 'internal error' } },
    expected: ['ws/closed-early'],
  },
  {
    name: 'a 502 is http/server-error',
    mode: { kind: 'status', status: 502, body: 'bad gateway' },
    expected: ['http/server-error'],
  },
]

describe('websocket probe', () => {
  for (const c of cases) {
    it(c.name, async () => {
      fixture = await startFixture(c.mode)
      const result = await check(iatTarget(fixture.url(c.path)))
      expect(codes(result)).toEqual(c.expected)
    })
  }

  it('names the documented path in the fix of a 404', async () => {
    fixture = await startFixture({ kind: 'status', status: 404, body: '' })
    const result = await check(iatTarget(fixture.url('/iat')))
    expect(result.findings.find((f) => f.code === 'url/not-found')?.fix).toContain('/v2/iat')
  })

  it('keeps close code and reason of an early close', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [],
      close: { code: 1011, reason: 'internal error' },
    })
    const result = await check(iatTarget(fixture.url()))
    expect(result.findings[0]?.data).toMatchObject({ closeCode: 1011, closeReason: 'internal error' })
  })

  it('gives up on an unanswered upgrade within the handshake deadline', async () => {
    fixture = await startFixture({ kind: 'never-answer' })
    const result = await check(iatTarget(fixture.url()), { timeoutMs: 300 })
    expect(codes(result)).toEqual(['ws/handshake-timeout'])
  })

  it('does not follow a redirect: only one request reaches the fixture', async () => {
    fixture = await startFixture({ kind: 'status', status: 302, headers: { location: '/elsewhere' } })
    await check(iatTarget(fixture.url()))
    expect(fixture.seen).toHaveLength(1)
  })
})
