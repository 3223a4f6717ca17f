// No secret leaves `apidx sign` in any mode: every scheme of every pack is run with canary secrets
// (plain, --explain, --json, --verify of good and bad requests, errors) and all of stdout and stderr
// is searched for each canary raw, base64, base64url, hex, URL-encoded, and inside any base64 token.
// The only exception is the signed request that --reveal explicitly asks for.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, type CliResult } from './run-cli.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'apidx-canary-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Canaries with the characters encodings treat specially (/ + = and a space).
const CANARY = {
  IFLYTEK_API_KEY: 'CanaryKeyIfly7x/Q+9w=Zz',
  IFLYTEK_API_SECRET: 'CanarySecretIfly3 kP/2+Ww',
  IFLYTEK_API_PASSWORD: 'CanaryPasswordIfly/8+Tt',
  AWS_SECRET_ACCESS_KEY: 'CanaryAwsSecret/K7+MDENG=x',
  AWS_SESSION_TOKEN: 'CanaryAwsToken+Zm9v/YmFy==',
  TENCENTCLOUD_SECRET_KEY: 'CanaryTencentKey/Gu5+t9x',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'CanaryAliyunSecret/te+st',
  BCE_SECRET_ACCESS_KEY: 'CanaryBaiduSecret/bb+bb=',
  OPENAI_API_KEY: 'sk-CanaryOpenaiKey/9x+Q',
  ALIYUN_NLS_TOKEN: 'CanaryNlsToken0f3e+a/Zq',
  BAIDU_API_KEY: 'CanaryBaiduApiKey/Ak+1',
  BAIDU_SECRET_KEY: 'CanaryBaiduSecretKey/Sk+2',
  BAIDU_ACCESS_TOKEN: 'CanaryBaiduToken/24.a+b',
}
const env = {
  ...CANARY,
  APIDX_DATA_DIR: path.join(dir, 'data'),
  IFLYTEK_APP_ID: '595f23df',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  TENCENTCLOUD_SECRET_ID: 'AKIDz8krbsJ5yEXAMPLE',
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'testid',
  BCE_ACCESS_KEY_ID: 'aaaaaaaaaaaaaaaa',
  ALIYUN_NLS_APPKEY: 'appkey-demo',
}

/** Every form a canary could take in output. */
function forms(secret: string): string[] {
  const b = Buffer.from(secret)
  const b64 = b.toString('base64')
  return [
    secret,
    b64,
    b64.replace(/=+$/, ''),
    b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    b.toString('hex'),
    b.toString('hex').toUpperCase(),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURIComponent(b64),
  ]
}
/** The canaries found in text, directly or inside a (URL-encoded) base64 token. */
function leaks(text: string): string[] {
  const decoded = [...text.matchAll(/[A-Za-z0-9+/_%-]{12,}={0,2}/g)].map((m) =>
    Buffer.from(
      decodeURIComponent(m[0].replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))
        .replace(/-/g, '+')
        .replace(/_/g, '/'),
      'base64',
    ).toString('utf8'),
  )
  const haystack = [text, ...decoded].join('\n')
  return Object.entries(CANARY)
    .filter(([, s]) => forms(s).some((f) => haystack.includes(f)))
    .map(([name]) => name)
}
const run = (args: string[]) => runCli(['sign', ...args], { env, cwd: dir })
const all = (r: CliResult) => `${r.stdout}\n${r.stderr}`
const provider = (id: string) => (id === 'iflytek' ? 'iflytek' : path.join(root, 'providers', id))
const file = (name: string, text: string) => {
  const f = path.join(dir, name)
  writeFileSync(f, text)
  return f
}

