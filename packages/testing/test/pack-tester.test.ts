// PackTester against packs made to be wrong: each way a pack or its cases can lie must fail the
// suite, naming what differs. The base is the folder `apidx packs new` writes, which must pass as is.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scaffoldPackFolder } from '@apidx/core'
import { PackTester, testPack, type PackTestReport } from '../src/index.js'

const root = mkdtempSync(path.join(tmpdir(), 'apidx-packtester-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

let n = 0
/** A fresh scaffolded pack, with `edit` applied to its pack.json and `editCases` to its cases. */
async function packWith(
  edit: (pack: any) => void = () => {},
  editCases: (cases: any) => void = () => {},
): Promise<string> {
  const dir = path.join(root, `p${n++}`)
  await scaffoldPackFolder('acme', { dir, today: '2026-01-01' })
  const rewrite = (file: string, fn: (v: any) => void) => {
    const value = JSON.parse(readFileSync(file, 'utf8'))
    fn(value)
    writeFileSync(file, JSON.stringify(value, null, 2))
  }
  rewrite(path.join(dir, 'pack.json'), edit)
  rewrite(path.join(dir, 'test', 'cases.json'), editCases)
  return dir
}

const failures = (r: PackTestReport) =>
  r.results.filter((x) => !x.ok).map((x) => ({ name: x.name, message: x.message }))

describe('PackTester', () => {
  it('passes the scaffolded pack, replaying its healthy case, both codes and its handshake rule', async () => {
    const r = await testPack(await packWith())
    expect(failures(r)).toEqual([])
    expect(r.results.map((x) => x.name)).toEqual([
      'pack.json is a valid provider pack',
      'cases.json matches the pack-tests schema',
      'no case is duplicated',
      'every service has a case',
      'every declared error code is replayed',
      'every handshake rule is replayed',
      'no handshake rule is shadowed by an earlier one',
      'valid: a healthy example/v1 exchange passes',
      'invalid: invalid_api_key from example/v1 is diagnosed as auth/unknown-key',
      'invalid: rate_limited from example/v1 is diagnosed as http/rate-limited',
      'invalid: a 401 from the acme gateway is diagnosed as auth/unauthorized',
    ])
  })

  it('fails a pack whose error table is wired to the wrong diagnosis', async () => {
    const r = await testPack(
      await packWith((p) => {
        p.services.example.errors.invalid_api_key.diagnosis = 'auth/signature-mismatch'
      }),
    )
    expect(failures(r)).toEqual([
      {
        name: 'invalid: invalid_api_key from example/v1 is diagnosed as auth/unknown-key',
        message: expect.stringContaining('finding 1: expected auth/unknown-key, got auth/signature-mismatch'),
      },
    ])
  })

  it("fails a pack that passes on garbage: codes read from the wrong place come back without the pack's meaning", async () => {
    // The case expects nothing about the code, yet the replay must still find it where the pack says it is.
    const r = await testPack(
      await packWith((p) => {
        p.services.example.versions.v1.response.errorCode = '/error/type'
      }),
    )
    const names = failures(r).map((f) => f.name)
    expect(names).toContain('invalid: invalid_api_key from example/v1 is diagnosed as auth/unknown-key')
    expect(failures(r).find((f) => f.name.includes('rate_limited'))!.message).toMatch(
      /no error finding carries vendor code rate_limited/,
    )
  })

  it('fails an invalid case whose findings are not exactly the ones apidx reports', async () => {
    const r = await testPack(
      await packWith(
        () => {},
        (c) => {
          c.invalid.push({
            name: 'path',
            service: 'example',
            scenario: 'wrong-path',
            findings: [{ code: 'url/not-found' }, { code: 'auth/unknown-key' }],
          })
        },
      ),
    )
    expect(failures(r)).toEqual([
      {
        name: 'invalid: path',
        message: 'invalid[3] "path" (example/v1):\n  should have 2 error findings but had 1: url/not-found',
      },
    ])
  })

  it('fails a valid case when the pack cannot play a healthy exchange', async () => {
    // The example frame no longer matches the pack's own success schema.
    const r = await testPack(
      await packWith((p) => {
        p.services.example.versions.v1.response.examples.frames = [{ unexpected: true }]
      }),
    )
    expect(failures(r).map((f) => f.name)).toContain('valid: a healthy example/v1 exchange passes')
    expect(failures(r).find((f) => f.name.startsWith('valid:'))!.message).toMatch(
      /expected a healthy exchange \(verdict pass\), got fail with response\/schema-mismatch/,
    )
  })

  it('reports codes, rules and services without a case; a specific rule outranks an any-body one listed first', async () => {
    const r = await testPack(
      await packWith((p) => {
        p.services.example.errors.quota_exceeded = {
          meaning: 'The monthly quota is used up.',
          fix: 'Raise the quota.',
          source: 'https://acme.example/docs/errors',
          diagnosis: 'http/rate-limited',
        }
        p.services.other = structuredClone(p.services.example)
        delete p.services.other.errors
        p.handshakeErrors.push({
          status: 401,
          bodyContains: 'missing credentials',
          diagnosis: 'auth/missing-credentials',
          meaning: 'No key.',
          fix: 'Send the key.',
          example: '{"error":{"code":"unauthorized","message":"missing credentials"}}',
          source: 'https://acme.example/docs/errors',
        })
      }),
    )
    const byName = Object.fromEntries(failures(r).map((f) => [f.name, f.message]))
    expect(byName['every declared error code is replayed']).toContain('example quota_exceeded')
    expect(byName['every service has a case']).toContain('other')
    // The more specific rule wins wherever it is listed, so the existing 401 case now replays it and
    // the any-body rule is the one left without a case: its own example now selects the specific rule.
    expect(byName['every handshake rule is replayed']).toContain(
      '/handshakeErrors/0 (401 → auth/unauthorized)',
    )
    expect(byName['no handshake rule is shadowed by an earlier one']).toMatch(
      /the 401 rule for auth\/unauthorized \("any body"\) is shadowed: its example matches .* auth\/missing-credentials/,
    )
  })

  // A code whose message picks the meaning: the key that expired answers rate_limited with another text.
  const withVariant = (p: any) => {
    p.services.example.errors.rate_limited.byMessage = [
      {
        contains: 'key has expired',
        vendorText: 'Your API key has expired.',
        meaning: 'The key is past its expiry date.',
        fix: 'Create a new key.',
        diagnosis: 'auth/unauthorized',
        source: 'https://acme.example/docs/errors',
      },
    ]
  }
  const variantCase = (findings: any[]) => (c: any) => {
    c.invalid.push({
      name: 'rate_limited with the expiry message',
      service: 'example',
      scenario: 'vendor-error:rate_limited#0',
      findings,
    })
  }

  it('requires a case for each message meaning of a code, and passes when its diagnosis and meaning come back', async () => {
    const missing = await testPack(await packWith(withVariant))
    expect(failures(missing)).toEqual([
      {
        name: 'every declared error code is replayed',
        message: expect.stringContaining(
          'example rate_limited#0 (add an invalid case with "scenario": "vendor-error:rate_limited#0")',
        ),
      },
    ])
    const covered = await testPack(
      await packWith(
        withVariant,
        variantCase([
          { code: 'auth/unauthorized', vendorCode: 'rate_limited', messageIncludes: 'past its expiry' },
        ]),
      ),
    )
    expect(failures(covered)).toEqual([])
  })

  it('fails a message meaning wired to the wrong diagnosis', async () => {
    const r = await testPack(
      await packWith(
        (p) => {
          withVariant(p)
          p.services.example.errors.rate_limited.byMessage[0].diagnosis = 'auth/forbidden'
        },
        variantCase([{ code: 'auth/unauthorized', vendorCode: 'rate_limited' }]),
      ),
    )
    expect(failures(r)).toEqual([
      {
        name: 'invalid: rate_limited with the expiry message',
        message: expect.stringContaining('finding 1: expected auth/unauthorized, got auth/forbidden'),
      },
    ])
  })

  it('rejects duplicate case names and cases that replay the same exchange', async () => {
    const r = await testPack(
      await packWith(
        () => {},
        (c) => {
          c.invalid.push({ ...c.invalid[0] })
          c.invalid.push({ ...c.invalid[1], name: 'the same code again' })
        },
      ),
    )
    const message = failures(r).find((f) => f.name === 'no case is duplicated')?.message ?? ''
    expect(message).toContain('invalid[3] has the same name as invalid[0]')
    expect(message).toContain('invalid[4] "the same code again" replays the same exchange as invalid[1]')
  })

  it('names the file and JSON pointer of a cases file that does not match its schema, and fails every case', async () => {
    const r = await testPack(
      await packWith(
        () => {},
        (c) => {
          c.invalid[0].findings = [{ code: 'Not A Code' }]
        },
      ),
    )
    const schema = failures(r).find((f) => f.name === 'cases.json matches the pack-tests schema')
    expect(schema?.message).toMatch(
      /cases\.json at \/invalid\/0\/findings\/0\/code: "Not A Code" is not in the required form/,
    )
    expect(failures(r).filter((f) => f.name.startsWith('invalid:')).length).toBe(3)
  })

  it('fails a case naming a service or version the pack does not have', async () => {
    const r = await testPack(
      await packWith(
        () => {},
        (c) => {
          c.valid.push({ name: 'ghost', service: 'ghost' }, { name: 'v9', service: 'example', version: 'v9' })
        },
      ),
    )
    expect(failures(r)).toEqual([
      { name: 'valid: ghost', message: 'the pack has no service "ghost" (services: example)' },
      { name: 'valid: v9', message: 'example has no version "v9" (versions: v1)' },
    ])
  })

  it('registers one test per check and case with the framework (RuleTester style)', () => {
    const seen: string[] = []
    const saved = [PackTester.describe, PackTester.it]
    PackTester.describe = (name, fn) => {
      seen.push(`describe ${name}`)
      fn()
    }
    PackTester.it = (name) => {
      seen.push(name)
    }
    try {
      new PackTester().run(path.join(root, 'p0'))
    } finally {
      ;[PackTester.describe, PackTester.it] = saved
    }
    expect(seen[0]).toBe('describe pack acme')
    expect(seen).toHaveLength(12) // describe, 7 checks, 1 valid and 3 invalid cases
  })
})
