// Broken provider packs, each made by one mutation of core's own valid pack (fixtures/broken-packs/base,
// id acme), with every problem its rejection must list. Shared by the core validation test and the
// CLI's `packs validate` test. The base is ours, so a real vendor pack can change without breaking these.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type Pack = Record<string, any>

export interface BrokenCase {
  name: string
  /** The file's text. */
  text: () => string
  /** The JSON pointer of every problem reported, in order. */
  pointers: string[]
  /** A fragment the message of the first problem must contain. */
  message: string
}

export const validPackFile = fileURLToPath(new URL('./fixtures/broken-packs/base/pack.json', import.meta.url))
export const validText = readFileSync(validPackFile, 'utf8')
const valid = (): Pack => JSON.parse(validText)
const mutate = (fn: (p: Pack) => void) => () => {
  const p = valid()
  fn(p)
  return JSON.stringify(p, null, 2)
}
/** Replaces one exact fragment of the fixture's text, failing loudly if the fixture changed. */
const edit = (from: string, to: string) => () => {
  if (!validText.includes(from)) throw new Error(`fixture no longer contains ${from}`)
  return validText.replace(from, to)
}
const asr = (p: Pack) => p.services.asr
const v2 = (p: Pack) => p.services.asr.versions.v2
const V2 = '/services/asr/versions/v2'

