// --verify on AWS SigV4 requests made by independent signers: aws4 (npm) and a minimal SigV4 written
// here from the AWS documentation with knobs that reproduce common mistakes.
import aws4 from 'aws4'
import { createHash, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { verifyRequest } from './verify.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/aws/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
const host = 'example.amazonaws.com'
const amzDate = '20150830T123600Z'
const params = { region: 'us-east-1', service: 'service' }

interface Knobs {
  region?: string
  plus?: boolean
  unsorted?: boolean
  lowerMethod?: boolean
  upperHex?: boolean
  encodePathOnce?: boolean
}
const enc = (s: string, plus = false) =>
  encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, plus ? '+' : '%20')
/** A minimal SigV4 (header form) from the AWS docs; `pathRaw` is the decoded path. */
function miniSigV4(
  method: string,
  pathRaw: string,
  query: [string, string][],
  k: Knobs = {},
): Record<string, string> {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
  const pairs = query.map(([a, b]) => `${enc(a, k.plus)}=${enc(b, k.plus)}`)
  if (!k.unsorted) pairs.sort()
  const segs = pathRaw.split('/').map((s) => (k.encodePathOnce ? enc(s) : enc(enc(s))))
  const creq = [
    k.lowerMethod ? method.toLowerCase() : method,
    segs.join('/'),
    pairs.join('&'),
    `host:${host}\nx-amz-date:${amzDate}\n`,
    'host;x-amz-date',
    createHash('sha256').update('').digest('hex'),
  ].join('\n')
  const scope = `20150830/${k.region ?? 'us-east-1'}/service/aws4_request`
  const sts = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(creq).digest('hex')].join('\n')
  const kSigning = hmac(
    hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, '20150830'), k.region ?? 'us-east-1'), 'service'),
    'aws4_request',
  )
  let sig = createHmac('sha256', kSigning).update(sts).digest('hex')
  if (k.upperHex) sig = sig.toUpperCase()
  return {
    host,
    'x-amz-date': amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${sig}`,
  }
}
const verify = (method: string, url: string, headers: Record<string, string>) =>
  verifyRequest({ pack, scheme: 'sigv4', request: { method, url, headers }, credentials: creds, params })
const descriptions = (r: ReturnType<typeof verify>) => r.mistakes.map((m) => m.description)

describe('verify: AWS SigV4 header form', () => {
  it('a request signed by aws4 matches, the date read from X-Amz-Date', () => {
    const s = aws4.sign(
      {
        host,
        path: '/?Param2=value2&Param1=value1',
        service: 'service',
        region: 'us-east-1',
        headers: { 'X-Amz-Date': amzDate },
      },
      creds,
    )
    const r = verify(
      'GET',
      `https://${host}/?Param2=value2&Param1=value1`,
      s.headers as Record<string, string>,
    )
    expect(r).toMatchObject({
      ok: true,
      actualSignature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
      timestamp: { raw: amzDate, format: 'iso8601-basic' },
    })
  })
  it('the minimal signer here agrees (so its mistakes below are the only difference)', () => {
    expect(verify('GET', `https://${host}/?a=b%20c`, miniSigV4('GET', '/', [['a', 'b c']])).ok).toBe(true)
  })
  it('unsigned extra headers (a client adds user-agent, connection) are ignored: the request lists what it signed', () => {
    const headers = {
      ...miniSigV4('GET', '/', []),
      'user-agent': 'curl/8',
      connection: 'Upgrade',
      'sec-websocket-key': 'x',
    }
    expect(verify('GET', `https://${host}/`, headers).ok).toBe(true)
  })
  it('access key id and secret swapped', () => {
    const s = aws4.sign(
      { host, path: '/', service: 'service', region: 'us-east-1', headers: { 'X-Amz-Date': amzDate } },
      { accessKeyId: creds.secretAccessKey, secretAccessKey: creds.accessKeyId },
    )
    const r = verify('GET', `https://${host}/`, s.headers as Record<string, string>)
    expect(r).toMatchObject({
      ok: false,
      reason: 'unknown-key',
      unknownKey: { credential: 'accessKeyId', value: creds.secretAccessKey },
    })
    expect(descriptions(r)).toEqual(['AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY were swapped.'])
  })
  it('a trailing slash signed that the request does not have', () => {
    const s = aws4.sign(
      { host, path: '/foo/', service: 'service', region: 'us-east-1', headers: { 'X-Amz-Date': amzDate } },
      creds,
    )
    expect(descriptions(verify('GET', `https://${host}/foo`, s.headers as Record<string, string>))).toEqual([
      'The signed path was "/foo/" instead of "/foo".',
    ])
  })
  it('the Host header signed with its port', () => {
    const s = aws4.sign(
      {
        host,
        path: '/',
        service: 'service',
        region: 'us-east-1',
        headers: { 'X-Amz-Date': amzDate, Host: `${host}:443` },
      },
      creds,
    )
    const headers = { ...(s.headers as Record<string, string>), Host: host }
    expect(descriptions(verify('GET', `https://${host}/`, headers))).toEqual([
      `The signed Host header was ${host}:443 instead of ${host}.`,
    ])
  })
  it.each<[string, string, [string, string][], Knobs, string]>([
    [
      '+ instead of %20',
      '/',
      [['a', 'b c']],
      { plus: true },
      'Step canonicalQuery encoded with + for spaces (form encoding) instead of %20 for spaces (RFC 3986).',
    ],
    [
      'parameters not sorted',
      '/',
      [
        ['b', '1'],
        ['a', '2'],
      ],
      { unsorted: true },
      'Step canonicalQuery kept the parameters in request order instead of sorting them.',
    ],
    ['method in lower case', '/', [], { lowerMethod: true }, 'The method was signed as get instead of GET.'],
    [
      'signature in upper-case hex',
      '/',
      [],
      { upperHex: true },
      'Step signature was written in upper-case hex.',
    ],
    [
      'path encoded once instead of twice',
      '/ሴ',
      [],
      { encodePathOnce: true },
      'Step path encoded the path once instead of twice.',
    ],
  ])('%s', (_, p, q, knobs, mistake) => {
    const url = `https://${host}${encodeURI(p)}${q.length ? `?${q.map(([a, b]) => `${enc(a)}=${enc(b)}`).join('&')}` : ''}`
    const r = verify('GET', url, miniSigV4('GET', p, q, knobs))
    expect(r).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
      firstDifference: { step: 'signature' },
    })
    expect(descriptions(r)).toEqual([mistake])
  })
  it('a wrong region: the first differing step is the credential scope', () => {
    const r = verify('GET', `https://${host}/`, miniSigV4('GET', '/', [], { region: 'us-west-2' }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
      firstDifference: {
        step: 'scope',
        expected: '20150830/us-east-1/service/aws4_request',
        actual: '20150830/us-west-2/service/aws4_request',
      },
    })
  })
  it('only the secret is needed: the key id and the region and service come from the request', () => {
    const s = aws4.sign(
      { host, path: '/', service: 'service', region: 'eu-west-1', headers: { 'X-Amz-Date': amzDate } },
      creds,
    )
    const r = verifyRequest({
      pack,
      scheme: 'sigv4',
      request: { url: `https://${host}/`, headers: s.headers as Record<string, string> },
      credentials: { secretAccessKey: creds.secretAccessKey },
    })
    expect(r).toMatchObject({ ok: true, expected: { params: { region: 'eu-west-1', service: 'service' } } })
  })
  it('a region given by the user that the request does not use: the scope differs', () => {
    const s = aws4.sign(
      { host, path: '/', service: 'service', region: 'eu-west-1', headers: { 'X-Amz-Date': amzDate } },
      creds,
    )
    const r = verify('GET', `https://${host}/`, s.headers as Record<string, string>)
    expect(r).toMatchObject({
      ok: false,
      firstDifference: {
        step: 'scope',
        expected: '20150830/us-east-1/service/aws4_request',
        actual: '20150830/eu-west-1/service/aws4_request',
      },
    })
  })
  it('no Authorization header: missing signature', () => {
    expect(verify('GET', `https://${host}/`, { host, 'x-amz-date': amzDate })).toMatchObject({
      ok: false,
      reason: 'missing-signature',
      missing: ['header:authorization'],
    })
  })
})

