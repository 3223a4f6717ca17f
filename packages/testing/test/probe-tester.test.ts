// ProbeTester against probes made to be wrong: each way a probe (or its suite) can lie must fail,
// saying what differs. The probes here are small third-party-style probes over the iFlytek pack.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { defineProbe, type Probe, type ProbeContext } from '@apidx/core'
import { demoCredentials } from '@apidx/mock'
import { fakeClock, startFixture, testProbe, type ProbeTestSpec } from '../src/index.js'
import { readFileSync } from 'node:fs'

const packFile = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))
const iflytek = JSON.parse(readFileSync(packFile, 'utf8'))
const secret = demoCredentials(iflytek).apiSecret!
const iatFrame = JSON.stringify({
  code: 0,
  message: 'success',
  sid: 'iat000001@dx',
  data: { status: 2, result: { sn: 1, ls: true, ws: [] } },
})

/** A probe after the websocket link that reports `code` when the first frame is not JSON. */
function frameProbe(
  opts: { code?: string; run?: (ctx: ProbeContext) => Promise<void> | void; fix?: string | null } = {},
): Probe {
  return defineProbe({
    meta: {
      id: 'first-frame',
      title: 'First frame',
      description: 'The first frame is JSON.',
      after: ['websocket'],
      findings: { 'frame/not-json': { severity: 'error', description: 'The first frame is not JSON.' } },
    },
    run:
      opts.run ??
      (async (ctx) => {
        const ex = await ctx.exchange()
        const text = ex.frames[0]?.text
        if (text === undefined) return
        try {
          JSON.parse(text)
        } catch {
          ctx.report({
            code: opts.code ?? 'frame/not-json',
            message: `The first frame is not JSON: ${text.slice(0, 40)}`,
            fix: opts.fix === undefined ? "Read the vendor's frame format." : opts.fix,
          })
        }
      }),
  })
}

// A frame that is not iat's end of stream keeps the client listening until its deadline: keep it short.
const spec = (over: Partial<ProbeTestSpec> = {}): ProbeTestSpec => ({
  pack: packFile,
  timeoutMs: 500,
  valid: [{ name: 'a JSON frame', reply: { kind: 'frames', frames: [iatFrame] } }],
  invalid: [
    {
      name: 'a text frame',
      reply: { kind: 'frames', frames: ['hello'] },
      findings: [{ code: 'frame/not-json', messageIncludes: 'hello' }],
    },
  ],
  ...over,
})

const failures = async (probe: Probe, s: ProbeTestSpec) =>
  (await testProbe(probe, s)).results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)

