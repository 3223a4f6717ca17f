// hostParams: a parameter read from one DNS label of the host, by plain prefix and suffix.
import { describe, expect, it } from 'vitest'
import type { Version } from '../generated/index.js'
import { hostParams, hostTemplateProblem } from './host-params.js'

const version = {
  signingParamsFromHost: { region: 'transcribestreaming.{region}.amazonaws.com' },
} as unknown as Version

describe('hostParams', () => {
  it('reads the label where the template has it, in any letter case', () => {
    expect(hostParams(version, 'transcribestreaming.eu-west-1.amazonaws.com')).toEqual({
      region: 'eu-west-1',
    })
    expect(hostParams(version, 'TranscribeStreaming.AP-Southeast-2.amazonaws.com')).toEqual({
      region: 'ap-southeast-2',
    })
  })

  it('gives nothing for a host the template does not fit, or a value that is not one label', () => {
    for (const host of [
      'transcribestreaming.amazonaws.com',
      'sts.us-east-1.amazonaws.com',
      'transcribestreaming.a.b.amazonaws.com',
      'transcribestreaming.-x.amazonaws.com',
      '127.0.0.1',
    ]) {
      expect(hostParams(version, host)).toEqual({})
    }
    expect(hostParams({} as Version, 'transcribestreaming.eu-west-1.amazonaws.com')).toEqual({})
  })
})

describe('hostTemplateProblem', () => {
  it('accepts one whole label, and names what is wrong otherwise', () => {
    expect(hostTemplateProblem('region', 'sts.{region}.amazonaws.com')).toBeUndefined()
    expect(hostTemplateProblem('region', '{region}.example.com')).toBeUndefined()
    expect(hostTemplateProblem('region', 'sts.amazonaws.com')).toBe('must hold {region} exactly once')
    expect(hostTemplateProblem('region', 'sts-{region}.amazonaws.com')).toBe(
      '{region} must be a whole DNS label (between dots)',
    )
    expect(hostTemplateProblem('region', '{region}.{zone}.example.com')).toBe('may hold no other placeholder')
  })
})
