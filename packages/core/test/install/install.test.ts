// installPack / uninstallPack against a temp data dir: what is written, what is refused, and that
// nothing is written when a pack is refused.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApidxError } from '../../src/errors.js'
import { installPack, uninstallPack, type InstallOptions } from '../../src/install/install.js'
import { integrityOf } from '../../src/install/integrity.js'
import { checkInstalledIntegrity } from '../../src/install/record.js'
import type { NpmRunner } from '../../src/install/npm.js'
import { manifest, packageTgz, packText, tempDir } from './fixtures.js'

const NOW = new Date('2026-11-25T08:00:00.000Z')
const BUILTINS = { packages: ['@apidx/provider-iflytek'], resolveFrom: import.meta.url }

async function setup(): Promise<{ root: string; options: InstallOptions; packs: string }> {
  const root = await tempDir()
  const env = { APIDX_DATA_DIR: path.join(root, 'data') }
  return {
    root,
    options: { env, cwd: root, now: NOW, builtins: BUILTINS },
    packs: path.join(root, 'data', 'packs'),
  }
}

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; problems: unknown[]; suggestions: string[] }> {
  try {
    await promise
  } catch (err) {
    if (err instanceof ApidxError)
      return { code: err.code, message: err.message, problems: err.problems, suggestions: err.suggestions }
    throw err
  }
  throw new Error('the install was accepted')
}

const SCRIPTS = (marker: string) => ({
  scripts: Object.fromEntries(
    ['preinstall', 'install', 'postinstall', 'prepare', 'prepack'].map((s) => [
      s,
      `node -e "require('fs').appendFileSync('${marker}', '${s}')"`,
    ]),
  ),
})

