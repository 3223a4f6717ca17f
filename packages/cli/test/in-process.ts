// Runs an apidx command in this process (sources, not dist/): argv, a working folder and an
// environment in; exit code, stdout and stderr out. Process-level behaviour is left to the e2e smoke set.
import { fileURLToPath } from 'node:url'
import type { Command } from '@oclif/core'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface Ran {
  code: number
  stdout: string
  stderr: string
}

/** Runs `Cmd` with `argv` in `cwd` under exactly `env` (plus PATH), capturing what it prints. */
export async function runCommand(
  Cmd: typeof Command,
  argv: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<Ran> {
  const saved = { env: process.env, cwd: process.cwd(), exitCode: process.exitCode }
  const out: string[] = []
  const err: string[] = []
  const writes = { out: process.stdout.write, err: process.stderr.write }
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as never
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as never
  process.env = { PATH: saved.env.PATH ?? '', HOME: opts.cwd, NO_COLOR: '1', ...opts.env }
  process.exitCode = undefined
  process.chdir(opts.cwd)
  try {
    await Cmd.run(argv, root)
    return { code: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') }
  } finally {
    process.stdout.write = writes.out
    process.stderr.write = writes.err
    process.env = saved.env
    process.chdir(saved.cwd)
    process.exitCode = saved.exitCode
  }
}
