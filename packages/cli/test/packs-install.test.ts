// `apidx packs new | install | uninstall` run as a user would, against the built CLI, each test with
// its own temp APIDX_DATA_DIR (never the real home). Includes the proof that an install of a package
// with lifecycle scripts never runs them.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tgz } from '../../core/test/install/tar-writer.js'
import { runCli } from './run-cli.js'

const temps: string[] = []
afterEach(() => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true })))

/** A temp working folder and a data dir inside it. */
function sandbox(): { cwd: string; env: NodeJS.ProcessEnv; packs: string } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'apidx-install-cli-'))
  temps.push(cwd)
  return { cwd, env: { APIDX_DATA_DIR: path.join(cwd, 'data') }, packs: path.join(cwd, 'data', 'packs') }
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'] as const

/** A package folder made by `packs new`, with every lifecycle script set to leave a marker file. */
async function armedPackage(cwd: string, markers: string): Promise<string> {
  expect((await runCli(['packs', 'new', 'acme', '--dir', 'pkg'], { cwd })).code).toBe(0)
  const file = path.join(cwd, 'pkg', 'package.json')
  const manifest = JSON.parse(await readFile(file, 'utf8'))
  manifest.scripts = Object.fromEntries(
    LIFECYCLE.map((s) => [
      s,
      `node -e "require('fs').writeFileSync(require('path').join('${markers}', '${s}'), 'ran')"`,
    ]),
  )
  await writeFile(file, JSON.stringify(manifest, null, 2))
  return path.join(cwd, 'pkg')
}

describe('apidx packs new', () => {
  it('scaffolds a folder that apidx packs validate accepts at once (exit 0)', async () => {
    const { cwd, env } = sandbox()
    const made = await runCli(['packs', 'new', 'acme'], { cwd, env })
    expect([made.code, made.stderr]).toEqual([0, ''])
    expect(made.stdout.split('\n').slice(0, 8)).toEqual([
      '✓ Created pack "acme" in ./acme',
      '  pack.json',
      '  package.json',
      '  README.md',
      '  test/cases.json',
      '  provider-pack.schema.json',
      '  auth-scheme.schema.json',
      '  pack-tests.schema.json',
    ])
    const validated = await runCli(['packs', 'validate', './acme', '--json'], { cwd, env })
    expect([validated.code, JSON.parse(validated.stdout)]).toEqual([
      0,
      { valid: true, results: [{ file: 'acme/pack.json', valid: true, id: 'acme', problems: [] }] },
    ])
    expect(JSON.parse(await readFile(path.join(cwd, 'acme', 'test', 'cases.json'), 'utf8')).$schema).toBe(
      '../pack-tests.schema.json',
    )
  })

  it('scaffolds a folder whose PackTester suite passes untouched: apidx packs new acme && apidx packs test ./acme', async () => {
    const { cwd, env } = sandbox()
    expect((await runCli(['packs', 'new', 'acme'], { cwd, env })).code).toBe(0)
    const tested = await runCli(['packs', 'test', './acme', '--json'], { cwd, env })
    const out = JSON.parse(tested.stdout)
    expect([tested.code, out.failed, out.packs[0].results.filter((r: { ok: boolean }) => !r.ok)]).toEqual([
      0,
      0,
      [],
    ])
    // The suite really replays: the healthy case, both codes, the handshake rule.
    expect(
      out.packs[0].results.map((r: { group: string }) => r.group).filter((g: string) => g !== 'pack'),
    ).toEqual(['valid', 'invalid', 'invalid', 'invalid'])
  })

  it('apidx packs test exits 1 and names the case when the pack is wired to another diagnosis', async () => {
    const { cwd, env } = sandbox()
    expect((await runCli(['packs', 'new', 'acme'], { cwd, env })).code).toBe(0)
    const file = path.join(cwd, 'acme', 'pack.json')
    const pack = JSON.parse(await readFile(file, 'utf8'))
    pack.services.example.errors.rate_limited.diagnosis = 'http/server-error'
    await writeFile(file, JSON.stringify(pack, null, 2))
    const tested = await runCli(['packs', 'test', './acme'], { cwd, env: { ...env, NO_COLOR: '1' } })
    expect(tested.code).toBe(1)
    expect(tested.stdout).toContain(
      '✗ invalid: rate_limited from example/v1 is diagnosed as http/rate-limited',
    )
    expect(tested.stdout).toContain('finding 1: expected http/rate-limited, got http/server-error')
    expect(tested.stdout).toContain('1 of 11 failed')
  })

  it('refuses an existing non-empty folder and an invalid id with exit 2', async () => {
    const { cwd, env } = sandbox()
    await mkdir(path.join(cwd, 'acme'))
    await writeFile(path.join(cwd, 'acme', 'keep.txt'), 'mine')
    const busy = await runCli(['packs', 'new', 'acme', '--json'], { cwd, env })
    expect([busy.code, JSON.parse(busy.stdout).error.code]).toEqual([2, 'ERR_USAGE'])
    expect(await readdir(path.join(cwd, 'acme'))).toEqual(['keep.txt'])
    const bad = await runCli(['packs', 'new', 'Not_An_Id'], { cwd, env })
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'Error [ERR_USAGE] "Not_An_Id" is not a valid pack id.',
    ])
  })
})

