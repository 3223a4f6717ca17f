// ProbeTester on the built-in probes that read what the vendor sent after the handshake: the
// response format and the vendor error codes (their meaning by message included).
import { describe, it } from 'vitest'
import { ProbeTester } from '../src/index.js'
import { iflytek, tencent, aws, probe } from './builtin-fixtures.js'

ProbeTester.describe = describe
ProbeTester.it = it

new ProbeTester().run(probe('response'), {
  pack: iflytek,
  valid: [{ name: 'the example frames', scenario: 'healthy' }],
  invalid: [
    { name: 'not JSON', scenario: 'not-json', findings: [{ code: 'response/not-json' }] },
    {
      name: 'required fields missing',
      scenario: 'schema-mismatch',
      findings: [{ code: 'response/schema-mismatch' }],
    },
    { name: 'a legacy shape', scenario: 'legacy-format', findings: [{ code: 'response/legacy-format' }] },
    {
      name: 'frames stop before the end of the stream',
      reply: {
        kind: 'frames',
        frames: [
          JSON.stringify({
            code: 0,
            message: 'success',
            sid: 'iat000001@dx',
            data: { status: 1, result: { sn: 1, ls: false, ws: [] } },
          }),
        ],
      },
      findings: [{ code: 'ws/no-response', severity: 'warning' }],
    },
    {
      name: 'an empty session id',
      reply: {
        kind: 'frames',
        frames: [
          JSON.stringify({
            code: 0,
            message: 'success',
            sid: '',
            data: { status: 2, result: { sn: 1, ls: true, ws: [] } },
          }),
        ],
      },
      findings: [{ code: 'session/missing-id', severity: 'warning' }],
    },
  ],
})

new ProbeTester().run(probe('vendor-error'), {
  pack: iflytek,
  valid: [{ name: 'code 0', scenario: 'healthy' }],
  invalid: [
    {
      name: 'iat 10165',
      scenario: 'vendor-error:10165',
      findings: [{ code: 'vendor/error', messageIncludes: '10165' }],
    },
    {
      name: 'iat 10313: the app id is missing',
      scenario: 'vendor-error:10313',
      findings: [{ code: 'auth/missing-credentials' }],
    },
    {
      name: 'iat 11201: the daily quota is used up (retrying today does not help)',
      scenario: 'vendor-error:11201',
      findings: [{ code: 'quota/exhausted' }],
    },
    {
      name: 'iat 11202: the per-second limit is a rate limit (retry after backoff)',
      scenario: 'vendor-error:11202',
      findings: [{ code: 'http/rate-limited' }],
    },
    {
      name: 'iat 10010: the engine is not licensed for this app',
      scenario: 'vendor-error:10010',
      findings: [{ code: 'auth/not-entitled' }],
    },
    {
      name: 'iat v1 10105: illegal access',
      version: 'v1',
      scenario: 'vendor-error:10105',
      findings: [{ code: 'auth/forbidden' }],
    },
    {
      name: 'iat_llm 10313: app id and key do not match',
      service: 'iat_llm',
      scenario: 'vendor-error:10313',
      findings: [{ code: 'auth/unauthorized' }],
    },
    {
      name: 'Tencent SignatureFailure',
      pack: tencent,
      service: 'asr',
      scenario: 'vendor-error:AuthFailure.SignatureFailure',
      findings: [{ code: 'auth/signature-mismatch' }],
    },
    {
      name: 'Tencent SecretIdNotFound',
      pack: tencent,
      service: 'asr',
      scenario: 'vendor-error:AuthFailure.SecretIdNotFound',
      findings: [{ code: 'auth/unknown-key' }],
    },
    {
      name: 'Tencent SignatureExpire',
      pack: tencent,
      service: 'asr',
      scenario: 'vendor-error:AuthFailure.SignatureExpire',
      findings: [{ code: 'clock/skew' }],
    },
    {
      name: 'Tencent IpNotInWhitelist',
      pack: tencent,
      service: 'asr',
      scenario: 'vendor-error:IpNotInWhitelist',
      findings: [{ code: 'auth/ip-not-allowed' }],
    },
    {
      name: 'Tencent InternalError',
      pack: tencent,
      service: 'asr',
      scenario: 'vendor-error:InternalError',
      findings: [{ code: 'http/server-error' }],
    },
    {
      name: 'AWS BadRequestException with the SigV4 mismatch message is a bad signature',
      pack: aws,
      service: 'transcribe-streaming',
      scenario: 'vendor-error:BadRequestException#0',
      findings: [
        { code: 'auth/signature-mismatch', messageIncludes: 'did not verify', fixIncludes: ':8443' },
      ],
    },
    {
      name: 'AWS BadRequestException with its own message stays a vendor error',
      pack: aws,
      service: 'transcribe-streaming',
      scenario: 'vendor-error:BadRequestException',
      findings: [{ code: 'vendor/error', messageIncludes: 'client error' }],
    },
  ],
})
