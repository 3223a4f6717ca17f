// `apidx sign --verify` through the built CLI: exit 0 on a match, 1 with the first differing step and
// the mistake on a mismatch, 2 on usage errors; the request given as a URL, a JSON file or an HTTP message.
import aws4 from 'aws4'
import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'apidx-verify-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const apiKey = 'keyxxxxxxxx8ee279348519exxxxxxxx'
const apiSecret = 'secretxxxxxxxx2df7900c09xxxxxxxx'
const env = { APIDX_DATA_DIR: path.join(dir, 'data'), IFLYTEK_API_KEY: apiKey, IFLYTEK_API_SECRET: apiSecret }
const run = (args: string[], extraEnv: Record<string, string> = {}) =>
  runCli(['sign', ...args], { env: { ...env, ...extraEnv }, cwd: dir })
const date = 'Wed, 10 Jul 2019 07:35:43 GMT'
const docUrl =
  'wss://iat-api.xfyun.cn/v2/iat?authorization=YXBpX2tleT0ia2V5eHh4eHh4eHg4ZWUyNzkzNDg1MTlleHh4eHh4eHgiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iSHAzVHk0WmtTQm1MOGpLeU9McFFpdjlTcjVudm1lWUVIN1dzTC9aTzJKZz0i&date=Wed%2C%2010%20Jul%202019%2007%3A35%3A43%20GMT&host=iat-api.xfyun.cn'

/** The user's code, signing with SHA-1 by mistake. */
function sha1Url(): string {
  const sig = createHmac('sha1', apiSecret)
    .update(`host: iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat HTTP/1.1`)
    .digest('base64')
  const auth = Buffer.from(
    `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${sig}"`,
  ).toString('base64')
  return `wss://iat-api.xfyun.cn/v2/iat?authorization=${encodeURIComponent(auth)}&date=${encodeURIComponent(date)}&host=iat-api.xfyun.cn`
}

/** A Transcribe URL presigned by aws4 (an independent signer) for `region`, sent to `hostRegion`'s endpoint. */
function transcribeUrl(region: string, hostRegion = region): string {
  const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
  const o = {
    host: `transcribestreaming.${region}.amazonaws.com:8443`,
    path: '/stream-transcription-websocket?language-code=en-US&media-encoding=pcm&sample-rate=16000&X-Amz-Expires=300',
    service: 'transcribe',
    region,
    signQuery: true,
  }
  aws4.sign(o, creds)
  return `wss://transcribestreaming.${hostRegion}.amazonaws.com:8443${o.path}`
}
const awsEnv = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

describe('apidx sign --verify: AWS regions', () => {
  it('with --service, a URL for another region than the documented one is verified with its own region', async () => {
    const r = await run(
      [
        '--provider',
        'aws',
        '--service',
        'transcribe-streaming',
        '--verify',
        transcribeUrl('us-west-2'),
        '--json',
      ],
      awsEnv,
    )
    expect([r.code, JSON.parse(r.stdout).ok]).toEqual([0, true])
  })
  it('a URL to the documented us-east-1 host signed for another region fails at the credential scope', async () => {
    const r = await run(
      [
        '--provider',
        'aws',
        '--service',
        'transcribe-streaming',
        '--verify',
        transcribeUrl('us-west-2', 'us-east-1'),
        '--json',
      ],
      awsEnv,
    )
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).firstDifference).toMatchObject({
      step: 'scope',
      expected: expect.stringContaining('/us-east-1/transcribe/'),
      actual: expect.stringContaining('/us-west-2/transcribe/'),
    })
  })
})

