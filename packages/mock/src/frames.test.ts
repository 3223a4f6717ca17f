// The client's end of stream when the pack names no end mark: the last frame of the pack's probe, as
// apidx sends it (AWS's empty AudioEvent, NLS's StopTranscription), and nothing else.
import { describe, expect, it } from 'vitest'
import type { Target } from '@apidx/core'
import { isLastProbeFrame } from './frames.js'

const target = (frames: unknown[]) => ({ version: { probe: { frames } } }) as unknown as Target

describe('isLastProbeFrame', () => {
  it('matches a binary last frame byte for byte, and no other bytes', () => {
    const t = target([
      { type: 'binary', silenceBytes: 3200 },
      { type: 'binary', base64: Buffer.from('end-of-stream').toString('base64') },
    ])
    expect(isLastProbeFrame(t, Buffer.from('end-of-stream'), true)).toBe(true)
    expect(isLastProbeFrame(t, Buffer.from('end-of-streaM'), true)).toBe(false)
    expect(isLastProbeFrame(t, Buffer.alloc(3200), true)).toBe(false)
  })

  it('matches a JSON last frame field for field, a {cred.…} placeholder matching any string', () => {
    const t = target([
      { type: 'json', json: { header: { name: 'StartTranscription' } } },
      { type: 'json', json: { header: { name: 'StopTranscription', appkey: '{cred.appKey}' } } },
    ])
    expect(isLastProbeFrame(t, '{"header":{"appkey":"demo-123","name":"StopTranscription"}}', false)).toBe(
      true,
    )
    expect(isLastProbeFrame(t, '{"header":{"name":"StartTranscription"}}', false)).toBe(false)
    expect(isLastProbeFrame(t, '{"header":{"name":"StopTranscription","appkey":"x","extra":1}}', false)).toBe(
      false,
    )
    expect(isLastProbeFrame(t, 'not json', false)).toBe(false)
  })

  it('leaves one-frame probes to the one-request rule', () => {
    expect(isLastProbeFrame(target([{ type: 'text', text: 'hello' }]), 'hello', false)).toBe(false)
  })
})
