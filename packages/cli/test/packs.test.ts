// `apidx packs list | info | validate` run as a user would, against the built CLI.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

describe('apidx packs list, with installed and config packs', () => {
  const home = path.join(dir, 'listing')
  const data = path.join(home, 'data')
  const base = JSON.parse(readFileSync(validPackFile, 'utf8'))
  const write = (file: string, value: unknown) => {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  }
  write(path.join(data, 'packs/acme/pack.json'), base)
  write(path.join(data, 'packs/acme/install.json'), {
    recordVersion: 1,
    id: 'acme',
    source: { kind: 'path', spec: '/x' },
    version: '1.2.3',
    packVersion: '1.2.3',
    integrity: { pack: 'sha512-not-what-is-there' },
    installedAt: '2026-11-25T00:00:00Z',
  })
  write(path.join(data, 'packs/broken/pack.json'), '{"id": "broken",}')
  write(path.join(home, 'project/my-packs/zeta/pack.json'), { ...base, id: 'zeta', name: 'Zeta' })
  write(path.join(home, 'project/.apidxrc.json'), { packs: ['my-packs/zeta'] })
  const cwd = path.join(home, 'project')

  it('shows config, installed and built-in packs, flags an edited install, and lists broken packs apart', async () => {
    const r = await runCli(['packs', 'list', '--json'], { env: { APIDX_DATA_DIR: data }, cwd })
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(
      out.packs.map((p: { id: string; source: string; edited?: boolean }) => [
        p.id,
        p.source,
        p.edited ?? false,
      ]),
    ).toEqual([
      ['zeta', 'path', false],
      ['acme', 'installed', true],
      ['iflytek', 'builtin', false],
      ['aws', 'builtin', false],
      ['tencentcloud', 'builtin', false],
      ['aliyun', 'builtin', false],
      ['baidu', 'builtin', false],
      ['openai', 'builtin', false],
    ])
    expect(out.broken).toEqual([
      {
        location: path.join(data, 'packs/broken/pack.json'),
        source: 'installed',
        problems: [
          expect.objectContaining({
            pointer: '',
            message: "line 1, column 17: expected a property name in double quotes but found '}'",
          }),
        ],
      },
    ])
  })

  it('prints the same as a table', async () => {
    const r = await runCli(['packs', 'list'], { env: { APIDX_DATA_DIR: data }, cwd })
    expect(r.stdout).toContain(`installed (edited since install) ${path.join(data, 'packs/acme/pack.json')}`)
    expect(r.stdout).toContain(
      `✗ ${path.join(data, 'packs/broken/pack.json')} (installed) does not validate:`,
    )
  })

  it('packs info of a broken installed pack exits 2 with its problems', async () => {
    const r = await runCli(['packs', 'info', 'broken'], { env: { APIDX_DATA_DIR: data }, cwd })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('[ERR_PACK_INVALID]')
    expect(r.stderr).toContain(`${path.join(data, 'packs/broken/pack.json')}#: line 1, column 17`)
  })

  it('packs info takes a path too', async () => {
    const r = await runCli(['packs', 'info', './my-packs/zeta', '--json'], {
      env: { APIDX_DATA_DIR: data },
      cwd,
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'zeta',
      source: 'path',
      services: [{ id: 'asr', defaultVersion: 'v2', errorCodes: 2 }, { id: 'chat' }],
    })
  })
})