describe('apidx sign --verify', () => {
  it('the doc’s signed URL: exit 0, the service found from the URL, the timestamp from the URL', async () => {
    const r = await run([
      '--provider',
      'iflytek',
      '--verify',
      docUrl,
      '--json',
      '--at',
      '2019-07-10T07:36:00Z',
      '--reveal',
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      provider: 'iflytek',
      service: 'iat',
      version: 'v2',
      scheme: 'hmac-url',
      ok: true,
      timestamp: { raw: date, format: 'rfc1123' },
      expectedSignature: 'Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL/ZO2Jg=',
    })
  })
  it('a SHA-1 signature: exit 1, the first differing step and the mistake', async () => {
    const r = await run([
      '--provider',
      'iflytek',
      '--verify',
      sha1Url(),
      '--json',
      '--at',
      '2019-07-10T07:36:00Z',
      '--reveal',
    ])
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
      firstDifference: { step: 'signature', expected: 'Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL/ZO2Jg=' },
    })
    expect(doc.mistakes).toEqual([
      { kind: 'hash-algorithm', description: 'Step signature used SHA-1 instead of SHA-256.' },
    ])
  })
  it('without --reveal, the verdict masks both signatures: the expected one would replay the request', async () => {
    const r = await run([
      '--provider',
      'iflytek',
      '--verify',
      sha1Url(),
      '--at',
      '2019-07-10T07:36:00Z',
      '--json',
    ])
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      expectedSignature: 'Hp…',
      firstDifference: { expected: 'Hp…' },
      revealed: false,
    })
    expect(r.stdout).not.toContain('Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL')
  })
  it('prints the verdict for a terminal', async () => {
    const r = await run([
      '--provider',
      'iflytek',
      '--verify',
      sha1Url(),
      '--at',
      '2019-07-10T07:36:00Z',
      '--reveal',
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      '✗ The signature does not match: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).',
    )
    expect(r.stdout).toContain(
      '  First step that differs: signature\n    expected: Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL/ZO2Jg=',
    )
    expect(r.stdout).toContain(
      '  This known mistake explains your request:\n    - Step signature used SHA-1 instead of SHA-256.',
    )
  })
  it('reads the request from a JSON file and from an HTTP message file', async () => {
    const json = path.join(dir, 'req.json')
    writeFileSync(json, JSON.stringify({ method: 'GET', url: docUrl }))
    expect(
      (await run(['--provider', 'iflytek', '--verify', json, '--at', '2019-07-10T07:36:00Z'])).code,
    ).toBe(0)
    const http = path.join(dir, 'req.http')
    writeFileSync(
      http,
      `GET ${docUrl.slice('wss://iat-api.xfyun.cn'.length)} HTTP/1.1\r\nHost: iat-api.xfyun.cn\r\nUpgrade: websocket\r\n\r\n`,
    )
    const r = await run([
      '--provider',
      'iflytek',
      '--service',
      'iat',
      '--url',
      'wss://iat-api.xfyun.cn/v2/iat',
      '--verify',
      http,
      '--json',
      '--at',
      '2019-07-10T07:36:00Z',
    ])
    expect(r.code).toBe(0)
  })
  it('AWS: the S3 doc’s presigned URL verifies with only the secret; the scheme is the one whose placements it carries and that matches', async () => {
    const url =
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    const r = await run(
      [
        '--provider',
        path.join(root, 'providers/aws'),
        '--verify',
        url,
        '--json',
        '--at',
        '2013-05-24T00:01:00Z',
      ],
      {
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ scheme: 'sigv4-s3-query', ok: true })
  })
  it('AWS: a Transcribe URL presigned for another region, signed then verified', async () => {
    const aws = {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    }
    const signed = await run(
      [
        '--provider',
        path.join(root, 'providers/aws'),
        '--url',
        'wss://transcribestreaming.eu-west-1.amazonaws.com:8443/stream-transcription-websocket?language-code=en-US',
        '--scheme',
        'sigv4-query',
        '--param',
        'region=eu-west-1',
        '--param',
        'service=transcribe',
        '--json',
        '--reveal',
      ],
      aws,
    )
    const url = JSON.parse(signed.stdout).request.url as string
    const r = await run(['--provider', path.join(root, 'providers/aws'), '--verify', url, '--json'], aws)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ scheme: 'sigv4-query', ok: true })
  })
  it('an unreadable request file is a usage error (exit 2)', async () => {
    const r = await run(['--provider', 'iflytek', '--verify', path.join(dir, 'nope.json')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('ERR_USAGE')
  })
  it('missing credentials name the variables to set (exit 2)', async () => {
    const r = await runCli(['sign', '--provider', 'iflytek', '--service', 'iat', '--json'], {
      env: { APIDX_DATA_DIR: path.join(dir, 'data') },
      cwd: dir,
    })
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'ERR_CREDENTIALS',
      message: 'Signing needs IFLYTEK_API_KEY and IFLYTEK_API_SECRET, which are not set.',
    })
  })
  it('an AWS URL outside any service needs its region and service (exit 2)', async () => {
    const r = await run(
      [
        '--provider',
        path.join(root, 'providers/aws'),
        '--url',
        'https://ec2.eu-west-1.amazonaws.com/',
        '--json',
      ],
      { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' },
    )
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'ERR_USAGE',
      message: 'Scheme sigv4 needs --param region=… and --param service=….',
    })
  })
})
