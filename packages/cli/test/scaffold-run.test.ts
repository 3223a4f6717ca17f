// The scaffolded scripts, run as a user runs them (python3 check.py / node check.mjs) against the
// emulator: exit 0 on a healthy endpoint, non-zero with the HTTP status and body on a refused
// handshake, and never a secret in their output. The emulator checks every signature with the pack's
// scheme, so an accepted Python script is an independent implementation agreeing with apidx's signer.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPack, type ProviderPack } from '@apidx/core'
import { demoCredentials, startMock } from '@apidx/mock'
import { scaffold } from '../src/scaffold/index.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TARGETS: [string, string][] = [
  ['iflytek', 'iat'],
  ['iflytek', 'tts'],
  ['iflytek', 'spark'],
  ['aws', 'sts'],
  ['tencentcloud', 'cvm'],
  ['aliyun', 'ecs'],
  ['baidu', 'bos'],
  ['openai', 'models'],
]

interface Run {
  code: number
  out: string
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { env: { PATH: process.env.PATH, ...env }, timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout + stderr }),
    )
  })
}

/** The pack's environment variables set to the demo credentials, the secret ones optionally altered. */
function environment(pack: ProviderPack, credentials: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, c] of Object.entries(pack.credentials))
    if (credentials[name]) env[c.env] = credentials[name]
  return env
}

function secretsOf(pack: ProviderPack, credentials: Record<string, string>): string[] {
  return Object.entries(pack.credentials).flatMap(([n, c]) =>
    c.secret && credentials[n] ? [credentials[n]] : [],
  )
}

/** Writes a scaffold into a folder whose node_modules is the repository's (so `apidx` and `ws` resolve). */
async function writeInto(files: { path: string; content: string }[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apidx-scaffold-'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  for (const f of files) await writeFile(join(dir, f.path), f.content)
  return dir
}

async function runScript(
  lang: 'python' | 'js' | 'ts',
  pack: ProviderPack,
  service: string,
  url: string,
  env: NodeJS.ProcessEnv,
) {
  const files = scaffold(pack, { service, lang })
  const script = files[0]!
  if (lang === 'ts') {
    const js = ts.transpileModule(script.content, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    files[0] = { path: 'check.mjs', content: js.outputText }
  }
  const dir = await writeInto(files)
  const entry = join(dir, files[0]!.path)
  return lang === 'python' ? run('python3', [entry, url], env) : run(process.execPath, [entry, url], env)
}

beforeAll(() => {
  // The JS scripts import the apidx package as a user's project would: its built entry point.
  if (!existsSync(join(ROOT, 'packages/cli/dist/index.js')))
    throw new Error('packages/cli/dist/index.js is missing: run npm run build before these tests.')
})

describe.each(TARGETS)('the scaffolded %s %s scripts', (provider, service) => {
  let pack: ProviderPack
  const servers: { close(): Promise<void> }[] = []
  beforeAll(async () => {
    pack = (await loadPack(provider)).pack
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
  })

  for (const lang of ['python', 'js'] as const) {
    it(`${lang}: exits 0 on a healthy endpoint and prints no secret`, async () => {
      const server = await startMock({ pack, service, tls: false })
      servers.push(server)
      const credentials = demoCredentials(pack)
      const r = await runScript(lang, pack, service, server.url, environment(pack, credentials))
      expect(r.out).toContain('OK')
      expect(r.code, r.out).toBe(0)
      for (const secret of secretsOf(pack, credentials)) expect(r.out).not.toContain(secret)
    })

    it(`${lang}: exits 1 with the status and body when the signature is refused`, async () => {
      const server = await startMock({ pack, service, tls: false })
      servers.push(server)
      const credentials = demoCredentials(pack)
      const secret = Object.keys(pack.credentials).find((n) => pack.credentials[n]!.secret && credentials[n])!
      const wrong = {
        ...credentials,
        [secret]: credentials[secret]!.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
      }
      const r = await runScript(lang, pack, service, server.url, environment(pack, wrong))
      expect(r.code, r.out).toBe(1)
      expect(r.out).toMatch(/^HTTP \d{3}$/m)
      expect(r.out).toMatch(/body:|message:/)
      for (const s of [...secretsOf(pack, credentials), ...secretsOf(pack, wrong)])
        expect(r.out).not.toContain(s)
    })
  }
})

describe('the scaffolded TypeScript script', () => {
  it('runs once transpiled, as tsx would run it', async () => {
    const pack = (await loadPack('openai')).pack
    const server = await startMock({ pack, service: 'models', tls: false })
    try {
      const r = await runScript('ts', pack, 'models', server.url, environment(pack, demoCredentials(pack)))
      expect(r.code, r.out).toBe(0)
    } finally {
      await server.close()
    }
  })

  it('exits 2 naming the variable when a credential is not set', async () => {
    const pack = (await loadPack('iflytek')).pack
    const r = await runScript('python', pack, 'iat', 'ws://127.0.0.1:9/v2/iat', {})
    expect(r.code).toBe(2)
    expect(r.out).toContain('IFLYTEK_API_KEY')
  })
})
