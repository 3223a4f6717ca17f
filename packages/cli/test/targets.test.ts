// Targets files (`check --targets`, targets.schema.json): YAML and JSON, ${env:} credentials, and every
// rejection naming the file and JSON pointer — a literal secret in the file is refused outright.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApidxError } from '@apidx/core'
import { loadTargets } from '../src/api/targets.js'

const dir = mkdtempSync(path.join(tmpdir(), 'apidx-targets-'))
const file = (name: string, text: string) => {
  const p = path.join(dir, name)
  writeFileSync(p, text)
  return p
}
const problems = async (p: string, env: NodeJS.ProcessEnv = {}) => {
  const err = (await loadTargets(p, env).catch((e) => e)) as ApidxError
  expect(err.code).toBe('ERR_CONFIG_INVALID')
  return err.problems.map((x) => `${x.pointer}: ${x.message}`)
}

describe('loadTargets', () => {
  it('reads YAML entries as check options, credentials from ${env:} references', async () => {
    const p = file(
      'ok.yaml',
      [
        'concurrency: 4',
        'targets:',
        '  - name: dictation',
        '    provider: iflytek',
        '    service: iat',
        '    timeout: 3000',
        '    credentials: { apiSecret: "${env:MY_SECRET}" }',
        '  - provider: aws',
        '    endpoint: https://proxy.example/transcribe',
      ].join('\n'),
    )
    const loaded = await loadTargets(p, { MY_SECRET: 's3cret' })
    expect(loaded.concurrency).toBe(4)
    expect(loaded.targets.map(({ env: _, ...t }) => t)).toEqual([
      {
        provider: 'iflytek',
        name: 'dictation',
        service: 'iat',
        timeoutMs: 3000,
        credentials: { apiSecret: 's3cret' },
      },
      { provider: 'aws', endpoint: 'https://proxy.example/transcribe' },
    ])
  })

  it('reads JSON too', async () => {
    const p = file('ok.json', JSON.stringify({ targets: [{ provider: 'iflytek', version: 'v2' }] }))
    expect((await loadTargets(p, {})).targets[0]).toMatchObject({ provider: 'iflytek', version: 'v2' })
  })

  it('refuses a literal secret: credentials must be ${env:NAME} references', async () => {
    const p = file(
      'literal.yaml',
      'targets:\n  - provider: iflytek\n    credentials: { apiSecret: hunter2 }\n',
    )
    expect(await problems(p)).toEqual([
      '/targets/0/credentials/apiSecret: is not an environment reference (the value is not shown: it may be a secret)',
    ])
  })

  it('names an unset variable by its pointer instead of sending an empty credential', async () => {
    const p = file(
      'unset.yaml',
      'targets:\n  - provider: iflytek\n    credentials: { apiKey: "${env:NOPE}" }\n',
    )
    expect(await problems(p)).toEqual([
      '/targets/0/credentials/apiKey: refers to ${env:NOPE}, which is not set',
    ])
  })

  it('rejects unknown properties, an empty list and prototype keys', async () => {
    expect(await problems(file('typo.yaml', 'targets:\n  - provider: iflytek\n    sevice: iat\n'))).toEqual([
      '/targets/0/sevice: unknown property "sevice"',
    ])
    expect(await problems(file('empty.yaml', 'targets: []\n'))).toEqual([
      '/targets: has 0 items, at least 1 allowed',
    ])
    const proto = await problems(
      file('proto.json', '{"targets":[{"provider":"iflytek","__proto__":{"x":1}}]}'),
    )
    expect(proto.length).toBe(1)
    expect(proto[0]).toContain('__proto__')
  })
})
