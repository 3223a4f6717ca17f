// The modes of `apidx mock` that return instead of serving in the foreground: the scenario list, the
// demo credentials as export lines (for `eval`), and a detached emulator with a pid file.
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MockInfo } from './render/mock.js'
import type { DetachedMock, EnvExports, ScenarioList } from './render/mock-extra.js'
import { packOptions } from './packs.js'
import { loadSettings } from './settings.js'

/** Every scenario the emulator accepts for `provider`, one line each. */
export async function scenarioList(provider: string): Promise<ScenarioList> {
  const core = await import('@apidx/core')
  const { scenarios } = await import('@apidx/mock')
  const settings = await loadSettings()
  const { pack } = await core.loadPack(provider, packOptions(settings.packPaths))
  return {
    provider: pack.id,
    scenarios: scenarios.map((s) => ({ id: s.id, description: s.description, expect: s.expect })),
  }
}

/** The demo credentials of `provider` as export lines: fixed, public values the emulator accepts. */
export async function printEnvInfo(flags: { provider: string }): Promise<EnvExports> {
  const core = await import('@apidx/core')
  const { demoCredentials } = await import('@apidx/mock')
  const settings = await loadSettings()
  const { pack } = await core.loadPack(flags.provider, packOptions(settings.packPaths))
  return { provider: pack.id, env: exportLines(pack, demoCredentials(pack)) }
}

/** `export NAME=value` for each credential with a demo value. */
export function exportLines(
  pack: import('@apidx/core').ProviderPack,
  credentials: Record<string, string>,
): string[] {
  return Object.entries(pack.credentials)
    .filter(([name]) => credentials[name] !== undefined)
    .map(([name, c]) => `export ${c.env}=${credentials[name]}`)
}

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))
/** How long the detached emulator has to say where it listens. */
const START_MS = 15_000

/**
 * Starts `apidx mock` with the same flags in a detached process, waits for its JSON banner, writes
 * its pid to `pidFile`, and returns without waiting for it.
 */
export async function detach(argv: string[], pidFile: string): Promise<DetachedMock> {
  const args = withoutFlags(argv, ['--detach', '--json', '--print-env'], ['--pid-file'])
  const child = spawn(process.execPath, [bin, 'mock', ...args, '--json'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: process.env,
  })
  const info = await firstJson(child)
  const file = path.resolve(pidFile)
  await writeFile(file, `${child.pid}\n`)
  child.stdout?.destroy()
  child.unref()
  const { demoCredentials } = await import('@apidx/mock')
  const core = await import('@apidx/core')
  const { pack } = await core.loadPack(info.provider, packOptions((await loadSettings()).packPaths))
  return {
    ...info,
    env: exportLines(pack, demoCredentials(pack)),
    pid: child.pid ?? 0,
    pidFile: file,
    stopCommand: `kill "$(cat ${JSON.stringify(file)})"`,
  }
}

/** `argv` without the boolean `flags` and without the `valued` flags and their values. */
function withoutFlags(argv: string[], flags: string[], valued: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (flags.includes(a)) continue
    if (valued.includes(a)) {
      i++
      continue
    }
    if (valued.some((v) => a.startsWith(`${v}=`))) continue
    out.push(a)
  }
  return out
}

/** The emulator's --json banner, or an error when it exits or stays silent first. */
function firstJson(child: ReturnType<typeof spawn>): Promise<MockInfo> {
  return new Promise((resolve, reject) => {
    let text = ''
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill()
      reject(new Error(why))
    }
    const timer = setTimeout(() => fail('the emulator did not start in time'), START_MS)
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      try {
        const doc = JSON.parse(text) as MockInfo & { error?: { message: string } }
        clearTimeout(timer)
        if (doc.error) fail(doc.error.message)
        else resolve(doc)
      } catch {
        // Not complete yet.
      }
    })
    child.on('exit', () => fail('the emulator exited before it listened'))
  })
}
