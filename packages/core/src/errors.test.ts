import { describe, expect, it } from 'vitest'
import { ApidxError, formatProblem } from './errors.js'

describe('ApidxError', () => {
  it('carries a stable code, problems and exit code 2', () => {
    const e = new ApidxError('ERR_PACK_INVALID', 'bad pack', {
      problems: [
        { file: 'p.json', pointer: '/id', message: 'must be a string', remedy: 'Use a lower-case id.' },
      ],
    })
    expect(e.code).toBe('ERR_PACK_INVALID')
    expect(e.exitCode).toBe(2)
    expect(formatProblem(e.problems[0]!)).toBe('p.json#/id: must be a string. Use a lower-case id.')
  })
})
