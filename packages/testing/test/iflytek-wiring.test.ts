// The proof on the real iFlytek pack: its error table wired to the wrong diagnosis fails its
// own PackTester case. The case was written from the iFlytek reference (10313 "appid为空": no app id
// sent), so it holds whatever the pack says; only the pack is changed here.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { planPackTests } from '../src/index.js'

const source = fileURLToPath(new URL('../../../providers/iflytek/', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'apidx-iflytek-wiring-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A copy of the pack folder with `edit` applied to pack.json; returns the run of the named case. */
function caseRun(name: string, edit?: (pack: any) => void): () => Promise<void> {
  const at = path.join(dir, String(Math.random()).slice(2))
  cpSync(path.join(source, 'pack.json'), path.join(at, 'pack.json'))
  cpSync(path.join(source, 'test', 'cases.json'), path.join(at, 'test', 'cases.json'))
  if (edit) {
    const pack = JSON.parse(readFileSync(path.join(at, 'pack.json'), 'utf8'))
    edit(pack)
    writeFileSync(path.join(at, 'pack.json'), JSON.stringify(pack))
  }
  const test = planPackTests(at).tests.find((t) => t.name === `invalid: ${name}`)
  if (!test) throw new Error(`no case "${name}" in providers/iflytek/test/cases.json`)
  return test.run
}

const CASE = 'iat 10313: appid为空 → auth/missing-credentials'

describe('the iflytek pack under PackTester', () => {
  it('passes its iat 10313 case as shipped', async () => {
    await expect(caseRun(CASE)()).resolves.toBeUndefined()
  })

  it('fails that case when 10313 is wired to another diagnosis', async () => {
    await expect(
      caseRun(CASE, (p) => {
        p.services.iat.errors['10313'].diagnosis = 'auth/signature-mismatch'
      })(),
    ).rejects.toThrow(/finding 1: expected auth\/missing-credentials, got auth\/signature-mismatch/)
  })

  it('fails that case when the diagnosis is dropped (10313 would be a plain vendor/error)', async () => {
    await expect(
      caseRun(CASE, (p) => {
        delete p.services.iat.errors['10313'].diagnosis
      })(),
    ).rejects.toThrow(/expected auth\/missing-credentials, got vendor\/error/)
  })

  it('fails that case when the iat error pointer is wrong, whatever the diagnosis', async () => {
    await expect(
      caseRun(CASE, (p) => {
        p.services.iat.versions.v2.response.errorCode = '/header/code'
      })(),
    ).rejects.toThrow(/no error finding carries vendor code 10313/)
  })
})
