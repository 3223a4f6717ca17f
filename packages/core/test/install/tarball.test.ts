// Reading a pack out of an npm tarball: only package/package.json and the pack file it names.
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PackageError, readPackTarball } from '../../src/install/tarball.js'
import { manifest, packageTgz, packText } from './fixtures.js'

function rejection(fn: () => unknown): { message: string; where: string } {
  try {
    fn()
  } catch (err) {
    if (err instanceof PackageError) return { message: err.message, where: err.where }
    throw err
  }
  throw new Error('the tarball was accepted')
}

describe('readPackTarball', () => {
  it('returns the manifest fields and the pack bytes exactly as archived', () => {
    const got = readPackTarball(
      packageTgz({ 'package.json': manifest(), 'pack.json': packText(), 'index.js': 'process.exit(1)' }),
    )
    expect({ ...got, packBytes: got.packBytes.toString() }).toEqual({
      name: 'apidx-provider-acme',
      version: '1.2.3',
      packPath: 'pack.json',
      packBytes: packText(),
    })
  })

  it('follows apidx.pack to the pack file', () => {
    const got = readPackTarball(
      packageTgz({
        'package.json': manifest('acme', { apidx: { pack: 'data/acme.json' } }),
        'data/acme.json': packText(),
      }),
    )
    expect(got.packPath).toBe('data/acme.json')
  })

  const REJECTED: [name: string, tgz: () => Buffer, message: string, where: string][] = [
    [
      'no package.json',
      () => packageTgz({ 'pack.json': packText() }),
      'the tarball has no package/package.json; expected a tarball made by npm pack',
      'package/package.json',
    ],
    [
      'no pack file',
      () => packageTgz({ 'package.json': manifest() }),
      'the package has no pack.json (named by default)',
      'package/pack.json',
    ],
    [
      'apidx.pack outside the package',
      () => packageTgz({ 'package.json': manifest('acme', { apidx: { pack: '../../etc/pack.json' } }) }),
      'apidx.pack in package.json is not a safe relative path: "../../etc/pack.json" climbs out of the archive with ".."',
      'package/package.json',
    ],
    [
      'apidx.pack not a .json file',
      () => packageTgz({ 'package.json': manifest('acme', { apidx: { pack: 'index.js' } }) }),
      'apidx.pack in package.json must name a .json file inside the package, e.g. "pack.json"',
      'package/package.json',
    ],
    [
      'package.json not JSON',
      () => packageTgz({ 'package.json': '{"name":', 'pack.json': packText() }),
      'package.json is not valid JSON: line 1, column 9: expected a value but found the end of the file',
      'package/package.json',
    ],
    [
      'package.json with a __proto__ key',
      () => packageTgz({ 'package.json': '{"__proto__":{"x":1}}', 'pack.json': packText() }),
      'package.json is not valid JSON: line 1, column 2: the key "__proto__" is not allowed',
      'package/package.json',
    ],
    [
      'a traversal entry anywhere',
      () =>
        packageTgz({ 'package.json': manifest(), 'pack.json': packText() }, [
          { name: 'package/../../../.bashrc', data: 'evil' },
        ]),
      '"package/../../../.bashrc" climbs out of the archive with ".."',
      'package/../../../.bashrc',
    ],
    [
      'a symlinked pack file',
      () =>
        packageTgz({ 'package.json': manifest() }, [
          { name: 'package/pack.json', type: '2', linkname: '/etc/passwd' },
        ]),
      '"package/pack.json" is a symbolic link; pack archives may hold only files and folders',
      'package/pack.json',
    ],
    [
      'plain bytes',
      () => Buffer.from('hello'),
      'the file is not gzip-compressed; expected an npm tarball (.tgz)',
      '',
    ],
    [
      'a gzip bomb',
      () => gzipSync(Buffer.alloc(65 * 1024 * 1024)),
      'the tarball inflates past the 67108864-byte limit',
      '',
    ],
  ]

  it.each(REJECTED)('rejects %s', (_name, make, message, where) => {
    expect(rejection(() => readPackTarball(make()))).toEqual({ message, where })
  })
})
