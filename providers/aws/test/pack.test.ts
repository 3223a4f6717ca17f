// The aws pack: validates, every service signs, and its schemes reproduce AWS's published answers
// (SigV4 suite get-vanilla; the S3 presigned-URL doc example).
import aws4 from 'aws4'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveTarget, signRequest, validatePackFile, type ProviderPack } from '@apidx/core'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8')) as ProviderPack
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }

describe('aws pack', () => {
  it('validates', async () => {
    expect((await validatePackFile(file)).problems).toEqual([])
  })
  it('reads credentials from the AWS SDK variables', () => {
    expect(Object.values(pack.credentials).map((c) => c.env)).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
    ])
  })
  it('sigv4: the suite’s get-vanilla', () => {
    const r = signRequest(
      pack,
      'sigv4',
      { url: 'https://example.amazonaws.com/', headers: { host: 'example.amazonaws.com' } },
      creds,
      Date.parse('2015-08-30T12:36:00Z'),
      { params: { region: 'us-east-1', service: 'service' } },
    )
    expect(r.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31')
  })
  it('sigv4-s3-query: the S3 documentation’s presigned URL', () => {
    const r = signRequest(
      pack,
      'sigv4-s3-query',
      { url: 'https://examplebucket.s3.amazonaws.com/test.txt' },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      Date.parse('2013-05-24T00:00:00Z'),
      { params: { region: 'us-east-1' } },
    )
    expect(r.request.url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    )
  })
  it('Transcribe streaming: an endpoint in another region is signed for that region, as aws4 signs it', () => {
    const endpoint =
      'wss://transcribestreaming.eu-west-1.amazonaws.com:8443/stream-transcription-websocket?language-code=en-US&media-encoding=pcm&sample-rate=16000'
    const target = resolveTarget(pack, { service: 'transcribe-streaming', endpoint })
    const r = signRequest(pack, target, { url: target.url }, creds, Date.parse('2015-08-30T12:36:00Z'))
    const q = new URL(r.request.url).searchParams
    expect(q.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20150830/eu-west-1/transcribe/aws4_request')
    const u = new URL(endpoint)
    const independent = aws4.sign(
      {
        host: u.host,
        path: `${u.pathname}${u.search}&X-Amz-Date=20150830T123600Z&X-Amz-Expires=300`,
        service: 'transcribe',
        region: 'eu-west-1',
        signQuery: true,
      },
      creds,
    )
    expect(q.get('X-Amz-Signature')).toBe(
      new URL(`wss://${u.host}${String(independent.path)}`).searchParams.get('X-Amz-Signature'),
    )
  })
  it('STS: a regional endpoint is signed for its region, the global one for us-east-1', () => {
    const region = (url: string) => {
      const r = signRequest(
        pack,
        resolveTarget(pack, { service: 'sts', endpoint: url }),
        { method: 'POST', url, body: 'Action=GetCallerIdentity&Version=2011-06-15' },
        creds,
        Date.parse('2015-08-30T12:36:00Z'),
      )
      return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(r.request.headers.authorization ?? '')?.[1]
    }
    expect([region('https://sts.eu-central-1.amazonaws.com/'), region('https://sts.amazonaws.com/')]).toEqual(
      ['eu-central-1', 'us-east-1'],
    )
  })
  it('Transcribe streaming: a presigned wss:// URL on port 8443 with the session token in the query', () => {
    const target = resolveTarget(pack, { service: 'transcribe-streaming' })
    const r = signRequest(
      pack,
      target,
      { url: target.url },
      { ...creds, sessionToken: 'TOKEN' },
      Date.parse('2015-08-30T12:36:00Z'),
    )
    const q = new URL(r.request.url).searchParams
    expect([...q.keys()]).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-SignedHeaders',
      'X-Amz-Security-Token',
      'X-Amz-Signature',
    ])
    expect(q.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20150830/us-east-1/transcribe/aws4_request')
    expect(r.steps.find((s) => s.name === 'headers')?.value).toBe(
      'host:transcribestreaming.us-east-1.amazonaws.com:8443',
    )
  })
  it('STS: signs GetCallerIdentity with the version’s region and service', () => {
    const target = resolveTarget(pack, { service: 'sts' })
    const r = signRequest(
      pack,
      target,
      { url: 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15' },
      creds,
      Date.parse('2015-08-30T12:36:00Z'),
    )
    expect(r.request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/sts\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
    )
  })
})
