// The README's quick start and `apidx mock --help`'s examples, run verbatim as a user pastes them
// (issue 16 acceptance): `apidx` on PATH is the built CLI, each line runs in sh in a scratch folder.
// A foreground emulator is stopped with SIGTERM once it prints its banner.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { bin } from './harness.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(path.join(tmpdir(), 'apidx-docs-'))
const binDir = path.join(scratch, 'bin')
const work = path.join(scratch, 'work')
for (const dir of [binDir, work]) mkdirSync(dir, { recursive: true })
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs one shell line; `untilBanner` stops a foreground emulator once it listens. */
function sh(
  line: string,
  cwd: string,
  untilBanner = false,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  writeFileSync(
    path.join(binDir, 'apidx'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`,
  )
  chmodSync(path.join(binDir, 'apidx'), 0o755)
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], {
      cwd,
      env: { PATH: `${binDir}:${process.env.PATH ?? ''}`, HOME: scratch, NO_COLOR: '1' },
      // Its own process group, so SIGTERM reaches the emulator and not only sh.
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      if (untilBanner && stdout.includes('Press Ctrl+C to stop.')) process.kill(-child.pid!, 'SIGTERM')
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** The `npx apidx …` lines of the README's quick start, and the fault it suggests trying. */
function quickStart(): string[] {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Commands'))
  const block = section.slice(section.indexOf('```sh'), section.indexOf('```', section.indexOf('```sh') + 5))
  const lines = block
    .split('\n')
    .filter((l) => l.startsWith('npx apidx'))
    .map((l) => l.replace(/\s+#.*$/, ''))
  const inline = [...section.matchAll(/`(npx apidx [^`]+)`/g)].map((m) => m[1]!)
  return [...lines, ...inline.filter((l) => l.includes('--mock'))]
}

describe('documented commands run verbatim', () => {
  it.each(quickStart())('README: %s', async (line) => {
    const r = await sh(line, repo)
    expect(r.stdout).toMatch(/^(PASS|FAIL: \S+)$/m)
    // A documented fault is diagnosed (exit 1), the healthy run passes (exit 0); never a usage error.
    expect(r.code).toBe(line.match(/--mock \S+/) ? 1 : 0)
  })

  const examples = async () => (await import('../../packages/cli/src/commands/mock.js')).default.examples
  it('mock --help examples', async () => {
    const lines = (await examples()).map((e) => String(e).replaceAll('<%= config.bin %>', 'apidx'))
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) {
      const foreground = !/--list|--print-env|--detach/.test(line)
      const r = await sh(line, work, foreground)
      expect([line, r.stderr.includes('Error')]).toEqual([line, false])
      // A foreground emulator listened and stopped cleanly on SIGTERM (sh itself dies of the signal).
      if (foreground) expect(r.stderr).toContain('apidx mock: stopped.')
      else expect([line, r.code]).toEqual([line, 0])
      if (line.includes('--detach')) {
        expect(r.stdout).toContain('# Stop: kill')
        // Its Try line works as pasted, then the stop line stops it.
        const tryLine = r.stdout
          .split('\n')
          .find((l) => l.startsWith('# Try: '))!
          .slice(7)
        expect((await sh(tryLine, work)).stdout).toMatch(/^PASS$/m)
        const stop = r.stdout
          .split('\n')
          .find((l) => l.startsWith('# Stop: '))!
          .slice(8)
        expect((await sh(stop, work)).code).toBe(0)
      }
      if (line.startsWith('eval')) expect(r.stdout).toBe('')
    }
  }, 180_000)
})