describe('ProbeTester', () => {
  it('passes a correct probe with a correct suite', async () => {
    const r = await testProbe(frameProbe(), spec())
    expect(r.results.filter((x) => !x.ok)).toEqual([])
    expect(r.results.map((x) => x.name)).toEqual([
      'the meta is well formed',
      'no two cases are the same',
      'every finding code has an invalid case',
      'a JSON frame',
      'a text frame',
    ])
  })

  it('fails a case whose finding is not the one expected', async () => {
    const wrong = defineProbe({
      ...frameProbe(),
      meta: {
        ...frameProbe().meta,
        findings: {
          'frame/not-json': { severity: 'error', description: 'x' },
          'frame/other': { severity: 'error', description: 'y' },
        },
      },
    })
    const probe = { ...wrong, run: frameProbe({ code: 'frame/other' }).run }
    const f = await failures(probe, spec({ untested: { 'frame/other': 'only reported by mistake here' } }))
    expect(f).toEqual([
      'a text frame: finding 1: expected frame/not-json, got frame/other ("The first frame is not JSON: hello")',
    ])
  })

  it('fails a valid case where the probe finds something, and an invalid one where it finds nothing', async () => {
    const f = await failures(
      frameProbe(),
      spec({
        valid: [{ name: 'not JSON', reply: { kind: 'frames', frames: ['hello'] } }],
        invalid: [
          {
            name: 'JSON',
            reply: { kind: 'frames', frames: [iatFrame] },
            findings: [{ code: 'frame/not-json' }],
          },
        ],
      }),
    )
    expect(f).toEqual([
      'not JSON: a valid case, but the probe found frame/not-json',
      'JSON: expected 1 finding (frame/not-json), got 0: none',
    ])
  })

  it('fails a probe that throws, naming the crash', async () => {
    const f = await failures(
      frameProbe({
        run: () => {
          throw new TypeError('boom')
        },
      }),
      spec(),
    )
    expect(f.map((x) => x.split('\n')[0])).toEqual([
      'a JSON frame: the probe crashed: Probe "first-frame" threw TypeError; the other links still ran.',
      'a text frame: the probe crashed: Probe "first-frame" threw TypeError; the other links still ran.',
    ])
  })

  it('fails an error finding without a fix', async () => {
    const f = await failures(frameProbe({ fix: null }), spec())
    expect(f).toEqual(['a text frame: frame/not-json is an error without a fix: say what the user should do'])
  })

  it('fails a case where the probe did not run because an earlier link broke', async () => {
    const f = await failures(
      frameProbe(),
      spec({ valid: [{ name: 'refused', reply: { kind: 'status', status: 500, body: 'down' } }] }),
    )
    expect(f).toEqual(['refused: the probe did not run: Not run: websocket failed (http/server-error).'])
  })

  it('fails a probe that shows a secret the server echoed, even as a spaced hex dump the redactor does not know', async () => {
    const dump = frameProbe({
      run: async (ctx) => {
        const ex = await ctx.exchange()
        const hex = Buffer.from(ex.frames[0]?.text ?? '')
          .toString('hex')
          .replace(/(..)/g, '$1 ')
        ctx.report({ code: 'frame/not-json', message: `Frame bytes: ${hex}`, fix: 'x' })
      },
    })
    const echo = JSON.stringify({ code: 0, echo: secret })
    const f = await failures(
      dump,
      spec({
        valid: [],
        invalid: [
          { name: 'echo', reply: { kind: 'frames', frames: [echo] }, findings: [{ code: 'frame/not-json' }] },
        ],
      }),
    )
    expect(f).toEqual(['echo: the report shows a secret in the frame/not-json finding of first-frame'])
  })

  it('fails a suite without a case for a declared code, or with a repeated case', async () => {
    expect(await failures(frameProbe(), spec({ invalid: [] }))).toEqual([
      'every finding code has an invalid case: no invalid case finds frame/not-json',
    ])
    const twice = await failures(
      frameProbe(),
      spec({
        valid: [
          { name: 'a', reply: { kind: 'frames', frames: [iatFrame] } },
          { name: 'a', reply: { kind: 'frames', frames: [iatFrame] } },
        ],
      }),
    )
    expect(twice).toEqual([
      'no two cases are the same: "a" has the same setup as "a"\nthe case name "a" is used 2 times',
    ])
  })

  it('fails malformed meta: an id not in kebab case, a code without an area, an unknown link in after', async () => {
    const bad = {
      ...frameProbe(),
      meta: {
        ...frameProbe().meta,
        id: 'FirstFrame',
        after: ['websockets'],
        findings: { notjson: { severity: 'fatal' as never, description: '' } },
      },
    }
    const f = await failures(bad, spec({ valid: [], invalid: [] }))
    expect(f[0]!.split('\n')).toEqual([
      'the meta is well formed: meta.id "FirstFrame" is not a lower-case kebab-case id',
      'finding code "notjson" is not <area>/<kebab-name>',
      'finding code "notjson" has severity "fatal", not error, warning or info',
      'finding code "notjson" has no description',
      expect.stringContaining('meta.after names "websockets", which is not in the chain'),
    ])
  })

  it('refuses a case with both or neither of scenario and reply', async () => {
    const f = await failures(
      frameProbe(),
      spec({ valid: [{ name: 'both', scenario: 'healthy', reply: { kind: 'never-answer' } }] }),
    )
    expect(f).toEqual([
      'both: the case needs exactly one of scenario (the emulator) and reply (a fixture server)',
    ])
  })
})

describe('fixture servers and the fake clock', () => {
  it('records requests and answers with the status, headers and body given', async () => {
    const fx = await startFixture({
      kind: 'status',
      status: 418,
      body: 'teapot',
      headers: { 'x-why': 'test' },
    })
    try {
      const res = await fetch(fx.url('/v1/x?y=1', 'http'))
      expect([res.status, res.headers.get('x-why'), await res.text()]).toEqual([418, 'test', 'teapot'])
      expect(fx.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /v1/x?y=1'])
    } finally {
      await fx.close()
    }
  })

  it('serves TLS with a test CA the engine options trust', async () => {
    const fx = await startFixture({ kind: 'status', status: 200, body: 'ok' }, { tls: 'good' })
    try {
      expect(fx.url('/p', 'https')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/p$/)
      expect(fx.engine.tls?.servername).toBe('mock.apidx.test')
      expect(fx.engine.tls?.ca).toContain('BEGIN CERTIFICATE')
    } finally {
      await fx.close()
    }
  })

  it('a fake clock stands still until moved', () => {
    const clock = fakeClock('2026-01-01T00:00:00Z')
    expect(clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'))
    clock.advance(-360_000)
    expect(new Date(clock.now()).toISOString()).toBe('2025-12-31T23:54:00.000Z')
    clock.set(0)
    expect(clock.now()).toBe(0)
    expect(() => fakeClock('not a date')).toThrow('not an instant')
  })
})
