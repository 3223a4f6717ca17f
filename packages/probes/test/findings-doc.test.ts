// Every code a built-in probe can report is documented in docs/findings.md (codes are public API).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtinProbes } from '../src/index.js'

const doc = readFileSync(new URL('../../../docs/findings.md', import.meta.url), 'utf8')

describe('docs/findings.md', () => {
  const codes = [
    ...new Set(builtinProbes.flatMap((p) => Object.keys(p.meta.findings))),
    'engine/probe-crashed',
    'engine/unplaced-failure',
  ]
  for (const code of codes) {
    it(`documents ${code}`, () => {
      expect(doc).toContain(`\`${code}\``)
    })
  }

  it('lists the probes in chain order', () => {
    expect(builtinProbes.map((p) => p.meta.id)).toEqual([
      'version',
      'proxy',
      'dns',
      'tcp',
      'tls',
      'websocket',
      'http',
      'clock',
      'auth',
      'response',
      'vendor-error',
    ])
  })
})
