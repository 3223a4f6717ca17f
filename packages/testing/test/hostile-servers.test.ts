// The check engine against hostile servers (issue 14): each case names the diagnosis a user must get
// and the phases it may spend time in; the run must end within the sum of those phase deadlines plus
// 10% (the acceptance's explicit bound), and never report a failed exchange as healthy.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildReport,
  createRegistry,
  deadlinesFor,
  resolveTarget,
  runChecks,
  type PhaseDeadlines,
  type ProviderPack,
} from '@apidx/core'
import { demoCredentials } from '@apidx/mock'
import { builtinProbes } from '@apidx/probes'
import { closeFrame, rawFrame, startHostile, type HostileBehaviour } from '../src/hostile-server.js'

const packOf = (id: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../providers/${id}/pack.json`, import.meta.url), 'utf8'),
  ) as ProviderPack
const iflytek = packOf('iflytek')
const openai = packOf('openai')

/** Base of the phase deadlines: short for a fast suite, long enough that 10% absorbs a busy machine. */
const BASE_MS = 1000
const deadlines = deadlinesFor(BASE_MS)
const ESC = '\u001b'

interface Case {
  name: string
  behaviour: HostileBehaviour
  /** `ws`/`wss` dial iFlytek iat, `http`/`https` OpenAI models. */
  scheme: 'ws' | 'wss' | 'http' | 'https'
  /** The root cause the user must get. */
  root: string
  /** The phases whose deadlines bound the run. */
  phases: (keyof PhaseDeadlines)[]
}

const text = (s: string) => rawFrame(0x1, Buffer.from(s))
const cases: Case[] = [
  {
    name: 'a silent server on ws://',
    behaviour: { kind: 'silent' },
    scheme: 'ws',
    root: 'ws/handshake-timeout',
    phases: ['handshake'],
  },
  {
    name: 'a silent server on http://',
    behaviour: { kind: 'silent' },
    scheme: 'http',
    root: 'http/timeout',
    phases: ['handshake'],
  },
  {
    name: 'a stalled TLS handshake on wss://',
    behaviour: { kind: 'silent' },
    scheme: 'wss',
    root: 'tls/handshake-failed',
    phases: ['tls'],
  },
  {
    name: 'a stalled TLS handshake on https://',
    behaviour: { kind: 'silent' },
    scheme: 'https',
    root: 'tls/handshake-failed',
    phases: ['tls'],
  },
  {
    name: 'slowloris: a status line trickled on http://',
    behaviour: { kind: 'slowloris', everyMs: 50 },
    scheme: 'http',
    root: 'http/timeout',
    phases: ['handshake'],
  },
  {
    name: 'slowloris: an upgrade answer trickled on ws://',
    behaviour: { kind: 'slowloris', everyMs: 50 },
    scheme: 'ws',
    root: 'ws/handshake-timeout',
    phases: ['handshake'],
  },
  {
    name: 'an endless trickled body',
    behaviour: { kind: 'endless-body', everyMs: 20, chunk: 16 },
    scheme: 'http',
    root: 'http/timeout',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'an endless fast body is cut at the body cap',
    behaviour: { kind: 'endless-body', everyMs: 1, chunk: 16_384 },
    scheme: 'http',
    root: 'response/not-json',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'a frame that declares 512 MiB',
    behaviour: { kind: 'frames', bytes: [rawFrame(0x1, Buffer.from('{'), 512 * 1024 * 1024)] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'a frame with a reserved opcode',
    behaviour: { kind: 'frames', bytes: [rawFrame(0x3, Buffer.from('x'))] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'a text frame that is not JSON ends the stream at once',
    behaviour: { kind: 'frames', bytes: [text('not json {')] },
    scheme: 'ws',
    root: 'response/not-json',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'a text frame that is not UTF-8',
    behaviour: { kind: 'frames', bytes: [rawFrame(0x1, Buffer.from([0xff, 0xfe]))] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'close code 4000 with escape sequences in the reason',
    behaviour: { kind: 'frames', bytes: [closeFrame(4000, `${ESC}[2J${ESC}]0;owned\u0007bye`)] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'close code 1005, which must never be sent',
    behaviour: { kind: 'frames', bytes: [closeFrame(1005, '')] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'close code 999, outside the protocol',
    behaviour: { kind: 'frames', bytes: [closeFrame(999, 'odd')] },
    scheme: 'ws',
    root: 'ws/closed-early',
    phases: ['handshake', 'firstFrame'],
  },
  {
    name: 'a 101 with a wrong Sec-WebSocket-Accept',
    behaviour: { kind: 'bad-101', flaw: 'accept' },
    scheme: 'ws',
    root: 'ws/invalid-handshake',
    phases: ['handshake'],
  },
  {
    name: 'a 101 with an unrequested extension',
    behaviour: { kind: 'bad-101', flaw: 'extension' },
    scheme: 'ws',
    root: 'ws/invalid-handshake',
    phases: ['handshake'],
  },
  {
    name: 'a header overflow on ws://',
    behaviour: { kind: 'header-overflow' },
    scheme: 'ws',
    root: 'ws/invalid-handshake',
    phases: ['handshake'],
  },
  {
    name: 'a close right after the request on http://',
    behaviour: { kind: 'close-after-request' },
    scheme: 'http',
    root: 'http/closed-early',
    phases: ['handshake'],
  },
  {
    name: 'a reset right after the request on http://',
    behaviour: { kind: 'reset-after-request' },
    scheme: 'http',
    root: 'http/closed-early',
    phases: ['handshake'],
  },
  {
    name: 'an answer that is not HTTP on http://',
    behaviour: { kind: 'not-http' },
    scheme: 'http',
    root: 'http/invalid-response',
    phases: ['handshake'],
  },
  {
    name: 'a header overflow on http://',
    behaviour: { kind: 'header-overflow' },
    scheme: 'http',
    root: 'http/invalid-response',
    phases: ['handshake'],
  },
]

/** Every string of the report holding a control character (JSON.stringify would hide them as escapes). */
function controlIn(value: unknown): string[] {
  if (typeof value === 'string') return /[\u0000-\u001f\u007f-\u009f]/.test(value) ? [value] : []
  if (Array.isArray(value)) return value.flatMap(controlIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(controlIn)
  return []
}

/** Runs the chain against the server; the target dials it with the case's scheme. */
function check(url: (scheme: string, path: string) => string, scheme: Case['scheme']) {
  const ws = scheme === 'ws' || scheme === 'wss'
  const pack = ws ? iflytek : openai
  const target = resolveTarget(pack, {
    service: ws ? 'iat' : 'models',
    endpoint: url(scheme, ws ? '/v2/iat' : '/v1/models'),
  })
  return runChecks({
    target,
    registry: createRegistry(builtinProbes),
    credentials: demoCredentials(pack),
    deadlines,
  })
}

beforeAll(async () => {
  // The bound is on the engine's deadlines, not on loading code: one warm-up run per client first.
  const warm = await startHostile({ kind: 'close-after-request' })
  await Promise.all([check(warm.url, 'ws'), check(warm.url, 'http')])
  await warm.close()
})

describe('hostile servers', () => {
  const servers: { close(): Promise<void> }[] = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
  })
  for (const c of cases) {
    const bound = Math.round(c.phases.reduce((sum, p) => sum + deadlines[p], 0) * 1.1)
    it(`${c.name}: ${c.root}, within ${c.phases.join(' + ')} + 10%`, async () => {
      const server = await startHostile(c.behaviour)
      servers.push(server)
      const started = performance.now()
      const run = await check(server.url, c.scheme)
      const wall = performance.now() - started
      const report = buildReport(run, { redact: (t) => t })
      expect({ verdict: report.verdict, root: report.rootCause?.code }).toEqual({
        verdict: 'fail',
        root: c.root,
      })
      expect(controlIn(report)).toEqual([])
      expect(wall).toBeLessThanOrEqual(bound)
      await server.close()
    })
  }
})
