// Every vendor-published vector (the project's own copy in core's signing fixtures) through the
// built CLI as a user runs it: `apidx sign --json`, credentials from the environment only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const vectors = JSON.parse(
  readFileSync(path.join(root, 'packages/core/src/signing/fixtures/vendor-vectors.json'), 'utf8'),
).vectors as { id: string; inputs: Record<string, any>; expected: Record<string, string> }[]
const v = (id: string) => vectors.find((x) => x.id === id)!
const provider = (id: string) => path.join(root, 'providers', id)
const dir = mkdtempSync(path.join(tmpdir(), 'apidx-sign-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const baseEnv = { APIDX_DATA_DIR: path.join(dir, 'data') }

/** Signs with --reveal: the vectors' signatures are what is checked (masked otherwise). */
async function sign(args: string[], env: Record<string, string>) {
  const reveal = args.includes('--reveal') ? [] : ['--reveal']
  const r = await runCli(['sign', ...args, ...reveal, '--json'], { env: { ...baseEnv, ...env }, cwd: dir })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as {
    scheme: string
    signature: string
    request: { method: string; url: string; headers: Record<string, string> }
    steps: { name: string; value: string }[]
  }
}
const step = (doc: Awaited<ReturnType<typeof sign>>, name: string) =>
  doc.steps.find((s) => s.name === name)?.value
const bodyFile = (name: string, body: string) => {
  const file = path.join(dir, name)
  writeFileSync(file, body)
  return file
}
const headerFlags = (headers: Record<string, string>) =>
  Object.entries(headers).flatMap(([k, val]) => ['--header', `${k}: ${val}`])

describe('apidx sign --json reproduces every vendor vector', () => {
  it('iflytek-v2-iat (the usable URL with --reveal)', async () => {
    const { inputs: i, expected: e } = v('iflytek-v2-iat')
    const env = { IFLYTEK_API_KEY: i.apiKey, IFLYTEK_API_SECRET: i.apiSecret }
    const doc = await sign(['--provider', 'iflytek', '--url', i.url, '--date', i.date, '--reveal'], env)
    expect(doc).toMatchObject({
      scheme: 'hmac-url',
      signature: e.signature,
      request: { method: 'GET', url: e.signedUrl },
    })
    expect(step(doc, 'origin')).toBe(e.signatureOrigin)
  })
  it('iflytek-v2-llm-iat', async () => {
    const { inputs: i, expected: e } = v('iflytek-v2-llm-iat')
    const doc = await sign(['--provider', 'iflytek', '--url', i.url, '--date', i.date], {
      IFLYTEK_API_KEY: i.apiKey,
      IFLYTEK_API_SECRET: i.apiSecret,
    })
    expect(doc.signature).toBe(e.signature)
    expect(step(doc, 'origin')).toBe(e.signatureOrigin)
  })
  it('iflytek-rtasr-signa', async () => {
    const { inputs: i, expected: e } = v('iflytek-rtasr-signa')
    const doc = await sign(['--provider', 'iflytek', '--url', i.url, '--date', i.ts], {
      IFLYTEK_APP_ID: i.appId,
      IFLYTEK_API_KEY: i.apiKey,
    })
    expect(doc).toMatchObject({ scheme: 'rtasr-signa', signature: e.signa })
    expect(step(doc, 'baseString')).toBe(e.baseString)
    expect(step(doc, 'md5')).toBe(e.md5)
    expect(new URL(doc.request.url).search).toBe(`?${e.query}`)
  })
  for (const id of [
    'aws-sigv4-get-vanilla',
    'aws-sigv4-get-vanilla-query-order-key-case',
    'aws-sigv4-post-x-www-form-urlencoded',
  ]) {
    it(id, async () => {
      const { inputs: i, expected: e } = v(id)
      const args = [
        '--provider',
        provider('aws'),
        '--url',
        i.url,
        '--method',
        i.method,
        ...headerFlags(i.headers),
        '--param',
        `region=${i.region}`,
        '--param',
        `service=${i.service}`,
        '--date',
        i.date,
      ]
      if (i.body) args.push('--body-file', bodyFile(`${id}.body`, i.body))
      const doc = await sign(args, {
        AWS_ACCESS_KEY_ID: i.accessKeyId,
        AWS_SECRET_ACCESS_KEY: i.secretAccessKey,
      })
      expect(doc).toMatchObject({ scheme: 'sigv4', signature: e.signature })
      if (e.canonicalRequest) expect(step(doc, 'canonicalRequest')).toBe(e.canonicalRequest)
      if (e.stringToSign) expect(step(doc, 'stringToSign')).toBe(e.stringToSign)
      if (e.authorization) expect(doc.request.headers.authorization).toBe(e.authorization)
      if (e.signedHeaders)
        expect(doc.request.headers.authorization).toContain(`SignedHeaders=${e.signedHeaders},`)
    })
  }
  it('tencent-tc3-cvm', async () => {
    const { inputs: i, expected: e } = v('tencent-tc3-cvm')
    const args = [
      '--provider',
      provider('tencentcloud'),
      '--url',
      i.url,
      '--method',
      i.method,
      ...headerFlags(i.headers),
      '--body-file',
      bodyFile('tc3.json', i.body),
      '--param',
      `service=${i.service}`,
      '--date',
      i.timestamp,
    ]
    const doc = await sign(args, { TENCENTCLOUD_SECRET_ID: i.secretId, TENCENTCLOUD_SECRET_KEY: i.secretKey })
    expect(doc).toMatchObject({
      scheme: 'tc3',
      signature: e.signature,
      request: { headers: { authorization: e.authorization } },
    })
    expect(step(doc, 'bodyHash')).toBe(e.hashedPayload)
    expect(step(doc, 'canonicalRequestHash')).toBe(e.hashedCanonicalRequest)
    expect(step(doc, 'stringToSign')).toBe(e.stringToSign)
  })
  it('aliyun-rpc-v1 (the nonce the URL carries is kept)', async () => {
    const { inputs: i, expected: e } = v('aliyun-rpc-v1')
    const p = i.params as Record<string, string>
    const url = `https://ecs.aliyuncs.com/?Action=${p.Action}&Format=${p.Format}&Version=${p.Version}&SignatureNonce=${p.SignatureNonce}`
    const doc = await sign(['--provider', provider('aliyun'), '--url', url, '--date', p.Timestamp!], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: p.AccessKeyId!,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: i.accessKeySecret,
    })
    expect(doc).toMatchObject({ scheme: 'rpc-v1', signature: e.signature })
    expect(step(doc, 'stringToSign')).toBe(e.stringToSign)
  })
  it('baidu-bce-auth-v1, host and x-bce-date signed, and with the default headers (--scheme)', async () => {
    const { inputs: i, expected: e } = v('baidu-bce-auth-v1')
    const args = [
      '--provider',
      provider('baidu'),
      '--url',
      i.url,
      '--method',
      i.method,
      ...headerFlags(i.headers),
      '--param',
      `expiration=${i.expirationSeconds}`,
      '--date',
      i.timestamp,
    ]
    const env = { BCE_ACCESS_KEY_ID: i.accessKeyId, BCE_SECRET_ACCESS_KEY: i.secretAccessKey }
    const doc = await sign(args, env)
    expect(doc.request.headers.authorization).toBe(e.authorizationHostAndDate)
    const all = await sign([...args, '--scheme', 'bce-auth-v1-default-headers'], env)
    expect(all.request.headers.authorization).toBe(e.authorizationDefaultHeaders)
    expect(step(all, 'authStringPrefix')).toBe(e.authStringPrefix)
    expect(step(all, 'canonicalRequest')).toBe(e.canonicalRequestDefaultHeaders)
    expect(step(all, 'signingKey')).toBe('1d…') // a derived key: masked, though the vector publishes it
  })
})
