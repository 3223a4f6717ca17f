// explain() on a code whose message picks its meaning (byMessage): a bare code shows every meaning, a
// body or a log line that carries the message shows the one it selects.
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { explain } from './explain.js'

const DOC = 'https://acme.example/docs'
const acme = {
  id: 'acme',
  name: 'Acme Cloud',
  packVersion: '1.0.0',
  verified: '2026-11-01',
  docs: DOC,
  hosts: ['*.acme.example'],
  credentials: {},
  auth: {},
  services: {
    stream: {
      title: 'Streaming',
      docs: DOC,
      defaultVersion: 'v1',
      versions: {
        v1: {
          url: 'wss://s.acme.example/v1',
          protocol: 'websocket',
          auth: null,
          status: 'current',
          source: DOC,
          response: {
            format: 'json',
            errorCode: '/type',
            errorMessage: '/message',
            examples: { errorFrame: { type: '{code}', message: '{message}' } },
          },
        },
      },
      errors: {
        BadRequest: {
          meaning: 'A bad parameter.',
          cause: 'An unsupported sample rate.',
          fix: 'Check the parameters.',
          source: `${DOC}/errors`,
          byMessage: [
            {
              contains: 'signature does not match',
              vendorText: 'The signature does not match.',
              meaning: 'A bad signature.',
              fix: 'Sign again.',
              diagnosis: 'auth/signature-mismatch',
              source: `${DOC}/auth`,
              confidence: 'community',
            },
          ],
        },
      },
    },
  },
} as unknown as ProviderPack

const summary = (input: string) =>
  explain(input, [acme]).matches.map((m) => ({
    code: m.code,
    meaning: m.meaning,
    diagnosis: m.diagnosis,
    messageContains: m.messageContains,
  }))

describe('explain with byMessage', () => {
  it("a bare code lists the code's own meaning, then each meaning its message can select", () => {
    expect(summary('BadRequest')).toEqual([
      {
        code: 'BadRequest',
        meaning: 'A bad parameter.',
        diagnosis: 'vendor/error',
        messageContains: undefined,
      },
      {
        code: 'BadRequest',
        meaning: 'A bad signature.',
        diagnosis: 'auth/signature-mismatch',
        messageContains: 'signature does not match',
      },
    ])
  })

  it('an error body resolves the meaning from its message field', () => {
    expect(summary('{"type":"BadRequest","message":"The signature does not match."}')).toEqual([
      {
        code: 'BadRequest',
        meaning: 'A bad signature.',
        diagnosis: 'auth/signature-mismatch',
        messageContains: 'signature does not match',
      },
    ])
    expect(summary('{"type":"BadRequest","message":"sample rate 7 Hz"}')).toEqual([
      {
        code: 'BadRequest',
        meaning: 'A bad parameter.',
        diagnosis: 'vendor/error',
        messageContains: undefined,
      },
    ])
  })

  it("a log line that quotes the message finds its meaning without the code's field", () => {
    const e = explain('BadRequest: The signature does not match. (request id 42)', [acme])
    expect([e.kind, e.found, e.provider, e.service]).toEqual(['error-body', true, 'acme', 'stream'])
    expect(summary('BadRequest: The signature does not match. (request id 42)')).toEqual([
      {
        code: 'BadRequest',
        meaning: 'A bad signature.',
        diagnosis: 'auth/signature-mismatch',
        messageContains: 'signature does not match',
      },
    ])
  })
})
