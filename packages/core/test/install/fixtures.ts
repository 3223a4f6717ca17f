// Shared inputs for install tests: a valid pack (the scaffold's), a temp data dir per test, and
// tarballs shaped like npm's (`package/` prefix).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { scaffoldPack } from '../../src/install/template.js'
import { tgz, type TarEntry } from './tar-writer.js'

/** A valid pack document for `id`. */
export function packText(id = 'acme'): string {
  return JSON.stringify(scaffoldPack(id, '2026-11-25', './provider-pack.schema.json'), null, 2) + '\n'
}

/** A manifest with lifecycle scripts that would leave a marker if anything ran them. */
export function manifest(id = 'acme', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: `apidx-provider-${id}`, version: '1.2.3', ...extra })
}

/** An npm-shaped tarball holding package.json and the given files under `package/`. */
export function packageTgz(files: Record<string, string>, more: TarEntry[] = []): Buffer {
  return tgz([...Object.entries(files).map(([name, data]) => ({ name: `package/${name}`, data })), ...more])
}

const temps: string[] = []
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => rm(t, { recursive: true, force: true })))
})

/** A fresh temp folder removed after the test; never the real home or data dir. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'apidx-install-test-'))
  temps.push(dir)
  return dir
}
