// AWS event-stream framing against an independent encoding: the end-of-stream AudioEvent in the aws
// pack's probe was built by hand from the streaming guide's layout and its CRCs checked with zlib.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeEventStream, encodeEventStream } from './event-stream.js'

const aws = JSON.parse(readFileSync(new URL('../../../../providers/aws/pack.json', import.meta.url), 'utf8'))
const probe = aws.services['transcribe-streaming'].versions.v1.probe.frames as { base64?: string }[]
const endOfStream = Buffer.from(probe[probe.length - 1]!.base64!, 'base64')
const HEADERS = {
  ':content-type': 'application/octet-stream',
  ':event-type': 'AudioEvent',
  ':message-type': 'event',
}

describe('AWS event-stream', () => {
  it('decodes the hand-built end-of-stream AudioEvent: three string headers, empty payload', () => {
    expect(decodeEventStream(endOfStream)).toEqual({ headers: HEADERS, payload: '' })
  })

  it('encodes the same message to the same bytes', () => {
    const headers = decodeEventStream(endOfStream)!.headers as Record<string, string>
    expect(encodeEventStream({ headers, payload: '' }).equals(endOfStream)).toBe(true)
  })

  it('round-trips an exception message with a JSON payload', () => {
    const message = {
      headers: {
        ':message-type': 'exception',
        ':exception-type': 'BadRequestException',
        ':content-type': 'application/json',
      },
      payload: { Message: 'Your request timed out because no new audio was received for 15 seconds.' },
    }
    expect(decodeEventStream(encodeEventStream(message))).toEqual(message)
  })

  it('rejects a bad prelude CRC, a bad message CRC, and a wrong length', () => {
    const bad = (at: number) => {
      const b = Buffer.from(endOfStream)
      b[at] = b[at]! ^ 0xff
      return b
    }
    expect(decodeEventStream(bad(9))).toBeUndefined()
    expect(decodeEventStream(bad(endOfStream.length - 1))).toBeUndefined()
    expect(decodeEventStream(endOfStream.subarray(0, endOfStream.length - 1))).toBeUndefined()
    expect(decodeEventStream(Buffer.from('{"not":"a message"}'))).toBeUndefined()
  })
})
