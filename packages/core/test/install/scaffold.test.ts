// `packs new` as a library call: the scaffold validates at once (with apidx's validator and with the
// schema copies an editor would use), its test cases match its error table, and it never overwrites.
import { readFile, mkdir, writeFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { providerPackSchema } from '../../src/generated/schemas.js'
import { validatePackFile } from '../../src/pack/validate.js'
import { scaffoldPackFolder } from '../../src/install/scaffold.js'
import { SCAFFOLD_ERRORS } from '../../src/install/template.js'
import { tempDir } from './fixtures.js'

const REPO = fileURLToPath(new URL('../../../../', import.meta.url))

describe('scaffoldPackFolder', () => {
  it('writes a pack that validates, with schema copies beside it outside an apidx checkout', async () => {
    const cwd = await tempDir()
    const result = await scaffoldPackFolder('acme-cloud', { cwd, today: '2026-11-25' })
    const dir = path.join(cwd, 'acme-cloud')
    expect(result).toEqual({
      id: 'acme-cloud',
      dir,
      files: [
        'pack.json',
        'package.json',
        'README.md',
        'test/cases.json',
        'provider-pack.schema.json',
        'auth-scheme.schema.json',
        'pack-tests.schema.json',
      ],
      schema: { kind: 'copied', ref: './provider-pack.schema.json' },
    })
    const v = await validatePackFile(path.join(dir, 'pack.json'))
    expect(v.problems).toEqual([])
    expect(v.pack).toMatchObject({
      $schema: './provider-pack.schema.json',
      id: 'acme-cloud',
      name: 'Acme Cloud',
      verified: '2026-11-25',
      credentials: { apiKey: { env: 'ACME_CLOUD_API_KEY' } },
    })
  })

  it('the schema copies validate the pack on their own, as an editor resolves them by $id', async () => {
    const cwd = await tempDir()
    await scaffoldPackFolder('acme', { cwd })
    const read = async (f: string) => JSON.parse(await readFile(path.join(cwd, 'acme', f), 'utf8'))
    const ajv = new Ajv({ allErrors: true, strict: false })
    ajv.addSchema(await read('auth-scheme.schema.json'))
    const validate = ajv.compile(await read('provider-pack.schema.json'))
    expect([validate(await read('pack.json')), validate.errors ?? []]).toEqual([true, []])
    expect(await read('provider-pack.schema.json')).toEqual(
      JSON.parse(await readFile(path.join(REPO, 'schemas', 'provider-pack.schema.json'), 'utf8')),
    )
    expect(await read('provider-pack.schema.json')).toEqual(providerPackSchema)
  })

  it('publishes pack.json only, under the apidx-provider name and keyword, with no scripts', async () => {
    const cwd = await tempDir()
    await scaffoldPackFolder('acme', { cwd })
    expect(JSON.parse(await readFile(path.join(cwd, 'acme', 'package.json'), 'utf8'))).toEqual({
      name: 'apidx-provider-acme',
      version: '0.1.0',
      description: 'apidx provider pack for Acme: endpoints, signing, error codes, response formats.',
      license: 'MIT',
      keywords: ['apidx-provider', 'acme'],
      exports: { './pack.json': './pack.json', './package.json': './package.json' },
      files: ['pack.json'],
      apidx: { pack: 'pack.json' },
    })
  })

  it('lists a PackTester case for every error code and handshake rule of the scaffold', async () => {
    const cwd = await tempDir()
    await scaffoldPackFolder('acme', { cwd })
    const cases = JSON.parse(await readFile(path.join(cwd, 'acme', 'test', 'cases.json'), 'utf8'))
    const pack = JSON.parse(await readFile(path.join(cwd, 'acme', 'pack.json'), 'utf8'))
    const codes = Object.keys(pack.services.example.errors)
    expect(codes).toEqual(SCAFFOLD_ERRORS.map((e) => e.code))
    expect(cases.invalid.filter((c: any) => c.scenario).map((c: any) => c.scenario)).toEqual(
      codes.map((c) => `vendor-error:${c}`),
    )
    expect(cases.invalid.filter((c: any) => c.handshake).map((c: any) => c.handshake.status)).toEqual(
      pack.handshakeErrors.map((h: { status: number }) => h.status),
    )
    // The cases file is checked by its own schema copy, as an editor would.
    const ajv = new Ajv({ allErrors: true, strict: false })
    const validate = ajv.compile(
      JSON.parse(await readFile(path.join(cwd, 'acme', 'pack-tests.schema.json'), 'utf8')),
    )
    expect([validate(cases), validate.errors ?? [], cases.$schema]).toEqual([
      true,
      [],
      '../pack-tests.schema.json',
    ])
  })

  it('points $schema at the repo schema when created inside an apidx checkout', async () => {
    const root = await tempDir()
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'apidx-monorepo' }))
    await mkdir(path.join(root, 'schemas'))
    await writeFile(path.join(root, 'schemas', 'provider-pack.schema.json'), '{}')
    const result = await scaffoldPackFolder('acme', { cwd: root, dir: 'providers/acme' })
    expect([result.schema, result.files]).toEqual([
      { kind: 'repo', ref: '../../schemas/provider-pack.schema.json' },
      ['pack.json', 'package.json', 'README.md', 'test/cases.json'],
    ])
  })

  it('writes into an existing empty folder', async () => {
    const cwd = await tempDir()
    await mkdir(path.join(cwd, 'acme'))
    await scaffoldPackFolder('acme', { cwd })
    expect((await readdir(path.join(cwd, 'acme'))).length).toBe(7)
  })

  it.each([
    ['an upper-case id', 'Acme', '"Acme" is not a valid pack id.'],
    ['a path as id', '../acme', '"../acme" is not a valid pack id.'],
    ['a double hyphen', 'acme--x', '"acme--x" is not a valid pack id.'],
    ['an id over 40 characters', 'a'.repeat(41), `"${'a'.repeat(41)}" is not a valid pack id.`],
  ])('refuses %s', async (_name, id, message) => {
    const cwd = await tempDir()
    await expect(scaffoldPackFolder(id, { cwd })).rejects.toMatchObject({ code: 'ERR_USAGE', message })
    expect(await readdir(cwd)).toEqual([])
  })

  it('refuses a non-empty folder and leaves it untouched', async () => {
    const cwd = await tempDir()
    await mkdir(path.join(cwd, 'acme'))
    await writeFile(path.join(cwd, 'acme', 'notes.txt'), 'mine')
    await expect(scaffoldPackFolder('acme', { cwd })).rejects.toThrow(
      `${path.join(cwd, 'acme')} already exists and is not empty; nothing was written.`,
    )
    expect(await readdir(path.join(cwd, 'acme'))).toEqual(['notes.txt'])
  })
})
