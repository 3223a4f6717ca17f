// The generated types must follow the schemas: a schema edit without `npm run gen:types` fails the check.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const script = path.join(repo, 'packages/core/scripts/gen-types.mjs')
const scratch = mkdtempSync(path.join(tmpdir(), 'apidx-gen-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function copyCheckout(): string {
  const dir = mkdtempSync(path.join(scratch, 'repo-'))
  cpSync(path.join(repo, 'schemas'), path.join(dir, 'schemas'), { recursive: true })
  cpSync(path.join(repo, 'packages/core/src/generated'), path.join(dir, 'packages/core/src/generated'), {
    recursive: true,
  })
  return dir
}

const check = (root: string) =>
  spawnSync(process.execPath, [script, '--check', '--root', root], { encoding: 'utf8' })

describe('gen:types --check', () => {
  it('passes on the committed schemas and generated files', () => {
    const r = check(copyCheckout())
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('fails, naming the stale file, when a schema changed without regenerating', () => {
    const root = copyCheckout()
    const file = path.join(root, 'schemas/config.schema.json')
    const schema = JSON.parse(readFileSync(file, 'utf8'))
    schema.description = `${schema.description} (edited)`
    writeFileSync(file, JSON.stringify(schema, null, 2))
    const r = check(root)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('config.ts')
    execFileSync(process.execPath, [script, '--root', root])
    expect(check(root).status).toBe(0)
  })
})
