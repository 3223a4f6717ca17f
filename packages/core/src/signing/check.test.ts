// checkScheme: every shipped scheme is clean, and each kind of broken reference is reported at its pointer.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AuthScheme, ProviderPack } from '../generated/index.js'
import { checkScheme } from './check.js'

const packs = ['iflytek', 'aws', 'tencentcloud', 'aliyun', 'baidu'].map(
  (id) =>
    JSON.parse(
      readFileSync(new URL(`../../../../providers/${id}/pack.json`, import.meta.url), 'utf8'),
    ) as ProviderPack,
)

describe('checkScheme', () => {
  for (const pack of packs) {
    for (const [id, scheme] of Object.entries(pack.auth)) {
      it(`${pack.id} ${id} has no problems`, () =>
        expect(checkScheme(scheme, Object.keys(pack.credentials))).toEqual([]))
    }
  }
  const base: AuthScheme = {
    description: 'x',
    signature: 'sig',
    params: { region: { description: 'r' } },
    steps: [
      { id: 'h', op: 'canonicalHeaders', include: 'all' },
      {
        id: 'sig',
        op: 'hmac',
        alg: 'sha256',
        key: '{cred.secret}',
        data: '{h.names}{later}{param.zone}{url.port}{cred.nope}',
        out: 'hex',
      },
      { id: 'later', op: 'template', text: '{sig.names}' },
      { id: 'later', op: 'template', text: 'x' },
    ],
    place: { header: { authorization: '{sig}{missing}' } },
  }
  it('reports each broken reference and the repeated id', () => {
    expect(checkScheme(base, ['secret'])).toEqual([
      {
        pointer: '/steps/1/data',
        message: 'refers to {later}, which is not defined before this point',
        remedy: expect.any(String),
      },
      {
        pointer: '/steps/1/data',
        message: 'refers to {param.zone}, which is not defined before this point',
        remedy: "Declare the parameter under the scheme's params.",
      },
      {
        pointer: '/steps/1/data',
        message: 'refers to {url.port}, which is not defined before this point',
        remedy: expect.any(String),
      },
      {
        pointer: '/steps/1/data',
        message: 'refers to {cred.nope}, which is not defined before this point',
        remedy: 'Declare the credential under /credentials, or use one of: secret.',
      },
      {
        pointer: '/steps/2/text',
        message: 'refers to {sig.names}, which has no such part',
        remedy: expect.any(String),
      },
      {
        pointer: '/steps/3/id',
        message: 'repeats the step id "later"',
        remedy: 'Give each step its own id.',
      },
      {
        pointer: '/place/header/authorization',
        message: 'refers to {missing}, which is not defined before this point',
        remedy: expect.any(String),
      },
    ])
  })
  it('reports a missing signature step and an empty placement', () => {
    expect(
      checkScheme(
        { description: 'x', signature: 'nope', steps: [{ id: 'a', op: 'template', text: 'x' }], place: {} },
        [],
      ).map((p) => p.pointer),
    ).toEqual(['/place', '/signature'])
  })
})