interface Case {
  name: string
  provider: string
  args: string[]
  carriesSecret: string[]
  body?: string
}
const cases: Case[] = [
  {
    name: 'iFlytek iat (v2 URL auth)',
    provider: 'iflytek',
    args: ['--service', 'iat'],
    carriesSecret: ['IFLYTEK_API_KEY'],
  },
  { name: 'iFlytek rtasr (signa)', provider: 'iflytek', args: ['--service', 'rtasr'], carriesSecret: [] },
  {
    name: 'iFlytek rtasr_llm (sorted-parameter HMAC-SHA1)',
    provider: 'iflytek',
    args: ['--service', 'rtasr_llm'],
    carriesSecret: ['IFLYTEK_API_KEY'],
  },
  {
    name: 'iFlytek Spark HTTP (bearer)',
    provider: 'iflytek',
    args: ['--service', 'spark_openai'],
    carriesSecret: ['IFLYTEK_API_PASSWORD'],
  },
  {
    name: 'iFlytek old REST (X-CheckSum)',
    provider: 'iflytek',
    args: ['--service', 'iat', '--version', 'v1', '--header', 'X-Param: eyJhdWUiOiJyYXcifQ=='],
    carriesSecret: [],
  },
  {
    name: 'iFlytek v2 HTTP gateway (digest)',
    provider: 'iflytek',
    args: ['--service', 'rest_gateway', '--body-file', file('gw.json', '{"a":1}')],
    carriesSecret: ['IFLYTEK_API_KEY'],
    body: '{"a":1}',
  },
  {
    name: 'OpenAI models (bearer)',
    provider: 'openai',
    args: ['--service', 'models'],
    carriesSecret: ['OPENAI_API_KEY'],
  },
  {
    name: 'AWS STS (SigV4 header, session token)',
    provider: 'aws',
    args: ['--service', 'sts'],
    carriesSecret: ['AWS_SESSION_TOKEN'],
  },
  {
    name: 'AWS Transcribe (presigned URL, session token)',
    provider: 'aws',
    args: ['--service', 'transcribe-streaming'],
    carriesSecret: ['AWS_SESSION_TOKEN'],
  },
  {
    name: 'AWS any URL',
    provider: 'aws',
    args: [
      '--url',
      'https://ec2.eu-west-1.amazonaws.com/?Action=DescribeRegions',
      '--param',
      'region=eu-west-1',
      '--param',
      'service=ec2',
    ],
    carriesSecret: ['AWS_SESSION_TOKEN'],
  },
  {
    name: 'Tencent ASR (TC3)',
    provider: 'tencentcloud',
    args: [
      '--service',
      'asr',
      '--header',
      'X-TC-Action: DescribeTaskStatus',
      '--body-file',
      file('tc.json', '{"TaskId":1}'),
    ],
    carriesSecret: [],
    body: '{"TaskId":1}',
  },
  {
    name: 'Aliyun NLS token (RPC v1)',
    provider: 'aliyun',
    args: ['--service', 'nls-token'],
    carriesSecret: [],
  },
  { name: 'Baidu BOS (bce-auth-v1)', provider: 'baidu', args: ['--service', 'bos'], carriesSecret: [] },
  {
    name: 'Baidu speech (access token in the query)',
    provider: 'baidu',
    args: ['--service', 'asr'],
    carriesSecret: ['BAIDU_ACCESS_TOKEN'],
  },
  {
    name: 'Baidu OAuth (client credentials in the query)',
    provider: 'baidu',
    args: ['--service', 'oauth'],
    carriesSecret: ['BAIDU_API_KEY', 'BAIDU_SECRET_KEY'],
  },
  {
    name: 'Aliyun NLS speech (token header)',
    provider: 'aliyun',
    args: ['--service', 'speech-transcriber'],
    carriesSecret: ['ALIYUN_NLS_TOKEN'],
  },
]

describe('canary secrets never appear in sign output', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const base = ['--provider', provider(c.provider), ...c.args, '--date', '2026-11-25T08:00:00Z']
      const masked = await Promise.all(
        [[], ['--explain'], ['--json'], ['--json', '--explain']].map((extra) => run([...base, ...extra])),
      )
      for (const r of masked) {
        expect(r.code).toBe(0)
        expect(leaks(all(r))).toEqual([])
      }

      // --reveal: the usable signed request (and only it) may hold secrets.
      const revealedJson = await run([...base, '--json', '--reveal', '--explain'])
      const doc = JSON.parse(revealedJson.stdout) as {
        request: { method: string; url: string; headers: Record<string, string> }
      }
      expect(leaks(JSON.stringify(doc.request)).sort()).toEqual([...c.carriesSecret].sort())
      expect(leaks(JSON.stringify({ ...doc, request: null }) + revealedJson.stderr)).toEqual([])
      const revealedText = await run([...base, '--reveal', '--explain'])
      const [requestPart, ...rest] = revealedText.stdout.split('\n\n')
      expect(leaks(requestPart!).sort()).toEqual([...c.carriesSecret].sort())
      expect(leaks(rest.join('\n\n') + revealedText.stderr)).toEqual([])

      // --verify with the real signed request, and with a tampered one, in every output mode.
      const sent = { ...doc.request, ...(c.body !== undefined ? { body: c.body } : {}) }
      const good = file(`${c.name.replace(/\W+/g, '-')}.json`, JSON.stringify(sent))
      const tampered = { ...sent, url: doc.request.url.replace(/([0-9a-f]{8})(?=[^?]*$|&|$)/, 'deadbeef') }
      const bad = file(
        `${c.name.replace(/\W+/g, '-')}-bad.json`,
        JSON.stringify({
          ...tampered,
          headers: Object.fromEntries(
            Object.entries(doc.request.headers).map(([k, v]) => [
              k,
              k === 'authorization' ? v.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')) : v,
            ]),
          ),
        }),
      )
      const verifyBase = [
        '--provider',
        provider(c.provider),
        ...c.args.filter(
          (a, i, arr) =>
            a !== '--body-file' &&
            arr[i - 1] !== '--body-file' &&
            a !== '--header' &&
            arr[i - 1] !== '--header',
        ),
        '--at',
        '2026-11-25T08:00:00Z',
        '--verify',
      ]
      const verified = await Promise.all(
        [good, bad].flatMap((f) =>
          [[], ['--explain'], ['--json', '--explain']].map((extra) => run([...verifyBase, f, ...extra])),
        ),
      )
      for (const r of verified) {
        expect([0, 1]).toContain(r.code)
        expect(leaks(all(r))).toEqual([])
      }
      expect(verified[0]!.code).toBe(0)
    })
  }

  it('errors (a missing parameter, an unreadable file, a bad flag) leak nothing', async () => {
    const rs = await Promise.all([
      run(['--provider', provider('aws'), '--url', 'https://ec2.eu-west-1.amazonaws.com/']),
      run(['--provider', 'iflytek', '--service', 'iat', '--verify', path.join(dir, 'missing.json')]),
      run(['--provider', 'iflytek', '--service', 'iat', '--header', 'no-colon']),
      run(['--provider', 'iflytek', '--service', 'iat', '--date', 'yesterday', '--json']),
    ])
    for (const r of rs) {
      expect(r.code).toBe(2)
      expect(leaks(all(r))).toEqual([])
    }
  })
})