describe('config in a cloned repository runs no code', () => {
  const repo = path.join(dir, 'hostile')
  const marker = (name: string) => path.join(repo, `ran-${name}`)
  const script = (name: string) =>
    `require('fs').writeFileSync(${JSON.stringify(marker(name))}, 'x'); module.exports = {}`

  it("ignores cosmiconfig's meta config: .config/config.cjs is not run, .config/config.json adds no search place", async () => {
    mkdirSync(path.join(repo, '.config'), { recursive: true })
    writeFileSync(path.join(repo, '.config/config.cjs'), script('meta'))
    writeFileSync(
      path.join(repo, '.config/config.json'),
      JSON.stringify({ cosmiconfig: { searchPlaces: ['evil.cjs'] } }),
    )
    writeFileSync(path.join(repo, 'evil.cjs'), script('redirect'))
    const r = await runCli(['packs', 'list', '--json'], { env, cwd: repo })
    expect(r.code).toBe(0)
    expect(readdirSync(repo).filter((f) => f.startsWith('ran-'))).toEqual([])
  })

  it('refuses apidx.config.cjs by name (exit 2) without running it, and runs it with APIDX_ALLOW_CODE_CONFIG=1', async () => {
    writeFileSync(path.join(repo, 'apidx.config.cjs'), script('config'))
    const refused = await runCli(['packs', 'list'], { env, cwd: repo })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(
      `${path.join(repo, 'apidx.config.cjs')} is a config file that runs code, and code config is off.`,
    )
    expect(refused.stderr).toContain('APIDX_ALLOW_CODE_CONFIG=1')
    expect(readdirSync(repo).filter((f) => f.startsWith('ran-'))).toEqual([])
    const allowed = await runCli(['packs', 'list'], {
      env: { ...env, APIDX_ALLOW_CODE_CONFIG: '1' },
      cwd: repo,
    })
    expect(allowed.code).toBe(0)
    expect(readdirSync(repo).filter((f) => f.startsWith('ran-'))).toEqual(['ran-config'])
  })

  it('refuses a code config in the user config folder too', async () => {
    const xdg = path.join(dir, 'xdg')
    mkdirSync(path.join(xdg, 'apidx'), { recursive: true })
    writeFileSync(path.join(xdg, 'apidx/config.js'), 'process.exit(42)')
    const r = await runCli(['packs', 'list'], { env: { ...env, XDG_CONFIG_HOME: xdg }, cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${path.join(xdg, 'apidx/config.js')} is a config file that runs code`)
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
    expect(iat.versions.find((v: { id: string }) => v.id === 'v2')).toMatchObject({
      status: 'current',
      auth: 'hmac-url',
      url: 'wss://iat-api.xfyun.cn/v2/iat',
    })
    expect(info.authSchemes.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining(['hmac-url', 'rtasr-signa']),
    )
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
    // Four CLI processes at a time: the 2-core CI machine runs other test files alongside.
    const results: {
      c: (typeof brokenCases)[number]
      file: string
      r: Awaited<ReturnType<typeof runCli>>
    }[] = []
    for (let start = 0; start < brokenCases.length; start += 4) {
      const batch = brokenCases.slice(start, start + 4).map(async (c, k) => {
        const file = path.join(dir, `broken-${start + k}.json`)
        writeFileSync(file, c.text())
        return { c, file, r: await runCli(['packs', 'validate', file], { env, cwd: dir }) }
      })
      results.push(...(await Promise.all(batch)))
    }
    for (const { c, file, r } of results) {
      expect(r.code, `${c.name}: ${r.stdout}${r.stderr}`).toBe(1)
      expect(r.stderr, c.name).toBe('')
      const problemLines = r.stdout.split('\n').filter((l) => l.startsWith(`  ${file}#`))
      expect(problemLines.map((l) => l.slice(file.length + 3, l.indexOf(': ')))).toEqual(
        c.pointers.map(printable),
      )
      expect(problemLines[0], c.name).toContain(c.message)
    }
  }, 120_000)

  it('takes a folder holding pack.json, and prints the file it checked', async () => {
    const r = await runCli(['packs', 'validate', path.dirname(validPackFile)], { env, cwd: dir })
    expect([r.code, r.stdout]).toEqual([0, `✓ ${validPackFile} (acme)\n\n1 pack valid.\n`])
  })

  it('without a path is a usage error (exit 2)', async () => {
    const r = await runCli(['packs', 'validate'], { env, cwd: dir })
    expect(r.code).toBe(2)
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
