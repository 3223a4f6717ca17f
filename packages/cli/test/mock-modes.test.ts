// `apidx mock`'s returning modes (issue 16 items 4 and 5), in-process: the scenario list, export lines
// that return at once; and `packs new` over a built-in id (item 9). The detached mode and its Try line run in test/e2e/docs-examples.test.ts.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { scenarios } from '@apidx/mock'
import Mock from '../src/commands/mock.js'
import PacksNew from '../src/commands/packs/new.js'
import { runCommand } from './in-process.js'

const cwd = mkdtempSync(path.join(tmpdir(), 'apidx-mock-modes-'))

describe('apidx mock --list', () => {
  it('names every scenario with one line each', async () => {
    const r = await runCommand(Mock, ['--provider', 'iflytek', '--list'], { cwd })
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.slice(1, -1).map((l) => l.trim().split(/\s+/)[0])).toEqual(scenarios.map((s) => s.id))
    expect(lines.at(-1)).toContain('vendor-error:<code>')
  })
})

describe('apidx mock --print-env', () => {
  it('prints only export lines and returns', async () => {
    const r = await runCommand(Mock, ['--provider', 'iflytek', '--print-env'], { cwd })
    expect(r.code).toBe(0)
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'export IFLYTEK_APP_ID=apidx-demo-appid-00000000',
      'export IFLYTEK_API_KEY=apidx-demo-apikey-00000000000000',
      'export IFLYTEK_API_SECRET=apidx-demo-apisecret-00000000000',
      'export IFLYTEK_API_PASSWORD=apidx-demo-apipassword-00000000',
    ])
  })
})

describe('apidx packs new', () => {
  it('warns when the id is a built-in pack it would shadow, and not otherwise', async () => {
    const shadow = await runCommand(PacksNew, ['iflytek', '--dir', path.join(cwd, 'iflytek')], { cwd })
    expect(shadow.code).toBe(0)
    expect(shadow.stderr).toContain('Warning: "iflytek" is the id of a built-in pack.')
    const own = await runCommand(PacksNew, ['acme', '--dir', path.join(cwd, 'acme')], { cwd })
    expect(own.stderr).toBe('')
  })
})
