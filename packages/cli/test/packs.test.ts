// `apidx packs list | info | validate` run as a user would, against the built CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { printable } from '@apidx/core'
import { brokenCases, validPackFile } from '../../core/test/broken-packs.js'
import { runCli } from './run-cli.js'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const iflytek = path.join(repo, 'providers/iflytek/pack.json')
const dir = mkdtempSync(path.join(tmpdir(), 'apidx-packs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = { APIDX_DATA_DIR: path.join(dir, 'data') }

describe('apidx packs list', () => {
  it('shows the built-in iFlytek pack with its source', async () => {
    const r = await runCli(['packs', 'list', '--json'], { env, cwd: dir })
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const row = out.packs.find((p: { id: string }) => p.id === 'iflytek')
    expect(row).toMatchObject({ id: 'iflytek', source: 'builtin', location: iflytek })
    expect(row.services).toEqual(expect.arrayContaining(['iat', 'rtasr']))
  })

  it('prints a table without --json', async () => {
    const r = await runCli(['packs', 'list'], { env, cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^iflytek\s+iFlytek Open Platform/m)
  })
})

describe('apidx packs info', () => {
  it('lists services, versions with status, auth schemes, hosts and error counts', async () => {
    const r = await runCli(['packs', 'info', 'iflytek', '--json'], { env, cwd: dir })
    expect(r.code).toBe(0)
    const info = JSON.parse(r.stdout)
    expect(info.hosts).toContain('*.xfyun.cn')
    const iat = info.services.find((s: { id: string }) => s.id === 'iat')
    expect(iat.defaultVersion).toBe('v2')
    expect(iat.errorCodes).toBeGreaterThan(30)
    expect(iat.versions.find((v: { id: string }) => v.id === 'v2')).toMatchObject({ status: 'current', auth: 'hmac-url', url: 'wss://iat-api.xfyun.cn/v2/iat' })
    expect(info.authSchemes.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['hmac-url', 'rtasr-signa']))
  })

  it('exits 2 with ERR_PACK_NOT_FOUND for an unknown id', async () => {
    const r = await runCli(['packs', 'info', 'nosuchvendor', '--json'], { env, cwd: dir })
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('ERR_PACK_NOT_FOUND')
  })
})

describe('apidx packs validate', () => {
  it('exits 0 for the shipped iFlytek pack', async () => {
    const r = await runCli(['packs', 'validate', iflytek], { env, cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  it('rejects every broken pack with exit 1, naming the file and the JSON pointer', async () => {
    const results = await Promise.all(
      brokenCases.map(async (c, i) => {
        const file = path.join(dir, `broken-${i}.json`)
        writeFileSync(file, c.text())
        return { c, file, r: await runCli(['packs', 'validate', file], { env, cwd: dir }) }
      }),
    )
    for (const { c, file, r } of results) {
      expect(r.code, `${c.name}: ${r.stdout}${r.stderr}`).toBe(1)
      expect(r.stderr, c.name).toBe('')
      const problemLines = r.stdout.split('\n').filter((l) => l.startsWith(`  ${file}#`))
      expect(problemLines.map((l) => l.slice(file.length + 3, l.indexOf(': ')))).toEqual(c.pointers.map(printable))
      expect(problemLines[0], c.name).toContain(c.message)
    }
  })

  it('reports each file of several, and --json carries the problems', async () => {
    const bad = path.join(dir, 'bad.json')
    writeFileSync(bad, '{"id": "x"')
    const r = await runCli(['packs', 'validate', iflytek, bad, '--json'], { env, cwd: dir })
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.valid).toBe(false)
    expect(out.results.map((x: { valid: boolean }) => x.valid)).toEqual([true, false])
    expect(out.results[1].problems[0]).toMatchObject({ file: bad, pointer: '' })
  })
})
