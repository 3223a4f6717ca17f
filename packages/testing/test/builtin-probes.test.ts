// ProbeTester on two built-in probes, as a probe author would use it: the clock link against the
// emulator, fixture servers and a machine whose clock is wrong; the auth link against the
// emulator's auth faults and bodies no pack rule matches.
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'
import { builtinProbes } from '@apidx/probes'
import { ProbeTester } from '../src/index.js'

ProbeTester.describe = describe
ProbeTester.it = it

const iflytek = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))
const probe = (id: string) => builtinProbes.find((p) => p.meta.id === id)!
const iatFrame = JSON.stringify({ code: 0, message: 'success', sid: 'iat000001@dx', data: { status: 2, result: { sn: 1, ls: true, ws: [] } } })

new ProbeTester().run(probe('clock'), {
  pack: iflytek,
  valid: [
    { name: 'the emulator, healthy, with the real clock', scenario: 'healthy' },
    { name: 'a fixture that answers with a frame, over TLS', reply: { kind: 'frames', frames: [iatFrame] }, tls: 'good' },
    { name: 'a machine two minutes ahead is within iFlytek\'s 300 s', scenario: 'healthy', clockOffsetMs: 120_000 },
  ],
  invalid: [
    { name: 'the emulator\'s clock-skew scenario', scenario: 'clock-skew', findings: [{ code: 'clock/skew', messageIncludes: 'allows 300 s' }] },
    { name: 'a machine six minutes behind', scenario: 'healthy', clockOffsetMs: -360_000, findings: [{ code: 'clock/skew', messageIncludes: 'behind the server' }] },
    { name: 'a clock stopped in 2020, against a fixture', reply: { kind: 'frames', frames: [iatFrame] }, now: '2020-01-01T00:00:00Z', findings: [{ code: 'clock/skew', severity: 'error' }] },
  ],
})

new ProbeTester().run(probe('auth'), {
  pack: iflytek,
  valid: [{ name: 'the emulator accepts the demo credentials', scenario: 'healthy' }],
  invalid: [
    { name: 'wrong secret', scenario: 'wrong-secret', findings: [{ code: 'auth/signature-mismatch' }] },
    { name: 'unknown key', scenario: 'unknown-key', findings: [{ code: 'auth/unknown-key' }] },
    { name: 'no credentials names the variables', scenario: 'missing-credentials', findings: [{ code: 'auth/missing-credentials', messageIncludes: 'IFLYTEK_API_SECRET' }] },
    { name: 'IP whitelist', scenario: 'ip-not-allowed', findings: [{ code: 'auth/ip-not-allowed' }] },
    { name: '401 with a body no rule matches', reply: { kind: 'status', status: 401, body: '{"message":"nope"}' }, findings: [{ code: 'auth/unauthorized', messageIncludes: 'nope' }] },
    { name: '403 with a body no rule matches', reply: { kind: 'status', status: 403, body: '{"message":"nope"}' }, findings: [{ code: 'auth/forbidden' }] },
  ],
  // The fixture and the emulator listen on loopback, and an endpoint the user names is trusted.
  untested: { 'auth/credentials-withheld': 'needs a plain ws:// host outside loopback' },
})
