// Config: every file form loads and validates; bad config names file and pointer; code config is opt-in.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ApidxError } from '../src/errors.js'
import { loadConfig, providerCredentials } from '../src/config/load.js'

const root = mkdtempSync(path.join(tmpdir(), 'apidx-config-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let n = 0
function project(files: Record<string, string>): string {
  const dir = path.join(root, `p${n++}`)
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}
async function rejection(p: Promise<unknown>): Promise<ApidxError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApidxError)
  return err as ApidxError
}
const providers = { iflytek: { service: 'iat', timeout: 5000 } }

describe('loadConfig', () => {
  it.each([
    ['.apidxrc.json', JSON.stringify({ providers })],
    ['.apidxrc', JSON.stringify({ providers })],
    ['.apidxrc', 'providers:\n  iflytek:\n    service: iat\n    timeout: 5000\n'],
    ['.apidxrc.yaml', 'providers:\n  iflytek:\n    service: iat\n    timeout: 5000\n'],
    ['.apidxrc.yml', 'providers:\n  iflytek:\n    service: iat\n    timeout: 5000\n'],
    ['package.json', JSON.stringify({ name: 'app', apidx: { providers } })],
  ])('loads %s', async (name, text) => {
    const cwd = project({ [name]: text })
    const { config, file } = await loadConfig({ cwd, env: {} })
    expect(file).toBe(path.join(cwd, name))
    expect(config.providers).toEqual(providers)
  })

  it('returns an empty config when there is none', async () => {
    const cwd = project({ 'package.json': '{"name":"x"}' })
    expect((await loadConfig({ cwd, env: {} })).config).toEqual({})
  })

  it('resolves pack paths relative to the config file', async () => {
    const cwd = project({ '.apidxrc.json': '{"packs": ["./packs/acme"]}' })
    expect((await loadConfig({ cwd, env: {} })).config.packs).toEqual([path.join(cwd, 'packs/acme')])
  })

  it('rejects unknown fields and bad values with file and pointer', async () => {
    const cwd = project({
      '.apidxrc.json': JSON.stringify({ providers: { iflytek: { servce: 'iat', timeout: 'fast' } } }),
    })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.code).toBe('ERR_CONFIG_INVALID')
    expect(err.problems.map((p) => [p.file, p.pointer])).toEqual(
      expect.arrayContaining([
        [path.join(cwd, '.apidxrc.json'), '/providers/iflytek/servce'],
        [path.join(cwd, '.apidxrc.json'), '/providers/iflytek/timeout'],
      ]),
    )
  })

  it('rejects invalid JSON with line and column', async () => {
    const cwd = project({ '.apidxrc.json': '{\n  "packs": [1,]\n}' })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems[0]!.message).toContain('line 2, column 15')
  })

  it('rejects prototype keys in YAML', async () => {
    const cwd = project({ '.apidxrc.yaml': 'providers:\n  iflytek:\n    __proto__:\n      polluted: true\n' })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems.some((p) => p.pointer === '/providers/iflytek/__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('survives a YAML alias bomb in linear time', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 20; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      )
    const cwd = project({ '.apidxrc.yaml': lines.join('\n') + '\n' })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.code).toBe('ERR_CONFIG_INVALID')
  })

  it('reads ${env:NAME} lazily, per provider, and names an unset variable instead of failing the load', async () => {
    const cfg = {
      providers: {
        iflytek: { credentials: { apiKey: '${env:MY_KEY}', appId: 'app-${env:MY_APP}' } },
        aws: { credentials: { secretAccessKey: '${env:AWS_UNSET}' } },
      },
    }
    const cwd = project({ '.apidxrc.json': JSON.stringify(cfg) })
    const env = { MY_KEY: 'k123', MY_APP: '42' }
    const { config } = await loadConfig({ cwd, env })
    expect(providerCredentials(config, 'iflytek', env)).toEqual({
      values: { apiKey: 'k123', appId: 'app-42' },
      unset: [],
      variables: { apiKey: ['MY_KEY'], appId: ['MY_APP'] },
    })
    // AWS's unset variable blocks nothing until AWS is used, and then it is named.
    expect(providerCredentials(config, 'aws', env)).toEqual({
      values: {},
      unset: [{ name: 'secretAccessKey', variable: 'AWS_UNSET' }],
      variables: { secretAccessKey: ['AWS_UNSET'] },
    })
    expect(providerCredentials(config, 'iflytek', { MY_APP: '42' }).unset).toEqual([
      { name: 'apiKey', variable: 'MY_KEY' },
    ])
  })

  it('refuses a code config without the opt-in, and loads it with it', async () => {
    const marker = path.join(root, 'ran.txt')
    const cwd = project({
      '.apidxrc.cjs': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { providers: { iflytek: { service: 'iat' } } }`,
    })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.message).toContain('.apidxrc.cjs')
    expect(err.suggestions.join(' ')).toContain('APIDX_ALLOW_CODE_CONFIG=1')
    expect(await import('node:fs').then((fs) => fs.existsSync(marker))).toBe(false)
    const { config } = await loadConfig({ cwd, env: {}, allowCode: true })
    expect(config.providers!.iflytek!.service).toBe('iat')
  })

  it.each([
    [
      'a YAML syntax error, with line and column',
      '.apidxrc.yaml',
      'providers:\n  iflytek: [\n',
      'line 3, column 1: unexpected end of the stream within a flow collection',
    ],
    [
      'a duplicate YAML key',
      '.apidxrc.yml',
      'providers:\n  iflytek:\n    service: iat\n    service: tts\n',
      'line 4, column 5: duplicated mapping key',
    ],
    [
      'YAML nested 10,000 deep',
      '.apidxrc.yaml',
      'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n',
      'nesting exceeded maxDepth',
    ],
    [
      'JSON nested 10,000 deep',
      '.apidxrc.json',
      '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
      'deeper than 64',
    ],
    [
      'a 10 MB YAML file',
      '.apidxrc.yaml',
      `a: "${'x'.repeat(10 * 1024 * 1024)}"\n`,
      'over the 2097152-byte limit',
    ],
    [
      'a 10 MB JSON file',
      '.apidxrc.json',
      `{"a": "${'x'.repeat(10 * 1024 * 1024)}"}`,
      'over the 2097152-byte limit',
    ],
    [
      'a __proto__ key in JSON',
      '.apidxrc',
      '{"__proto__": {"polluted": true}}',
      'the key "__proto__" is not allowed',
    ],
    [
      'a duplicate JSON key',
      '.apidxrc.json',
      '{"packs": [], "packs": ["x"]}',
      'the key "packs" appears twice',
    ],
  ])('rejects %s quickly, naming the file', async (_, name, text, message) => {
    const cwd = project({ [name]: text })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.code).toBe('ERR_CONFIG_INVALID')
    expect(err.problems.map((p) => p.file)).toEqual([path.join(cwd, name)])
    expect(err.problems[0]!.message).toContain(message)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("never puts the file's text in a YAML error (it may hold a secret)", async () => {
    const cwd = project({
      '.apidxrc.yaml': 'providers:\n  iflytek:\n    credentials:\n      apiSecret: s3cr3t-value\n    x: [\n',
    })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(JSON.stringify({ m: err.message, p: err.problems, s: err.suggestions })).not.toContain('s3cr3t')
  })

  it('refuses apidx.config.js by name, without running it', async () => {
    const cwd = project({ 'apidx.config.js': 'throw new Error("ran")' })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.message).toBe(
      `${path.join(cwd, 'apidx.config.js')} is a config file that runs code, and code config is off.`,
    )
  })

  it('does not print a resolved credential when another field is wrong', async () => {
    const cwd = project({
      '.apidxrc.json': JSON.stringify({
        providers: { iflytek: { credentials: { apiKey: '${env:K}' }, timeout: 1 } },
      }),
    })
    const err = await rejection(loadConfig({ cwd, env: { K: 'very-secret-key' } }))
    expect(err.problems.map((p) => p.pointer)).toEqual(['/providers/iflytek/timeout'])
    expect(JSON.stringify(err.problems)).not.toContain('very-secret-key')
  })
})

describe('loadConfig against hostile files', () => {
  it('refuses $import, which would read other files into the config', async () => {
    for (const [name, text] of [
      ['.apidxrc.json', '{"$import": ["/etc/hosts"]}'],
      ['.apidxrc.yaml', '$import: ./other.json\n'],
      ['package.json', '{"apidx": {"$import": "x.json"}}'],
    ]) {
      const cwd = project({ [name!]: text! })
      const err = await rejection(loadConfig({ cwd, env: {} }))
      expect(err.problems.map((p) => [p.pointer, p.message])).toEqual([
        ['/$import', '$import is not supported'],
      ])
    }
  })

  it('refuses an oversized file from its size, before reading it', async () => {
    const cwd = project({ '.apidxrc': 'a: 1\n' + '#'.repeat(3 * 1024 * 1024) })
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems[0]!.message).toBe(`file is ${5 + 3 * 1024 * 1024} bytes, over the 2097152-byte limit`)
  })

  it('names a malformed ${env:...} reference instead of sending it as a credential', async () => {
    const cwd = project({
      '.apidxrc.json': JSON.stringify({
        providers: { iflytek: { credentials: { apiKey: '${env:my-key}', apiSecret: '${env:OK' } } },
      }),
    })
    const err = await rejection(loadConfig({ cwd, env: { OK: 'x' } }))
    expect(err.problems.map((p) => [p.pointer, p.message])).toEqual([
      ['/providers/iflytek/credentials/apiKey', '"${env:my-key}" is not a valid environment reference'],
      ['/providers/iflytek/credentials/apiSecret', '"${env:OK" is not a valid environment reference'],
    ])
  })

  it("does not interpolate a variable's value again", async () => {
    const cwd = project({
      '.apidxrc.json': JSON.stringify({ providers: { iflytek: { credentials: { apiKey: '${env:A}' } } } }),
    })
    const env = { A: '${env:B}', B: 'leak' }
    const { config } = await loadConfig({ cwd, env })
    expect(providerCredentials(config, 'iflytek', env).values.apiKey).toBe('${env:B}')
  })
})

describe.skipIf(process.platform === 'win32')('loadConfig and special files', () => {
  it('refuses a FIFO in a config place instead of hanging on it', async () => {
    const cwd = project({})
    execFileSync('mkfifo', [path.join(cwd, '.apidxrc.json')])
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems.map((p) => p.message)).toEqual(['is not a regular file'])
  })

  it('checks a parent folder the search reaches past a comment-only config: a FIFO there is refused', async () => {
    const parent = project({})
    execFileSync('mkfifo', [path.join(parent, '.apidxrc.json')])
    const cwd = path.join(parent, 'child')
    mkdirSync(cwd)
    writeFileSync(path.join(cwd, '.apidxrc.yaml'), '# nothing set here yet\n')
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems.map((p) => [p.file, p.message])).toEqual([
      [path.join(parent, '.apidxrc.json'), 'is not a regular file'],
    ])
  })

  it('refuses a 1 GiB file in a parent folder from its size, without reading it', async () => {
    const parent = project({})
    execFileSync('truncate', ['-s', '1G', path.join(parent, '.apidxrc.json')])
    const cwd = path.join(parent, 'child')
    mkdirSync(cwd)
    writeFileSync(path.join(cwd, '.apidxrc.yaml'), '# nothing set here yet\n')
    const err = await rejection(loadConfig({ cwd, env: {} }))
    expect(err.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('1073741824 bytes, over the'),
    ])
  })
})

describe.skipIf(process.platform === 'win32')('the config search reads each place once, the same way', () => {
  it('goes past a comment-only file to the parent folder, and uses the config there', async () => {
    const parent = project({ '.apidxrc.json': JSON.stringify({ providers }) })
    const child = path.join(parent, 'child')
    mkdirSync(child)
    writeFileSync(path.join(child, '.apidxrc.yaml'), '# nothing configured here yet\n')
    const { config, file } = await loadConfig({ cwd: child, env: {} })
    expect(file).toBe(path.join(parent, '.apidxrc.json'))
    expect(config.providers).toEqual(providers)
  })

  it('refuses a FIFO in the parent folder it goes on to, instead of hanging on it', async () => {
    const parent = project({})
    execFileSync('mkfifo', [path.join(parent, '.apidxrc')])
    const child = path.join(parent, 'child')
    mkdirSync(child)
    writeFileSync(path.join(child, '.apidxrc.yaml'), '# comment only\n')
    const err = await rejection(loadConfig({ cwd: child, env: {} }))
    expect(err.problems.map((p) => [p.file, p.message])).toEqual([
      [path.join(parent, '.apidxrc'), 'is not a regular file'],
    ])
  })

  it('refuses a 1 GiB file in the parent folder from its size, without reading it', async () => {
    const parent = project({})
    execFileSync('truncate', ['-s', '1G', path.join(parent, '.apidxrc.json')])
    const child = path.join(parent, 'child')
    mkdirSync(child)
    const err = await rejection(loadConfig({ cwd: child, env: {} }))
    expect(err.problems[0]!.message).toBe(`file is ${1024 ** 3} bytes, over the 2097152-byte limit`)
  })

  it('calls a config in the user config folder user-level, and one in a project folder project-level', async () => {
    const xdg = project({})
    mkdirSync(path.join(xdg, 'apidx'))
    writeFileSync(path.join(xdg, 'apidx', 'config.json'), JSON.stringify({ providers }))
    const empty = project({})
    expect(await loadConfig({ cwd: empty, env: { XDG_CONFIG_HOME: xdg } })).toMatchObject({
      file: path.join(xdg, 'apidx', 'config.json'),
      scope: 'user',
    })
    const own = project({ '.apidxrc.json': JSON.stringify({ providers }) })
    expect(await loadConfig({ cwd: own, env: { XDG_CONFIG_HOME: xdg } })).toMatchObject({ scope: 'project' })
  })
})