describe('installPack', () => {
  it('installs a tarball: the pack bytes as archived, install.json with source, version and both integrities, no script run', async () => {
    const { root, options, packs } = await setup()
    const marker = path.join(root, 'MARKER')
    const tarball = packageTgz({
      'package.json': manifest('acme', SCRIPTS(marker)),
      'pack.json': packText(),
      'install.js': `require('fs').writeFileSync('${marker}', 'x')`,
    })
    await writeFile(path.join(root, 'acme.tgz'), tarball)

    const result = await installPack('./acme.tgz', options)

    const record = {
      recordVersion: 1,
      id: 'acme',
      source: { kind: 'tarball', spec: path.join(root, 'acme.tgz'), package: 'apidx-provider-acme' },
      version: '1.2.3',
      packVersion: '0.1.0',
      integrity: { pack: integrityOf(packText()), tarball: integrityOf(tarball) },
      installedAt: '2026-11-25T08:00:00.000Z',
    }
    expect(result).toEqual({ id: 'acme', name: 'Acme', location: path.join(packs, 'acme'), record })
    expect(await readdir(path.join(packs, 'acme'))).toEqual(['install.json', 'pack.json'])
    expect(await readFile(path.join(packs, 'acme', 'pack.json'), 'utf8')).toBe(packText())
    expect(JSON.parse(await readFile(path.join(packs, 'acme', 'install.json'), 'utf8'))).toEqual(record)
    expect(existsSync(marker)).toBe(false)
    expect(await readdir(path.join(root, 'data'))).toEqual(['packs']) // no staging folder left behind
  })

  it('installs from a folder: only the pack file named by apidx.pack is copied', async () => {
    const { root, options, packs } = await setup()
    await mkdir(path.join(root, 'src', 'data'), { recursive: true })
    await writeFile(
      path.join(root, 'src', 'package.json'),
      manifest('acme', { apidx: { pack: 'data/acme.json' } }),
    )
    await writeFile(path.join(root, 'src', 'data', 'acme.json'), packText())
    await writeFile(path.join(root, 'src', 'index.js'), 'throw new Error()')

    const { record } = await installPack('./src', options)

    expect(record.source).toEqual({
      kind: 'path',
      spec: path.join(root, 'src'),
      package: 'apidx-provider-acme',
    })
    expect(record.integrity).toEqual({ pack: integrityOf(packText()) })
    expect(await readdir(path.join(packs, 'acme'))).toEqual(['install.json', 'pack.json'])
  })

  it('installs a bare pack file, versioned by its packVersion', async () => {
    const { root, options } = await setup()
    await writeFile(path.join(root, 'acme.json'), packText())
    const { record } = await installPack(path.join(root, 'acme.json'), options)
    expect([record.source, record.version]).toEqual([
      { kind: 'path', spec: path.join(root, 'acme.json') },
      '0.1.0',
    ])
  })

  it('fetches an npm name with npm pack --ignore-scripts into a temp folder, then reads it as a tarball', async () => {
    const { options } = await setup()
    const tarball = packageTgz({ 'package.json': manifest(), 'pack.json': packText() })
    const calls: string[][] = []
    const npm: NpmRunner = async (args, cwd) => {
      calls.push(args)
      expect(args[5]).toBe(cwd)
      await writeFile(path.join(cwd, 'apidx-provider-acme-1.2.3.tgz'), tarball)
      return {
        code: 0,
        stdout: JSON.stringify([
          { filename: 'apidx-provider-acme-1.2.3.tgz', integrity: integrityOf(tarball) },
        ]),
        stderr: '',
      }
    }
    const { record } = await installPack('apidx-provider-acme@1.2.3', { ...options, npm })
    expect(calls).toEqual([
      [
        'pack',
        'apidx-provider-acme@1.2.3',
        '--ignore-scripts',
        '--json',
        '--pack-destination',
        expect.any(String),
      ],
    ])
    expect(record.source).toEqual({
      kind: 'npm',
      spec: 'apidx-provider-acme@1.2.3',
      package: 'apidx-provider-acme',
    })
    expect(record.integrity.tarball).toBe(integrityOf(tarball))
    expect(existsSync(calls[0]![5]!)).toBe(false) // the temp folder is removed
  })

  it('reports an npm failure by npm error code only', async () => {
    const { options } = await setup()
    const npm: NpmRunner = async () => ({
      code: 1,
      stdout: '',
      stderr:
        'npm error code E404\nnpm error 404 Not Found - GET https://registry.example/apidx-provider-nope\n',
    })
    expect(await refusal(installPack('apidx-provider-nope', { ...options, npm }))).toEqual({
      code: 'ERR_PACK_NOT_FOUND',
      message: 'npm could not fetch "apidx-provider-nope" (E404).',
      problems: [],
      suggestions: [
        'Check the package name; provider packs are named apidx-provider-<id> or @apidx/provider-<id>.',
      ],
    })
  })

  it('rejects an invalid pack with file and pointer, writing nothing', async () => {
    const { root, options } = await setup()
    const broken = JSON.parse(packText())
    broken.hosts = ['api.elsewhere.example']
    await writeFile(
      path.join(root, 'bad.tgz'),
      packageTgz({ 'package.json': manifest(), 'pack.json': JSON.stringify(broken) }),
    )
    const label = `${path.join(root, 'bad.tgz')}:package/pack.json`
    expect(await refusal(installPack('./bad.tgz', options))).toEqual({
      code: 'ERR_PACK_INVALID',
      message: `Nothing was installed: the pack in ${label} is not valid (1 problem).`,
      problems: [
        {
          file: label,
          pointer: '/services/example/versions/v1/url',
          message: 'host "api.acme.example" is outside the pack\'s hosts',
          remedy: 'Add it (or a *.suffix covering it) to /hosts, which now allows: api.elsewhere.example.',
        },
      ],
      suggestions: ['Fix the pack and run apidx packs validate on it before installing.'],
    })
    expect(existsSync(path.join(root, 'data'))).toBe(false)
  })

  it('rejects a tarball with a path-traversal entry, writing nothing anywhere', async () => {
    const { root, options } = await setup()
    const file = path.join(root, 'evil.tgz')
    await writeFile(
      file,
      packageTgz({ 'package.json': manifest(), 'pack.json': packText() }, [
        { name: 'package/../../escaped.txt', data: 'pwned' },
      ]),
    )
    expect(await refusal(installPack(file, options))).toEqual({
      code: 'ERR_PACK_INVALID',
      message: `Nothing was installed: ${file}:package/../../escaped.txt is not an installable pack package.`,
      problems: [
        {
          file: `${file}:package/../../escaped.txt`,
          pointer: '',
          message: '"package/../../escaped.txt" climbs out of the archive with ".."',
          remedy: 'Build the package with npm pack from a folder holding package.json and pack.json only.',
        },
      ],
      suggestions: [],
    })
    expect(existsSync(path.join(root, 'data'))).toBe(false)
    expect(existsSync(path.join(root, '..', 'escaped.txt'))).toBe(false)
  })

  it('refuses an id already installed, naming its source; --force replaces it', async () => {
    const { root, options } = await setup()
    await writeFile(path.join(root, 'acme.json'), packText())
    await installPack('./acme.json', options)
    expect(await refusal(installPack('./acme.json', options))).toEqual({
      code: 'ERR_PACK_CONFLICT',
      message: `A pack "acme" is already installed (0.1.0 from path ${path.join(root, 'acme.json')}).`,
      problems: [],
      suggestions: ['Add --force to replace it.', 'Or remove it first: apidx packs uninstall acme'],
    })
    const forced = await installPack('./acme.json', { ...options, force: true })
    expect(forced.replaced).toEqual({
      kind: 'installed',
      record: expect.objectContaining({ id: 'acme', version: '0.1.0' }),
    })
  })

  it('refuses the id of a built-in pack unless forced', async () => {
    const { root, options, packs } = await setup()
    await writeFile(path.join(root, 'iflytek.json'), packText('iflytek'))
    expect(await refusal(installPack('./iflytek.json', options))).toEqual({
      code: 'ERR_PACK_CONFLICT',
      message:
        '"iflytek" is a built-in pack (@apidx/provider-iflytek); an installed pack of that id would be used instead of it.',
      problems: [],
      suggestions: ['Add --force to install it anyway (apidx packs uninstall puts the built-in back).'],
    })
    expect((await installPack('./iflytek.json', { ...options, force: true })).replaced).toEqual({
      kind: 'builtin',
      package: '@apidx/provider-iflytek',
    })
    expect(await uninstallPack('iflytek', options)).toEqual({
      id: 'iflytek',
      location: path.join(packs, 'iflytek'),
      record: expect.objectContaining({ id: 'iflytek' }),
      builtinRestored: '@apidx/provider-iflytek',
    })
  })

  it('refuses a folder whose pack file leads outside it through a symlinked folder', async () => {
    const { root, options } = await setup()
    await mkdir(path.join(root, 'elsewhere'))
    await writeFile(path.join(root, 'elsewhere', 'acme.json'), packText())
    await mkdir(path.join(root, 'src'))
    await symlink(path.join(root, 'elsewhere'), path.join(root, 'src', 'data'))
    await writeFile(
      path.join(root, 'src', 'package.json'),
      manifest('acme', { apidx: { pack: 'data/acme.json' } }),
    )
    const file = path.join(root, 'src', 'data', 'acme.json')
    expect(await refusal(installPack('./src', options))).toMatchObject({
      code: 'ERR_PACK_INVALID',
      problems: [
        {
          file,
          pointer: '',
          message: `resolves to ${await realpath(path.join(root, 'elsewhere', 'acme.json'))}, outside ${path.join(root, 'src')}`,
        },
      ],
    })
    expect(existsSync(path.join(root, 'data'))).toBe(false)
  })

  it('refuses a folder whose pack.json is a FIFO instead of hanging on it', async () => {
    const { root, options } = await setup()
    await mkdir(path.join(root, 'src'))
    execFileSync('mkfifo', [path.join(root, 'src', 'pack.json')])
    expect(await refusal(installPack('./src', options))).toMatchObject({
      code: 'ERR_PACK_INVALID',
      message: `The pack file ${path.join(root, 'src', 'pack.json')} is not a regular file.`,
    })
  })

  it('says so when npm is not on PATH', async () => {
    const { options } = await setup()
    const npm: NpmRunner = async () => ({ code: 127, stdout: '', stderr: '' })
    expect(await refusal(installPack('apidx-provider-acme', { ...options, npm }))).toMatchObject({
      code: 'ERR_USAGE',
      message: 'npm is needed to fetch "apidx-provider-acme" and was not found on PATH.',
    })
  })

  it.each([
    ['a missing path', './nope', 'ERR_PACK_NOT_FOUND'],
    ['a git spec', 'github:evil/pack', 'ERR_PACK_NOT_FOUND'],
    ['a URL', 'https://evil.example/pack.tgz', 'ERR_PACK_NOT_FOUND'],
    ['an upper-case name', 'Apidx-Provider', 'ERR_USAGE'],
  ])('never hands %s to npm', async (_name, spec, code) => {
    const { options } = await setup()
    const npm: NpmRunner = async () => {
      throw new Error('npm must not run')
    }
    expect((await refusal(installPack(spec, { ...options, npm }))).code).toBe(code)
  })
})