export const brokenCases: BrokenCase[] = [
  // Shape (ajv): types, unknown fields, required fields, forms, enums, bounds.
  {
    name: 'id is a number',
    text: mutate((p) => (p.id = 42)),
    pointers: ['/id'],
    message: 'must be string, but is integer',
  },
  {
    name: 'id has upper case',
    text: mutate((p) => (p.id = 'AcMe')),
    pointers: ['/id'],
    message: '"AcMe" is not in the required form',
  },
  {
    name: 'unknown top-level field',
    text: mutate((p) => (p.homepage = 'https://x.test')),
    pointers: ['/homepage'],
    message: 'unknown property "homepage"',
  },
  {
    name: 'unknown field in a version',
    text: mutate((p) => (v2(p).timeout = 5)),
    pointers: [`${V2}/timeout`],
    message: 'unknown property "timeout"',
  },
  {
    name: 'missing required name',
    text: mutate((p) => delete p.name),
    pointers: [''],
    message: 'missing required property "name"',
  },
  {
    name: 'missing required services',
    text: mutate((p) => delete p.services),
    pointers: [''],
    message: 'missing required property "services"',
  },
  {
    name: 'missing version url',
    text: mutate((p) => delete v2(p).url),
    pointers: [V2],
    message: 'missing required property "url"',
  },
  {
    name: 'hosts is a string',
    text: mutate((p) => (p.hosts = '*.acme.test')),
    pointers: ['/hosts'],
    message: 'must be array, but is string',
  },
  {
    name: 'empty hosts',
    text: mutate((p) => (p.hosts = [])),
    pointers: ['/hosts'],
    message: 'has 0 items, at least 1 allowed',
  },
  {
    name: 'the same host twice',
    text: mutate((p) => p.hosts.push('*.acme.test')),
    pointers: ['/hosts'],
    message: 'items 0 and 2 are the same',
  },
  {
    name: 'empty service title',
    text: mutate((p) => (asr(p).title = '')),
    pointers: ['/services/asr/title'],
    message: 'has 0 characters, at least 1 allowed',
  },
  {
    name: 'host with a scheme',
    text: mutate((p) => (p.hosts = ['https://acme.test'])),
    pointers: ['/hosts/0'],
    message: 'not in the required form',
  },
  {
    name: 'status not in the enum',
    text: mutate((p) => (v2(p).status = 'stable')),
    pointers: [`${V2}/status`],
    message: '"stable" is not an allowed value',
  },
  {
    name: 'protocol not in the enum',
    text: mutate((p) => (v2(p).protocol = 'grpc')),
    pointers: [`${V2}/protocol`],
    message: '"grpc" is not an allowed value',
  },
  {
    name: 'credential env var in lower case',
    text: mutate((p) => (p.credentials.apiKey.env = 'acme_key')),
    pointers: ['/credentials/apiKey/env'],
    message: 'not in the required form',
  },
  {
    name: 'secret flag is a string',
    text: mutate((p) => (p.credentials.apiKey.secret = 'yes')),
    pointers: ['/credentials/apiKey/secret'],
    message: 'must be boolean, but is string',
  },
  {
    name: 'handshake rule with a bad finding code',
    text: mutate((p) => (p.handshakeErrors[0].diagnosis = 'Auth/Bad')),
    pointers: ['/handshakeErrors/0/diagnosis'],
    message: 'not in the required form',
  },
  {
    name: 'handshake status out of range',
    text: mutate((p) => (p.handshakeErrors[0].status = 999)),
    pointers: ['/handshakeErrors/0/status'],
    message: 'must be <= 599',
  },
  {
    name: 'error code key with spaces',
    text: mutate((p) => (asr(p).errors['10 165'] = asr(p).errors['10165'])),
    pointers: ['/services/asr/errors/10 165'],
    message: 'not a valid name',
  },
  {
    name: 'error entry without a fix',
    text: mutate((p) => delete asr(p).errors['10165'].fix),
    pointers: ['/services/asr/errors/10165'],
    message: 'missing required property "fix"',
  },
  { name: 'array at the top', text: () => '[]', pointers: [''], message: 'must be object, but is array' },
  // Meaning (TypeScript): references, hosts, URLs, response schema subset.
  {
    name: 'version URL outside hosts',
    text: mutate((p) => (v2(p).url = 'wss://evil.example.com/v2/asr')),
    pointers: [`${V2}/url`],
    message: 'host "evil.example.com" is outside the pack\'s hosts',
  },
  {
    name: 'wildcard host does not cover the bare domain',
    text: mutate((p) => (v2(p).url = 'wss://acme.test/v2/asr')),
    pointers: [`${V2}/url`],
    message: 'host "acme.test" is outside',
  },
  {
    name: 'unknown auth scheme',
    text: mutate((p) => (v2(p).auth = 'hmac-v9')),
    pointers: [`${V2}/auth`],
    message: 'names auth scheme "hmac-v9"',
  },
  {
    name: 'defaultVersion that does not exist',
    text: mutate((p) => (asr(p).defaultVersion = 'v3')),
    pointers: ['/services/asr/defaultVersion'],
    message: 'names version "v3"',
  },
  {
    name: 'successor version that does not exist',
    text: mutate((p) => (asr(p).versions.v1.successor = { version: 'v9' })),
    pointers: ['/services/asr/versions/v1/successor/version'],
    message: 'names version "v9"',
  },
  {
    name: 'successor service that does not exist',
    text: mutate((p) => (asr(p).versions.v1.successor = { service: 'tts', version: 'v1' })),
    pointers: ['/services/asr/versions/v1/successor/service'],
    message: 'names service "tts"',
  },
  {
    name: 'a version that succeeds itself',
    text: mutate((p) => (asr(p).versions.v1.successor = { version: 'v1' })),
    pointers: ['/services/asr/versions/v1/successor'],
    message: 'cannot succeed itself',
  },
  {
    name: 'sunset without a date',
    text: mutate((p) => (asr(p).versions.v1.status = 'sunset')),
    pointers: ['/services/asr/versions/v1/sunsetDate'],
    message: 'no sunsetDate',
  },
  {
    name: 'websocket service with an https URL',
    text: mutate((p) => (v2(p).url = 'https://asr.acme.test/v2/asr')),
    pointers: [`${V2}/url`],
    message: 'a websocket service has a https:// URL',
  },
  {
    name: 'URL with credentials in it',
    text: mutate((p) => (v2(p).url = 'wss://key:secret@asr.acme.test/v2/asr')),
    pointers: [`${V2}/url`],
    message: 'user name or password',
  },
  {
    name: 'auth step with an unknown operation',
    text: mutate((p) => (p.auth['hmac-url'].steps[0].op = 'clock')),
    pointers: ['/auth/hmac-url/steps/0/op'],
    message: '"clock" is not an allowed value',
  },
  {
    name: 'hmac step without its key',
    text: mutate((p) => delete p.auth['hmac-url'].steps[2].key),
    pointers: ['/auth/hmac-url/steps/2'],
    message: 'missing required property "key"',
  },
  {
    name: 'auth step refers to an undeclared credential',
    text: mutate((p) => delete p.credentials.apiSecret),
    pointers: ['/auth/hmac-url/steps/2/key'],
    message: 'credential "apiSecret"',
  },
  {
    name: 'probe frame refers to an undeclared credential',
    text: mutate((p) => (v2(p).probe.frames[0].json.app_id = '{cred.appKey}')),
    pointers: [`${V2}/probe/frames/0/json/app_id`],
    message: 'refers to credential "appKey"',
  },
  {
    name: 'optional credential feeds a required step',
    text: mutate((p) => (p.credentials.apiKey.optional = true)),
    pointers: ['/auth/hmac-url/steps/3/text'],
    message: 'uses the optional credential "apiKey" where the scheme cannot do without it',
  },
  {
    name: 'optional credential in a probe frame',
    text: mutate((p) => (p.credentials.appId.optional = true)),
    pointers: [`${V2}/probe/frames/0/json/app_id`],
    message: 'uses the optional credential "appId", which may be unset',
  },
  {
    name: 'optional credential in the URL path',
    text: mutate((p) => {
      p.credentials.appId.optional = true
      delete v2(p).probe
      v2(p).url = 'wss://asr.acme.test/v2/{cred.appId}/asr'
    }),
    pointers: [`${V2}/url`],
    message: 'puts the optional credential "appId" in the URL path',
  },
  {
    name: 'a message meaning shadowed by an earlier fragment',
    text: mutate(
      (p) =>
        (asr(p).errors['10165'].byMessage = [
          { contains: 'expired', meaning: 'a', fix: 'b', source: 'https://acme.test/e' },
          { contains: 'key expired', meaning: 'c', fix: 'd', source: 'https://acme.test/e' },
        ]),
    ),
    pointers: ['/services/asr/errors/10165/byMessage/1/contains'],
    message: 'is never chosen: item 0\'s fragment "expired" is part of it',
  },
  {
    name: 'a message meaning whose vendorText lacks its fragment',
    text: mutate(
      (p) =>
        (asr(p).errors['10165'].byMessage = [
          {
            contains: 'key expired',
            vendorText: 'The key is old.',
            meaning: 'a',
            fix: 'b',
            source: 'https://acme.test/e',
          },
        ]),
    ),
    pointers: ['/services/asr/errors/10165/byMessage/0/vendorText'],
    message: 'does not select this item (it lacks "key expired")',
  },
  {
    name: 'a host template whose parameter is not a whole label',
    text: mutate((p) => (v2(p).signingParamsFromHost = { region: 'asr-{region}.acme.test' })),
    pointers: [`${V2}/signingParamsFromHost/region`],
    message: '"asr-{region}.acme.test" {region} must be a whole DNS label',
  },
  {
    name: "a host template outside the pack's hosts",
    text: mutate((p) => (v2(p).signingParamsFromHost = { region: 'asr.{region}.evil.example' })),
    pointers: [`${V2}/signingParamsFromHost/region`],
    message: "is outside the pack's hosts",
  },
  {
    name: 'legacy shape names a service that does not exist',
    text: mutate((p) => (v2(p).response.legacy[0].service = 'tts')),
    pointers: [`${V2}/response/legacy/0/service`],
    message: 'names service "tts"',
  },
  {
    name: 'names that only Object.prototype has',
    text: mutate((p) => {
      asr(p).defaultVersion = 'toString'
      v2(p).auth = 'hasOwnProperty'
      asr(p).versions.v1.successor = { service: 'valueOf', version: 'x' }
    }),
    pointers: ['/services/asr/defaultVersion', '/services/asr/versions/v1/successor/service', `${V2}/auth`],
    message: 'names version "toString"',
  },
  {
    name: 'pattern in a response schema',
    text: mutate((p) => (v2(p).response.schema.properties.sid.pattern = '^(a+)+$')),
    pointers: [`${V2}/response/schema/properties/sid/pattern`],
    message: 'may not use "pattern"',
  },
  {
    name: 'patternProperties in a legacy schema',
    text: mutate((p) => (v2(p).response.legacy[0].schema.patternProperties = { '^(a|a)*$': {} })),
    pointers: [`${V2}/response/legacy/0/schema/patternProperties`],
    message: 'may not use "patternProperties"',
  },
  {
    name: 'format in a nested response schema',
    text: mutate((p) => (v2(p).response.schema.properties.data.properties.status.format = 'date-time')),
    pointers: [`${V2}/response/schema/properties/data/properties/status/format`],
    message: 'may not use "format"',
  },
  {
    name: 'remote $ref in a response schema',
    text: mutate((p) => (v2(p).response.schema.$ref = 'https://example.com/s.json')),
    pointers: [`${V2}/response/schema/$ref`],
    message: 'only refer inside',
  },
  // Safe parse: prototype keys, duplicates, syntax with line and column, caps.
  {
    name: '__proto__ key',
    text: edit('"id": "acme",', '"id": "acme", "__proto__": {"polluted": true},'),
    pointers: ['/__proto__'],
    message: 'line 2, column 17: the key "__proto__" is not allowed',
  },
  {
    name: 'constructor key deep inside',
    text: edit('"auth": null,', '"auth": null, "constructor": {"prototype": 1},'),
    pointers: ['/services/chat/versions/v1/constructor'],
    message: 'the key "constructor" is not allowed',
  },
  {
    name: 'prototype key in an error table',
    text: edit('"10313": {', '"prototype": {'),
    pointers: ['/services/asr/errors/prototype'],
    message: 'the key "prototype" is not allowed',
  },
  {
    name: 'duplicate key',
    text: edit('"id": "acme",', '"id": "acme", "id": "other",'),
    pointers: ['/id'],
    message: 'line 2, column 17: the key "id" appears twice',
  },
  {
    name: 'duplicate service id',
    text: edit('"chat": {', '"asr": {'),
    pointers: ['/services/asr'],
    message: 'the key "asr" appears twice',
  },
  // Where credentials may go, and what would crash later (issue 14, defect 5).
  {
    name: 'a dangling $ref in a response schema',
    text: mutate((p) => (v2(p).response.schema.properties.code = { $ref: '#/definitions/missing' })),
    pointers: [`${V2}/response/schema/properties/code/$ref`],
    message: '"#/definitions/missing" points at nothing in the schema',
  },
  {
    name: 'the cloud metadata address in /hosts',
    text: mutate((p) => p.hosts.push('169.254.169.254')),
    pointers: ['/hosts/2'],
    message: '"169.254.169.254" is an IP address',
  },
  {
    name: 'a loopback service URL',
    text: mutate((p) => {
      p.hosts.push('127.0.0.1')
      v2(p).url = 'wss://127.0.0.1/v2/asr'
    }),
    pointers: ['/hosts/2', `${V2}/url`],
    message: '"127.0.0.1" is an IP address',
  },
  {
    name: 'a private-range service URL',
    text: mutate((p) => (v2(p).url = 'wss://10.0.0.1/v2/asr')),
    pointers: [`${V2}/url`, `${V2}/url`],
    message: 'the URL\'s host "10.0.0.1" is an IP address',
  },
  {
    name: 'a wildcard over a public suffix',
    text: mutate((p) => p.hosts.push('*.com.cn')),
    pointers: ['/hosts/2'],
    message: '"*.com.cn" covers a whole public suffix',
  },
  {
    name: 'a credential-looking query in a service URL',
    text: mutate((p) => (v2(p).url = 'wss://asr.acme.test/v2/asr?api_key=abc')),
    pointers: [`${V2}/url`],
    message: 'the URL\'s query sets "api_key", which holds a credential',
  },
  {
    name: 'invalid JSON: missing comma',
    text: edit('"id": "acme",', '"id": "acme"'),
    pointers: [''],
    message: "line 3, column 3: expected ',' or '}'",
  },
  {
    name: 'invalid JSON: trailing comma',
    text: () => '{\n  "id": "x",\n}\n',
    pointers: [''],
    message: 'line 3, column 1: expected a property name',
  },
  {
    name: 'not JSON at all',
    text: () => 'id: acme\n',
    pointers: [''],
    message: 'line 1, column 1: expected a value',
  },
  { name: 'empty file', text: () => '', pointers: [''], message: 'the end of the file' },
  {
    name: 'nesting 10,000 deep',
    text: () => '{"id":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
    pointers: ['/id' + '/0'.repeat(63)],
    message: 'deeper than 64',
  },
  {
    name: 'a 10 MB file',
    text: () => `{"notes": ["${'x'.repeat(10 * 1024 * 1024)}"]}`,
    pointers: [''],
    message: 'over the 2097152-byte limit',
  },
]
