// Tool errors quote pack keys and user input; a control character in them must reach the terminal
// escaped, never raw (an ESC could rewrite the screen).
import { describe, expect, it } from 'vitest'
import { ApidxError } from '@apidx/core'
import { renderError } from '../src/render/error.js'

describe('renderError', () => {
  it('escapes control characters in the message, the problems and the suggestions', () => {
    const err = new ApidxError('ERR_PACK_INVALID', 'pack "\u001b[2Jx" is invalid', {
      problems: [
        {
          file: 'pack.json',
          pointer: '/services/a\u001b[31mb',
          message: 'unknown property "\u0007"',
          remedy: 'Remove it.',
        },
      ],
      suggestions: ['try \u001b]0;title\u0007'],
    })
    const text = renderError(err)
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    expect(text).toContain('/services/a\\u001b[31mb')
  })
})