describe('checkInstalledIntegrity', () => {
  it('matches right after install and notices an edit of the installed pack.json', async () => {
    const { root, options, packs } = await setup()
    await writeFile(path.join(root, 'acme.json'), packText())
    await installPack('./acme.json', options)
    const expected = integrityOf(packText())
    expect(await checkInstalledIntegrity('acme', options.env)).toEqual({
      ok: true,
      expected,
      actual: expected,
    })
    await writeFile(path.join(packs, 'acme', 'pack.json'), packText().replace('Acme', 'Acme!'))
    expect(await checkInstalledIntegrity('acme', options.env)).toEqual({
      ok: false,
      expected,
      actual: integrityOf(packText().replace('Acme', 'Acme!')),
    })
  })
})

describe('uninstallPack', () => {
  it('removes only the installed folder and returns its record', async () => {
    const { root, options, packs } = await setup()
    await writeFile(path.join(root, 'acme.json'), packText())
    await installPack('./acme.json', options)
    const result = await uninstallPack('acme', options)
    expect(result).toEqual({
      id: 'acme',
      location: path.join(packs, 'acme'),
      record: expect.objectContaining({ id: 'acme' }),
    })
    expect(await readdir(packs)).toEqual([])
    expect(existsSync(path.join(root, 'acme.json'))).toBe(true)
  })

  it.each([
    [
      'a built-in pack',
      'iflytek',
      'ERR_PACK_CONFLICT',
      '"iflytek" is a built-in pack; it ships with apidx and cannot be uninstalled.',
    ],
    ['an id that climbs out', '../data', 'ERR_USAGE', '"../data" is not a pack id.'],
  ])('refuses %s', async (_name, id, code, message) => {
    const { options } = await setup()
    expect(await refusal(uninstallPack(id, options))).toMatchObject({ code, message })
  })

  it('names the data dir when the pack is not installed', async () => {
    const { options, packs } = await setup()
    expect(await refusal(uninstallPack('acme', options))).toMatchObject({
      code: 'ERR_PACK_NOT_FOUND',
      message: `No installed pack "acme" in ${packs}.`,
    })
  })
})
