// Config as a newcomer meets it (issue 16 items 1–3 and 9) and project-config trust (issue 14,
// defect 3), run in-process against the emulator on loopback with canary credentials.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPack } from '@apidx/core'
import { demoCredentials, startMock, type MockServer } from '@apidx/mock'
import Check from '../src/commands/check.js'
import ConfigTrust from '../src/commands/config/trust.js'
import PacksList from '../src/commands/packs/list.js'
import Sign from '../src/commands/sign.js'
import { packOptions } from '../src/packs.js'
import { runCommand } from './in-process.js'

const root = mkdtempSync(path.join(tmpdir(), 'apidx-config-cli-'))
const data = path.join(root, 'data')
let mock: MockServer
let demo: Record<string, string>
let n = 0

/** A project folder holding `.apidxrc.json` with `config`. */
function project(config: object): string {
  const dir = path.join(root, `p${n++}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, '.apidxrc.json'), JSON.stringify(config))
  return dir
}
const demoEnv = () => ({
  IFLYTEK_APP_ID: demo.appId!,
  IFLYTEK_API_KEY: demo.apiKey!,
  IFLYTEK_API_SECRET: demo.apiSecret!,
  APIDX_DATA_DIR: data,
})

beforeAll(async () => {
  const { pack } = await loadPack('iflytek', packOptions())
  demo = demoCredentials(pack)
  mock = await startMock({ pack, service: 'iat', version: 'v2', credentials: demo })
})
afterAll(async () => {
  await mock.close()
  rmSync(root, { recursive: true, force: true })
})

describe('an unset ${env:NAME} in config (issue 16, item 1)', () => {
  it('blocks nothing for another provider: packs list and a check of iflytek still work', async () => {
    const cwd = project({ providers: { aws: { credentials: { secretAccessKey: '${env:AWS_UNSET}' } } } })
    expect((await runCommand(PacksList, ['--json'], { cwd })).code).toBe(0)
    const r = await runCommand(
      Check,
      ['--provider', 'iflytek', '--service', 'iat', '--endpoint', mock.url, '--json'],
      {
        cwd,
        env: demoEnv(),
      },
    )
    expect(JSON.parse(r.stdout).verdict).toBe('pass')
  })

  it('is auth/missing-credentials naming the variable for the provider that uses it', async () => {
    const cwd = project({
      providers: { iflytek: { credentials: { apiSecret: '${env:MY_IFLYTEK_SECRET}' } } },
    })
    const r = await runCommand(
      Check,
      ['--provider', 'iflytek', '--service', 'iat', '--endpoint', mock.url, '--json'],
      {
        cwd,
        env: demoEnv(),
      },
    )
    const report = JSON.parse(r.stdout)
    const missing = report.findings.find((f: { code: string }) => f.code === 'auth/missing-credentials')
    expect(missing.message).toContain('MY_IFLYTEK_SECRET')
    expect(missing.data.variables).toEqual(['MY_IFLYTEK_SECRET'])
    expect(r.code).toBe(1)
  })
})

describe('a project config that aims credentials elsewhere (issue 14, defect 3)', () => {
  it('runs with credentials withheld until `apidx config trust`, and again after an edit', async () => {
    const cwd = project({ providers: { iflytek: { service: 'iat', endpoint: mock.url } } })
    const check = () => runCommand(Check, ['--provider', 'iflytek', '--json'], { cwd, env: demoEnv() })
    const seen = mock.requests.length
    const before = JSON.parse((await check()).stdout)
    expect(before.rootCause.code).toBe('auth/credentials-withheld')
    expect(before.rootCause.message).toContain('is not trusted')
    expect(before.rootCause.fix).toContain('apidx config trust')
    expect(mock.requests.slice(seen).map((q) => q.url.includes('authorization='))).toEqual([false])

    expect((await runCommand(ConfigTrust, [], { cwd, env: demoEnv() })).code).toBe(0)
    const after = await check()
    expect(JSON.parse(after.stdout).verdict).toBe('pass')

    writeFileSync(
      path.join(cwd, '.apidxrc.json'),
      JSON.stringify({ providers: { iflytek: { service: 'iat', endpoint: `${mock.url}?x=1` } } }),
    )
    expect(JSON.parse((await check()).stdout).rootCause.code).toBe('auth/credentials-withheld')
  })

  it("withholds for a ${env:} outside the pack's variables, and never for its own", async () => {
    const foreign = project({ providers: { iflytek: { credentials: { apiSecret: '${env:GITHUB_TOKEN}' } } } })
    const env = { ...demoEnv(), GITHUB_TOKEN: demo.apiSecret! }
    const r = await runCommand(
      Check,
      ['--provider', 'iflytek', '--service', 'iat', '--endpoint', mock.url, '--json'],
      {
        cwd: foreign,
        env,
      },
    )
    expect(JSON.parse(r.stdout).rootCause.code).toBe('auth/credentials-withheld')
    const own = project({
      providers: { iflytek: { credentials: { apiSecret: '${env:IFLYTEK_API_SECRET}' } } },
    })
    const ok = await runCommand(
      Check,
      ['--provider', 'iflytek', '--service', 'iat', '--endpoint', mock.url, '--json'],
      {
        cwd: own,
        env,
      },
    )
    expect(JSON.parse(ok.stdout).verdict).toBe('pass')
  })

  it('always prints a notice for a pack that shadows a built-in id', async () => {
    const dir = project({})
    const packDir = path.join(dir, 'packs', 'iflytek')
    mkdirSync(packDir, { recursive: true })
    const pack = (await loadPack('iflytek', packOptions())).pack
    writeFileSync(
      path.join(packDir, 'pack.json'),
      JSON.stringify({ ...pack, hosts: [...pack.hosts, '*.collector.example'] }),
    )
    writeFileSync(path.join(dir, '.apidxrc.json'), JSON.stringify({ packs: ['./packs/iflytek'] }))
    const r = await runCommand(Check, ['--provider', 'iflytek', '--mock', '--json'], {
      cwd: dir,
      env: demoEnv(),
    })
    expect(r.stderr).toContain('Notice: the iflytek pack in use is')
    expect(r.stderr).toContain('*.collector.example')
  })
})

describe('config defaults (issue 16, item 2) and typos (items 3, 9)', () => {
  it('sign uses the configured service and version, as check does', async () => {
    const cwd = project({ providers: { iflytek: { service: 'tts', version: 'v2' } } })
    const r = await runCommand(Sign, ['--provider', 'iflytek', '--json'], { cwd, env: demoEnv() })
    expect(JSON.parse(r.stdout).request.url).toContain('tts-api.xfyun.cn/v2/tts')
  })

  it("a provider-wide version default does not break another service's check", async () => {
    const cwd = project({ providers: { iflytek: { service: 'spark', version: 'v3.5' } } })
    const r = await runCommand(Check, ['--provider', 'iflytek', '--service', 'iat', '--mock', '--json'], {
      cwd,
      env: demoEnv(),
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).version).toBe('v2')
  })

  it('names the nearest pack before the install hint for a mistyped provider', async () => {
    const r = await runCommand(Check, ['--provider', 'iflytk', '--json'], { cwd: project({}) })
    const { error } = JSON.parse(r.stdout)
    expect(error.code).toBe('ERR_PACK_NOT_FOUND')
    expect(error.suggestions[0]).toBe('Did you mean "iflytek"?')
    expect(error.suggestions.at(-1)).toContain('apidx packs install')
  })

  it('warns about a config provider key that matches no pack, with the nearest id', async () => {
    const cwd = project({ providers: { iflytk: { service: 'iat' } } })
    const r = await runCommand(Check, ['--provider', 'iflytek', '--mock', '--json'], { cwd, env: demoEnv() })
    expect(r.stderr).toContain(
      'configures providers.iflytk, which matches no pack, so it is ignored. Did you mean "iflytek"?',
    )
    expect(r.code).toBe(0)
  })
})
