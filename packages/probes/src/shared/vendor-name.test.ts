// How messages name the vendor (issue 16, item 9): the pack's shortName, else its id, never a first word.
import { describe, expect, it } from 'vitest'
import type { Target } from '@apidx/core'
import { vendorName } from './rules.js'

const target = (pack: object) => ({ pack }) as unknown as Target

describe('vendorName', () => {
  it('is the id for "My Pack Cloud" without a shortName, not "My"', () => {
    expect(vendorName(target({ id: 'mypack', name: 'My Pack Cloud' }))).toBe('mypack')
  })
  it('is the shortName when the pack gives one', () => {
    expect(vendorName(target({ id: 'iflytek', name: 'iFlytek Open Platform', shortName: 'iFlytek' }))).toBe(
      'iFlytek',
    )
  })
})