describe('apidx packs install', () => {
  it('installs a tarball whose package.json has install scripts without running any of them', async () => {
    const { cwd, env, packs } = sandbox()
    const markers = path.join(cwd, 'markers')
    await mkdir(markers)
    const pkg = await armedPackage(cwd, markers)
    // The canary is armed: run as npm would, the script does leave its marker.
    execFileSync(
      'sh',
      ['-c', JSON.parse(await readFile(path.join(pkg, 'package.json'), 'utf8')).scripts.postinstall],
      { cwd: pkg },
    )
    expect(await readdir(markers)).toEqual(['postinstall'])
    rmSync(path.join(markers, 'postinstall'))
    const packed = JSON.parse(
      execFileSync('npm', ['pack', pkg, '--ignore-scripts', '--json', '--pack-destination', cwd], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    )
    const tarball = path.join(cwd, packed[0].filename)

    const r = await runCli(['packs', 'install', tarball, '--json'], { cwd, env })

    expect([r.code, r.stderr]).toEqual([0, ''])
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({
      id: 'acme',
      location: path.join(packs, 'acme'),
      record: {
        source: { kind: 'tarball', spec: tarball, package: 'apidx-provider-acme' },
        version: '0.1.0',
      },
    })
    expect(out.record.integrity.tarball).toBe(packed[0].integrity) // the same sha512 npm computed
    expect(await readdir(path.join(packs, 'acme'))).toEqual(['install.json', 'pack.json'])
    expect(await readdir(markers)).toEqual([])
    const list = JSON.parse((await runCli(['packs', 'list', '--json'], { cwd, env })).stdout)
    expect(list.packs.find((p: { id: string }) => p.id === 'acme')).toMatchObject({
      source: 'installed',
      location: path.join(packs, 'acme', 'pack.json'),
    })
  })

  it('installs an npm name through npm pack --ignore-scripts (a stand-in npm on PATH records the call)', async () => {
    const { cwd, env, packs } = sandbox()
    const bin = path.join(cwd, 'bin')
    await mkdir(bin)
    const tarball = path.join(cwd, 'fixture.tgz')
    const pack = await (async () => {
      await runCli(['packs', 'new', 'acme', '--dir', 'src'], { cwd })
      return readFile(path.join(cwd, 'src', 'pack.json'), 'utf8')
    })()
    await writeFile(
      tarball,
      tgz([
        { name: 'package/package.json', data: '{"name":"apidx-provider-acme","version":"2.0.0"}' },
        { name: 'package/pack.json', data: pack },
      ]),
    )
    // The stand-in copies the fixture to --pack-destination and logs its argv, one per line.
    await writeFile(
      path.join(bin, 'npm'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${cwd}/npm-args'\ncp '${tarball}' "$6/apidx-provider-acme-2.0.0.tgz"\necho '[{"filename":"apidx-provider-acme-2.0.0.tgz"}]'\n`,
    )
    await chmod(path.join(bin, 'npm'), 0o755)

    const r = await runCli(['packs', 'install', 'apidx-provider-acme'], {
      cwd,
      env: { ...env, PATH: `${bin}:${process.env.PATH}` },
    })

    expect([r.code, r.stderr]).toEqual([0, ''])
    expect((await readFile(path.join(cwd, 'npm-args'), 'utf8')).split('\n').slice(0, 5)).toEqual([
      'pack',
      'apidx-provider-acme',
      '--ignore-scripts',
      '--json',
      '--pack-destination',
    ])
    expect(r.stdout.split('\n')[0]).toBe('✓ Installed acme 2.0.0 (Acme) from npm apidx-provider-acme')
    expect(JSON.parse(await readFile(path.join(packs, 'acme', 'install.json'), 'utf8')).source).toEqual({
      kind: 'npm',
      spec: 'apidx-provider-acme',
      package: 'apidx-provider-acme',
    })
  })

  it('rejects a path-traversal tarball with exit 2, naming the entry, and writes nothing', async () => {
    const { cwd, env } = sandbox()
    const file = path.join(cwd, 'evil.tgz')
    await writeFile(
      file,
      tgz([
        { name: 'package/package.json', data: '{"name":"x"}' },
        { name: 'package/../../../tmp/evil', data: 'x' },
      ]),
    )
    const r = await runCli(['packs', 'install', file], { cwd, env })
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `Error [ERR_PACK_INVALID] Nothing was installed: ${file}:package/../../../tmp/evil is not an installable pack package.`,
      `  ${file}:package/../../../tmp/evil#: "package/../../../tmp/evil" climbs out of the archive with "..". Build the package with npm pack from a folder holding package.json and pack.json only.`,
    ])
    expect(existsSync(path.join(cwd, 'data'))).toBe(false)
  })

  it('rejects an invalid pack with file and pointer (exit 2) before writing anything', async () => {
    const { cwd, env } = sandbox()
    await runCli(['packs', 'new', 'acme'], { cwd })
    const file = path.join(cwd, 'acme', 'pack.json')
    const pack = JSON.parse(await readFile(file, 'utf8'))
    delete pack.services.example.versions.v1.source
    await writeFile(file, JSON.stringify(pack))
    const r = await runCli(['packs', 'install', './acme', '--json'], { cwd, env })
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'ERR_PACK_INVALID',
      problems: [{ file, pointer: '/services/example/versions/v1' }],
    })
    expect(existsSync(path.join(cwd, 'data'))).toBe(false)
  })

  it('refuses an installed id without --force, replaces it with --force, and refuses a built-in id', async () => {
    const { cwd, env } = sandbox()
    await runCli(['packs', 'new', 'acme'], { cwd })
    expect((await runCli(['packs', 'install', './acme'], { cwd, env })).code).toBe(0)
    const again = await runCli(['packs', 'install', './acme'], { cwd, env })
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([
      2,
      `Error [ERR_PACK_CONFLICT] A pack "acme" is already installed (0.1.0 from path ${path.join(cwd, 'acme')}).`,
    ])
    const forced = await runCli(['packs', 'install', './acme', '--force'], { cwd, env })
    expect([forced.code, forced.stdout.split('\n')[2]]).toEqual([
      0,
      `  replaced the installed acme 0.1.0 from path ${path.join(cwd, 'acme')} (apidx-provider-acme)`,
    ])
    await runCli(['packs', 'new', 'iflytek', '--dir', 'fake'], { cwd })
    const builtin = await runCli(['packs', 'install', './fake'], { cwd, env })
    expect([builtin.code, builtin.stderr.split('\n')[0]]).toEqual([
      2,
      'Error [ERR_PACK_CONFLICT] "iflytek" is a built-in pack (@apidx/provider-iflytek); an installed pack of that id would be used instead of it.',
    ])
  })
})

