// `apidx explain` run as a user would, against the built CLI: the four examples, the unknown
// code, symptoms, masking and usage errors — exit codes and the one JSON document.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'apidx-explain-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = { APIDX_DATA_DIR: path.join(dir, 'data') }
const run = (args: string[]) => runCli(['explain', ...args], { env, cwd: dir })

/** Runs with --json and returns the exit code and the parsed document (stdout must be exactly one). */
async function json(args: string[]) {
  const r = await run([...args, '--json'])
  return { code: r.code, doc: JSON.parse(r.stdout), stderr: r.stderr }
}

describe('apidx explain: the issue examples, offline, exit 0', () => {
  it('10165 --provider iflytek --service iat', async () => {
    const { code, doc } = await json(['10165', '--provider', 'iflytek', '--service', 'iat'])
    expect(code).toBe(0)
    expect(doc).toMatchObject({
      input: '10165',
      kind: 'vendor-code',
      found: true,
      provider: 'iflytek',
      service: 'iat',
    })
    expect(doc.matches[0]).toMatchObject({
      code: '10165',
      docs: 'https://www.xfyun.cn/doc/asr/voicedictation/API.html',
      fix: expect.stringContaining('status 0'),
    })
  })

  it('403 --provider iflytek', async () => {
    const { code, doc } = await json(['403', '--provider', 'iflytek'])
    expect(code).toBe(0)
    expect(doc.kind).toBe('http-status')
    expect(doc.matches.map((m: { diagnosis: string }) => m.diagnosis)).toEqual([
      'clock/skew',
      'auth/ip-not-allowed',
    ])
    expect(doc.generic.httpStatus).toMatchObject({ code: 403, name: 'Forbidden' })
  })

  it('an HMAC mismatch body, vendor found without --provider', async () => {
    const { code, doc } = await json(['{"message":"HMAC signature does not match"}'])
    expect(code).toBe(0)
    expect(doc).toMatchObject({ kind: 'error-body', provider: 'iflytek' })
    expect(doc.matches[0]).toMatchObject({ diagnosis: 'auth/signature-mismatch', status: 401 })
    expect(doc.matches[0].causes.slice(0, 4).map((c: { id: string }) => c.id)).toEqual([
      'wrong-credentials',
      'swapped-credentials',
      'signed-string',
      'signature-encoding',
    ])
  })

  it('an rtasr error frame with illegal client_ip', async () => {
    const { code, doc } = await json([
      '{"action":"error","code":"10105","desc":"illegal access|illegal client_ip: 1.2.3.4"}',
    ])
    expect(code).toBe(0)
    expect(doc).toMatchObject({ kind: 'error-body', provider: 'iflytek', service: 'rtasr' })
    expect(doc.matches[0].causes[0]).toMatchObject({ rank: 1, id: 'ip-whitelist' })
  })

  it('prints the meaning, ranked causes, fix and docs in the terminal', async () => {
    const r = await run([
      '{"action":"error","code":"10105","desc":"illegal access|illegal client_ip: 1.2.3.4"}',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('rtasr · code 10105')
    expect(r.stdout).toMatch(/1\. The caller's public IP is not in the application's IP whitelist/)
    expect(r.stdout).toContain('Fix: ')
    expect(r.stdout).toContain('Docs: https://www.xfyun.cn/doc/asr/rtasr/API.html')
    expect(r.stderr).toBe('')
  })
})

describe('apidx explain: other inputs', () => {
  it('an unknown code says so, suggests the nearest services and exits 1', async () => {
    const { code, doc } = await json(['10199', '--provider', 'iflytek'])
    expect(code).toBe(1)
    expect(doc).toMatchObject({ kind: 'vendor-code', found: false, matches: [] })
    expect(doc.suggestions.map((s: { service: string }) => s.service)).toEqual(
      expect.arrayContaining(['iat', 'rtasr']),
    )
    const text = await run(['10199', '--provider', 'iflytek'])
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('No pack searched knows the code 10199.')
  })

  it('an ambiguous code lists every service, the --service one first', async () => {
    const { doc } = await json(['10110', '--provider', 'iflytek', '--service', 'spark'])
    expect(doc.matches.map((m: { service: string }) => m.service)).toEqual(['spark', 'iat', 'rtasr', 'rtasr'])
  })

  it.each([
    ['timeout', 'timeout'],
    ['parse error', 'parse-error'],
    ['silent failure', 'silent-failure'],
  ])('symptom %s', async (input, id) => {
    const { code, doc } = await json([input])
    expect(code).toBe(0)
    expect(doc).toMatchObject({ kind: 'symptom', generic: { symptom: { id } } })
  })

  it('never echoes a signed URL secret', async () => {
    const secret = 'c2VjcmV0LWNhbmFyeS12YWx1ZQ'
    const input = `401 {"message":"HMAC signature does not match","url":"wss://iat-api.xfyun.cn/v2/iat?authorization=${secret}&signature=${secret}"}`
    for (const args of [[input], [input, '--json']]) {
      const r = await run(args)
      expect(r.code).toBe(0)
      expect(r.stdout + r.stderr).not.toContain(secret)
    }
  })

  it('an unknown service is a usage error, exit 2', async () => {
    const { code, doc } = await json(['10165', '--provider', 'iflytek', '--service', 'iatt'])
    expect(code).toBe(2)
    expect(doc.error).toMatchObject({ code: 'ERR_TARGET', suggestions: ['Did you mean "iat"?'] })
  })
})

describe('apidx explain: a code one service declares and a pack-wide rule also matches', () => {
  it('names the one service, without claiming the code means different things in two', async () => {
    const body =
      '{"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported"}}'
    const r = await run([body, '--provider', 'openai'])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('different things')
    expect(r.stdout).toContain('OpenAI API › models · code unsupported_country_region_territory')
    expect(r.stdout).toContain('OpenAI API › any service · HTTP 403 handshake rule')
  })
})

describe('apidx explain: what users paste, without --provider', () => {
  it('a botocore exception string: AWS first, the answer and its evidence in --json', async () => {
    const input =
      'botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid'
    const { code, doc } = await json([input])
    expect(code).toBe(0)
    expect(doc.best).toMatchObject({
      diagnosis: 'auth/unknown-key',
      provider: 'aws',
      code: 'InvalidClientTokenId',
    })
    expect(doc.best.why).toContain('aws: the boto3/botocore SDK ("botocore")')
    expect(doc.matches.every((m: { provider: string }) => m.provider === 'aws')).toBe(true)
  })

  it('401 groups the entries by vendor; --all prints each in full', async () => {
    const grouped = await run(['401'])
    expect(grouped.code).toBe(0)
    expect(grouped.stdout).toContain('Pack entries, by vendor')
    const all = await run(['401', '--all'])
    expect(all.stdout).not.toContain('Pack entries, by vendor')
    expect(all.stdout.split('\n').length).toBeGreaterThan(grouped.stdout.split('\n').length)
  })

  it('a 1 MB input on stdin is refused with its real size, exit 2', async () => {
    const r = await runCli(['explain', '-', '--json'], { env, cwd: dir, input: 'a'.repeat(1024 * 1024) })
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.message).toBe(
      'The input is 1048576 bytes; explain takes at most 65536.',
    )
  })
})
