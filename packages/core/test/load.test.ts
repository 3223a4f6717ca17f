// Pack loading: every source (config path, installed, built-in, npm from cwd, explicit path), their
// precedence, broken packs, and the errors a user sees.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ApidxError } from '../src/errors.js'
import { listPacks, loadPack, type LoadOptions } from '../src/pack/load.js'
import { dataDir } from '../src/pack/sources.js'
import { validText } from './broken-packs.js'

const root = mkdtempSync(path.join(tmpdir(), 'apidx-load-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Writes a valid pack with `id` (and an optional name) into `dir`, returning its file. */
function writePack(dir: string, id: string, name = `Pack ${id}`): string {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'pack.json')
  writeFileSync(file, JSON.stringify({ ...JSON.parse(validText), id, name }, null, 2))
  return file
}
function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(value))
}

const project = path.join(root, 'project')
const data = path.join(root, 'data')
const cliDir = path.join(root, 'cli')
// npm packages the user installed in their project; one hides pack.json behind an exports map.
const npmAcme = writePack(path.join(project, 'node_modules/@apidx/provider-acme'), 'acme')
writeJson(path.join(project, 'node_modules/@apidx/provider-acme/package.json'), {
  name: '@apidx/provider-acme',
  exports: { '.': './index.js' },
})
const npmBeta = writePack(path.join(project, 'node_modules/apidx-provider-beta'), 'beta')
// Installed into the data dir: gamma (shadowed by a config path), and a broken one.
const installedGamma = writePack(path.join(data, 'packs/gamma'), 'gamma', 'Installed gamma')
const installedBroken = path.join(data, 'packs/broken/pack.json')
writeJson(installedBroken, { id: 'broken' })
// Built into the CLI: delta.
const builtinDelta = writePack(path.join(cliDir, 'node_modules/@apidx/provider-delta'), 'delta')
// Named in config: a folder holding gamma.
const configGamma = writePack(path.join(project, 'packs/gamma'), 'gamma', 'Config gamma')

const options: LoadOptions = {
  cwd: project,
  extraPaths: ['packs/gamma'],
  env: { APIDX_DATA_DIR: data },
  builtins: {
    packages: ['@apidx/provider-delta', '@apidx/provider-absent'],
    resolveFrom: pathToFileURL(path.join(cliDir, 'index.js')).href,
  },
}

async function rejection(p: Promise<unknown>): Promise<ApidxError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApidxError)
  return err as ApidxError
}

describe('dataDir', () => {
  it('prefers $APIDX_DATA_DIR, then $XDG_DATA_HOME/apidx, then ~/.local/share/apidx', () => {
    expect(dataDir({ APIDX_DATA_DIR: '/a', XDG_DATA_HOME: '/x' })).toBe('/a')
    expect(dataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/apidx')
    expect(dataDir({})).toMatch(/\.local\/share\/apidx$/)
  })
})

describe('listPacks', () => {
  it('lists config paths, installed and built-in packs in that precedence, broken ones apart', async () => {
    const broken: Parameters<typeof listPacks>[1] = []
    const packs = await listPacks(options, broken)
    expect(packs.map((p) => [p.pack.id, p.pack.name, p.source.kind, p.file])).toEqual([
      ['gamma', 'Config gamma', 'path', configGamma],
      ['delta', 'Pack delta', 'builtin', builtinDelta],
    ])
    expect(packs[1]!.source.package).toBe('@apidx/provider-delta')
    expect(broken!.map((b) => [b.file, b.source.kind, b.problems[0]!.message])).toEqual([
      [installedBroken, 'installed', 'missing required property "name"'],
    ])
  })

  it('is empty with no sources', async () => {
    expect(await listPacks({ cwd: root, env: { APIDX_DATA_DIR: path.join(root, 'none') } })).toEqual([])
  })
})

describe('loadPack', () => {
  it.each([
    ['gamma', 'path', configGamma],
    ['delta', 'builtin', builtinDelta],
    ['acme', 'npm', npmAcme],
    ['beta', 'npm', npmBeta],
    ['@apidx/provider-acme', 'npm', npmAcme],
    ['apidx-provider-beta', 'npm', npmBeta],
    ['./packs/gamma', 'path', configGamma],
    [installedGamma, 'path', installedGamma],
  ])('%s loads from %s', async (ref, kind, file) => {
    const loaded = await loadPack(ref, options)
    expect([loaded.source.kind, loaded.file]).toEqual([kind, file])
  })

  it('an installed pack loads when no config path shadows it', async () => {
    const loaded = await loadPack('gamma', { ...options, extraPaths: [] })
    expect([loaded.source.kind, loaded.pack.name]).toEqual(['installed', 'Installed gamma'])
  })

  it('a broken pack found by its folder name is ERR_PACK_INVALID with every problem', async () => {
    const err = await rejection(loadPack('broken', options))
    expect(err.code).toBe('ERR_PACK_INVALID')
    expect(err.problems.length).toBeGreaterThan(3)
    expect(err.problems.every((p) => p.file === installedBroken)).toBe(true)
  })

  it('an unknown id is ERR_PACK_NOT_FOUND naming the packs there are', async () => {
    const err = await rejection(loadPack('nope', options))
    expect(err.code).toBe('ERR_PACK_NOT_FOUND')
    expect(err.message).toBe('No provider pack "nope".')
    expect(err.suggestions[0]).toBe('Packs available: gamma, delta.')
  })

  it('a missing path is ERR_PACK_NOT_FOUND', async () => {
    const err = await rejection(loadPack('./missing.json', options))
    expect([err.code, err.message]).toEqual([
      'ERR_PACK_NOT_FOUND',
      `No pack file at ${path.join(project, 'missing.json')}.`,
    ])
  })

  it('validates a file again after it changes', async () => {
    const dir = path.join(root, 'changing')
    const file = writePack(dir, 'epsilon', 'First')
    expect((await loadPack(file)).pack.name).toBe('First')
    writePack(dir, 'epsilon', 'Second!')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    expect((await loadPack(file)).pack.name).toBe('Second!')
  })
})
