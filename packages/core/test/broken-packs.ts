// Broken provider packs, each made from a valid pack by one mutation, with the pointer its rejection
// must name. Shared by the core validation test and the CLI's `packs validate` test.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type Pack = Record<string, any>

export interface BrokenCase {
  name: string
  /** The file's text, or a function of the valid pack. */
  text: () => string
  /** The JSON pointer the first matching problem must name. */
  pointer: string
  /** A fragment the problem's message must contain. */
  message: string
}

const validText = readFileSync(fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url)), 'utf8')
const valid = (): Pack => JSON.parse(validText)
const mutate = (fn: (p: Pack) => void) => () => {
  const p = valid()
  fn(p)
  return JSON.stringify(p, null, 2)
}
const iat = (p: Pack) => p.services.iat
const v2 = (p: Pack) => p.services.iat.versions.v2

export const brokenCases: BrokenCase[] = [
  { name: 'id is a number', text: mutate((p) => (p.id = 42)), pointer: '/id', message: 'must be string' },
  { name: 'id has upper case', text: mutate((p) => (p.id = 'iFlytek')), pointer: '/id', message: 'not in the required form' },
  { name: 'unknown top-level field', text: mutate((p) => (p.homepage = 'https://x')), pointer: '/homepage', message: 'unknown property "homepage"' },
  { name: 'unknown field in a version', text: mutate((p) => (v2(p).timeout = 5)), pointer: '/services/iat/versions/v2/timeout', message: 'unknown property "timeout"' },
  { name: 'missing required name', text: mutate((p) => delete p.name), pointer: '', message: 'missing required property "name"' },
  { name: 'missing required services', text: mutate((p) => delete p.services), pointer: '', message: 'missing required property "services"' },
  { name: 'missing version url', text: mutate((p) => delete v2(p).url), pointer: '/services/iat/versions/v2', message: 'missing required property "url"' },
  { name: 'hosts is a string', text: mutate((p) => (p.hosts = '*.xfyun.cn')), pointer: '/hosts', message: 'must be array' },
  { name: 'empty hosts', text: mutate((p) => (p.hosts = [])), pointer: '/hosts', message: 'fewer than 1' },
  { name: 'host with a scheme', text: mutate((p) => (p.hosts = ['https://xfyun.cn'])), pointer: '/hosts/0', message: 'not in the required form' },
  { name: 'version URL outside hosts', text: mutate((p) => (v2(p).url = 'wss://evil.example.com/v2/iat')), pointer: '/services/iat/versions/v2/url', message: 'outside the pack\'s hosts' },
  { name: 'unknown auth scheme', text: mutate((p) => (v2(p).auth = 'hmac-v9')), pointer: '/services/iat/versions/v2/auth', message: 'names auth scheme "hmac-v9"' },
  { name: 'defaultVersion that does not exist', text: mutate((p) => (iat(p).defaultVersion = 'v3')), pointer: '/services/iat/defaultVersion', message: 'names version "v3"' },
  { name: 'successor that does not exist', text: mutate((p) => (v2(p).successor = { version: 'v9' })), pointer: '/services/iat/versions/v2/successor/version', message: 'names version "v9"' },
  { name: 'successor service that does not exist', text: mutate((p) => (v2(p).successor = { service: 'asr', version: 'v1' })), pointer: '/services/iat/versions/v2/successor/service', message: 'names service "asr"' },
  { name: 'status not in the enum', text: mutate((p) => (v2(p).status = 'stable')), pointer: '/services/iat/versions/v2/status', message: 'not an allowed value' },
  { name: 'sunset without a date', text: mutate((p) => (v2(p).status = 'sunset')), pointer: '/services/iat/versions/v2/sunsetDate', message: 'no sunsetDate' },
  { name: 'websocket service with an https URL', text: mutate((p) => (v2(p).url = 'https://iat-api.xfyun.cn/v2/iat')), pointer: '/services/iat/versions/v2/url', message: 'websocket service' },
  { name: 'URL with credentials in it', text: mutate((p) => (v2(p).url = 'wss://key:secret@iat-api.xfyun.cn/v2/iat')), pointer: '/services/iat/versions/v2/url', message: 'user name or password' },
  { name: 'credential env var in lower case', text: mutate((p) => (p.credentials.apiKey.env = 'iflytek_key')), pointer: '/credentials/apiKey/env', message: 'not in the required form' },
  { name: 'auth step refers to an undeclared credential', text: mutate((p) => delete p.credentials.apiSecret), pointer: '/auth/hmac-url/steps/2/key', message: 'credential "apiSecret"' },
  { name: 'pattern in a response schema', text: mutate((p) => (v2(p).response.schema.properties.sid.pattern = '^(a+)+$')), pointer: '/services/iat/versions/v2/response/schema/properties/sid/pattern', message: 'may not use "pattern"' },
  { name: 'remote $ref in a response schema', text: mutate((p) => (v2(p).response.schema.$ref = 'https://example.com/s.json')), pointer: '/services/iat/versions/v2/response/schema/$ref', message: 'only refer inside' },
  { name: 'handshake rule with a bad finding code', text: mutate((p) => (p.handshakeErrors[0].diagnosis = 'Auth/Bad')), pointer: '/handshakeErrors/0/diagnosis', message: 'not in the required form' },
  { name: 'handshake status out of range', text: mutate((p) => (p.handshakeErrors[0].status = 999)), pointer: '/handshakeErrors/0/status', message: 'must be <= 599' },
  { name: 'error code key with spaces', text: mutate((p) => (iat(p).errors['10 165'] = iat(p).errors['10165'])), pointer: '/services/iat/errors/10 165', message: 'not a valid name' },
  { name: 'error entry without a fix', text: mutate((p) => delete iat(p).errors['10165'].fix), pointer: '/services/iat/errors/10165', message: 'missing required property "fix"' },
  { name: '__proto__ key', text: () => validText.replace('"id": "iflytek",', '"id": "iflytek", "__proto__": {"polluted": true},'), pointer: '/__proto__', message: 'not allowed' },
  { name: 'constructor key deep inside', text: () => validText.replace('"title": "iat v2 (iat-api host, recommended)",', '"constructor": {"prototype": 1},'), pointer: '/services/iat/versions/v2/constructor', message: 'not allowed' },
  { name: 'duplicate key', text: () => validText.replace('"id": "iflytek",', '"id": "iflytek", "id": "other",'), pointer: '/id', message: 'appears twice' },
  { name: 'invalid JSON: missing comma', text: () => validText.replace('"id": "iflytek",', '"id": "iflytek"'), pointer: '', message: 'line 4, column 3' },
  { name: 'invalid JSON: trailing comma', text: () => '{\n  "id": "x",\n}\n', pointer: '', message: 'line 3, column 1' },
  { name: 'not JSON at all', text: () => 'id: iflytek\n', pointer: '', message: 'line 1, column 1' },
  { name: 'empty file', text: () => '', pointer: '', message: 'the end of the file' },
  { name: 'nesting 10,000 deep', text: () => '{"id":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', pointer: '/id' + '/0'.repeat(63), message: 'deeper than 64' },
  { name: 'a 10 MB file', text: () => `{"notes": ["${'x'.repeat(10 * 1024 * 1024)}"]}`, pointer: '', message: 'over the 2097152-byte limit' },
  { name: 'array at the top', text: () => '[]', pointer: '', message: 'must be object' },
]