describe('verify: AWS SigV4 presigned URL (Transcribe streaming)', () => {
  const url =
    'wss://transcribestreaming.us-east-1.amazonaws.com:8443/stream-transcription-websocket?language-code=en-US&media-encoding=pcm&sample-rate=16000'
  const presign = (c = creds, expires = '300') => {
    const u = new URL(url)
    const s = aws4.sign(
      {
        host: u.host,
        path: `${u.pathname}${u.search}&X-Amz-Date=${amzDate}&X-Amz-Expires=${expires}`,
        service: 'transcribe',
        region: 'us-east-1',
        signQuery: true,
      },
      c,
    )
    return `wss://${u.host}${String(s.path)}`
  }
  const check = (signed: string) =>
    verifyRequest({
      pack,
      scheme: 'sigv4-query',
      request: { url: signed, headers: { host: new URL(url).host } },
      credentials: creds,
      params: { region: 'us-east-1', service: 'transcribe' },
    })
  it('an aws4 presigned URL matches, expiry read from the URL', () => {
    expect(check(presign(creds, '120'))).toMatchObject({ ok: true })
  })
  it('swapped credentials are named', () => {
    const r = check(presign({ accessKeyId: creds.secretAccessKey, secretAccessKey: creds.accessKeyId }))
    expect(r.mistakes.map((m) => m.kind)).toEqual(['credentials-swapped'])
  })
  // aws4's signQuery adds no X-Amz-Expires, and a host without :8443 is the other classic slip.
  const presignAs = (hostSigned: string, expires: boolean) => {
    const u = new URL(url)
    const s = aws4.sign(
      {
        host: hostSigned,
        path: `${u.pathname}${u.search}&X-Amz-Date=${amzDate}${expires ? '&X-Amz-Expires=300' : ''}`,
        service: 'transcribe',
        region: 'us-east-1',
        signQuery: true,
      },
      creds,
    )
    return `wss://${u.host}${String(s.path)}`
  }
  it('a URL signed for the host without :8443 is named', () => {
    expect(check(presignAs('transcribestreaming.us-east-1.amazonaws.com', true)).mistakes).toEqual([
      {
        kind: 'host-with-port',
        description:
          'The signed Host header was transcribestreaming.us-east-1.amazonaws.com instead of transcribestreaming.us-east-1.amazonaws.com:8443.',
      },
    ])
  })
  it('a URL signed without X-Amz-Expires is named, alone and together with the port left out', () => {
    expect(check(presignAs(new URL(url).host, false)).mistakes.map((m) => m.kind)).toEqual([
      'absent-parameter',
    ])
    const both = check(presignAs('transcribestreaming.us-east-1.amazonaws.com', false))
    expect(both.mistakes).toEqual([
      {
        kind: 'absent-parameter+host-with-port',
        description:
          'The request was signed without X-Amz-Expires, which the scheme writes and signs: add it to the URL before signing. The signed Host header was transcribestreaming.us-east-1.amazonaws.com instead of transcribestreaming.us-east-1.amazonaws.com:8443.',
      },
    ])
  })
  it('a URL presigned with a header the WebSocket upgrade will not send is named, with the header', () => {
    const u = new URL(url)
    const s = aws4.sign(
      {
        host: u.host,
        path: `${u.pathname}${u.search}&X-Amz-Date=${amzDate}&X-Amz-Expires=300`,
        service: 'transcribe',
        region: 'us-east-1',
        signQuery: true,
        headers: { 'X-Amz-Content-Sha256': 'STREAMING-AWS4-HMAC-SHA256-EVENTS' },
      },
      creds,
    )
    const r = check(`wss://${u.host}${String(s.path)}`)
    expect([r.ok, r.firstDifference?.step, r.firstDifference?.actual]).toEqual([
      false,
      'headers.names',
      'host;x-amz-content-sha256',
    ])
    expect(r.mistakes).toEqual([
      {
        kind: 'signed-absent-header',
        description:
          'The request signs x-amz-content-sha256 but does not carry it: the server rebuilds the signature from the headers it receives. Sign only the headers you send (a WebSocket upgrade sends host alone).',
      },
    ])
  })
})