describe('apidx packs uninstall', () => {
  it('removes an installed pack; refuses a built-in one and an unknown id with exit 2', async () => {
    const { cwd, env, packs } = sandbox()
    await runCli(['packs', 'new', 'acme'], { cwd })
    await runCli(['packs', 'install', './acme'], { cwd, env })
    const r = await runCli(['packs', 'uninstall', 'acme'], { cwd, env })
    expect([r.code, r.stdout]).toEqual([
      0,
      `✓ Uninstalled acme 0.1.0, installed from path ${path.join(cwd, 'acme')} (apidx-provider-acme)\n  removed ${path.join(packs, 'acme')}\n`,
    ])
    expect(await readdir(packs)).toEqual([])
    const builtin = await runCli(['packs', 'uninstall', 'iflytek'], { cwd, env })
    expect([builtin.code, builtin.stderr.split('\n')[0]]).toEqual([
      2,
      'Error [ERR_PACK_CONFLICT] "iflytek" is a built-in pack; it ships with apidx and cannot be uninstalled.',
    ])
    const missing = await runCli(['packs', 'uninstall', 'acme', '--json'], { cwd, env })
    expect([missing.code, JSON.parse(missing.stdout).error.code]).toEqual([2, 'ERR_PACK_NOT_FOUND'])
  })
})
