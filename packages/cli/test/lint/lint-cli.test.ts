// apidx lint as a user runs it (the built CLI), kept to a small smoke set: exit codes, the --json
// shape, a masked credential, an unparseable file skipped, node_modules skipped, config and --rule.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { collectFiles, readSourceFile, MAX_FILE_BYTES } from '../../src/lint/files.js'
import { runCli } from '../run-cli.js'

const SECRET = 'ZWE1ZTdiNTliZWQzN2Q0NDAyM2QxOTk3'

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'apidx-lint-'))
  writeFileSync(path.join(dir, 'asr.py'), `URL = "wss://iat-api.xfyun.cn/v2"\nAPISecret = "${SECRET}"\n`)
  writeFileSync(path.join(dir, 'broken.py'), 'def broken(:\n')
  mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true })
  writeFileSync(path.join(dir, 'node_modules', 'dep', 'index.js'), "const u = 'wss://rtasr.xfyun.cn/v1/ws'\n")
  return dir
}

test('apidx lint --json: findings per file, the secret masked, exit 1, broken file skipped', async () => {
  const dir = project()
  const r = await runCli(['lint', '.', '--json'], { cwd: dir })
  expect(r.code).toBe(1)
  expect(r.stdout + r.stderr).not.toContain(SECRET)
  const json = JSON.parse(r.stdout) as {
    files: { path: string; findings: { rule: string; line: number }[]; error?: unknown }[]
  }
  expect(json.files.map((f) => f.path).sort()).toEqual(['asr.py', 'broken.py'])
  const asr = json.files.find((f) => f.path === 'asr.py')
  expect(asr?.findings.map((f) => `${f.rule}@${f.line}`)).toEqual([
    'missing-doc-header@1',
    'stale-endpoint@1',
    'hardcoded-credential@2',
  ])
  expect(json.files.find((f) => f.path === 'broken.py')?.error).toBeDefined()
  expect(r.stderr).toContain('broken.py')
})

test('config and --rule turn rules off; with no error left the exit code is 0', async () => {
  const dir = project()
  writeFileSync(
    path.join(dir, '.apidxrc.json'),
    JSON.stringify({ lint: { rules: { 'stale-endpoint': 'off' } } }),
  )
  const r = await runCli(['lint', 'asr.py', '--rule', 'hardcoded-credential=off'], { cwd: dir })
  expect(r.code).toBe(0)
  expect(r.stdout).toContain('missing-doc-header')
  expect(r.stdout).not.toContain('stale-endpoint')
  const bad = await runCli(['lint', '--rule', 'no-such-rule'], { cwd: dir })
  expect(bad.code).toBe(2)
})

test('the walk skips node_modules and symbolic links; reads are capped and regular-file only', async () => {
  const dir = project()
  symlinkSync(path.join(dir, 'asr.py'), path.join(dir, 'link.py'))
  writeFileSync(path.join(dir, 'big.js'), 'x'.repeat(MAX_FILE_BYTES + 1))
  const { files } = await collectFiles([dir])
  expect(files.map((f) => path.basename(f)).sort()).toEqual(['asr.py', 'big.js', 'broken.py'])
  expect(await readSourceFile(path.join(dir, 'big.js'))).toEqual({
    skipped: `larger than ${MAX_FILE_BYTES} bytes`,
  })
  expect(await readSourceFile(path.join(dir, 'link.py'))).toEqual({ skipped: 'not a regular file' })
})
