// Runs the BUILT CLI as a user would (a child process, a clean environment, cwd outside the repo) and
// checks its output for canary secrets. Shared by the end-to-end suites.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { reportSchema } from '@apidx/core'

export const bin = fileURLToPath(new URL('../../packages/cli/bin/run.js', import.meta.url))

/** Credentials no output may contain, in any encoding. */
export const CANARY = {
  IFLYTEK_APP_ID: 'canaryappid',
  IFLYTEK_API_KEY: 'CANARYKEY0123456789abcdef0123456',
  IFLYTEK_API_SECRET: 'CANARYSECRETabcdef0123456789abcd',
}
export const canaryForms = [
  CANARY.IFLYTEK_API_KEY,
  CANARY.IFLYTEK_API_SECRET,
  Buffer.from(CANARY.IFLYTEK_API_SECRET).toString('base64'),
  Buffer.from(CANARY.IFLYTEK_API_KEY).toString('base64'),
]

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  ms: number
}

/** Runs `apidx …` with only PATH and the given variables in the environment. */
export function apidx(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const started = Date.now()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: '/',
        env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', NO_COLOR: '1', ...env },
        timeout: 30_000,
      },
      (err, stdout, stderr) => {
        resolve({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        })
      },
    )
  })
}

export const validateReport = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
  reportSchema as object,
)

/** The secrets found in a result's output (should be none). */
export function leaked(r: CliResult): string[] {
  return canaryForms.filter((s) => r.stdout.includes(s) || r.stderr.includes(s))
}
