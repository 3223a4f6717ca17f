// Pack validation: the fixture and the shipped iFlytek pack are valid; each broken pack is rejected
// with exactly the problems expected (file, pointer, message, remedy), fast.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validatePackFile, validatePackText } from '../src/pack/validate.js'
import { brokenCases, validPackFile, validText } from './broken-packs.js'

const iflytek = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))

describe('validatePackText', () => {
  it('accepts the acme fixture', async () => {
    const v = await validatePackText(validText, 'pack.json')
    expect(v.problems).toEqual([])
    expect(v.pack?.id).toBe('acme')
  })

  it('accepts the shipped iFlytek pack', async () => {
    const v = await validatePackText(readFileSync(iflytek, 'utf8'), 'pack.json')
    expect(v.problems).toEqual([])
    expect(v.pack?.id).toBe('iflytek')
  })

  it('has at least 25 broken cases with distinct names', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(25)
    expect(new Set(brokenCases.map((c) => c.name)).size).toBe(brokenCases.length)
  })

  it.each(brokenCases)('rejects: $name', async ({ text, pointers, message }) => {
    const body = text()
    const v = await validatePackText(body, 'broken.json')
    expect(v.pack).toBeUndefined()
    expect(v.problems.map((p) => p.pointer)).toEqual(pointers)
    expect(v.problems[0]!.message).toContain(message)
    for (const p of v.problems) {
      expect(p.file).toBe('broken.json')
      expect(p.message).not.toMatch(/[\n\r]/)
      expect(p.remedy.length).toBeGreaterThan(0)
    }
  })

  it('reports every problem, not just the first', async () => {
    const p = JSON.parse(validText)
    p.services.asr.versions.v2.auth = 'nope'
    p.services.asr.defaultVersion = 'v9'
    p.services.chat.versions.v1.url = 'https://elsewhere.example.org/v1/chat'
    p.services.asr.versions.v2.response.schema.pattern = 'x'
    const v = await validatePackText(JSON.stringify(p), 'x.json')
    expect(v.problems.map((x) => x.pointer)).toEqual([
      '/services/asr/defaultVersion',
      '/services/asr/versions/v2/auth',
      '/services/asr/versions/v2/response/schema/pattern',
      '/services/chat/versions/v1/url',
    ])
  })

  it('reports every shape problem in one pass', async () => {
    const p = JSON.parse(validText)
    p.id = 7
    p.extra = true
    delete p.services.asr.versions.v1.source
    const v = await validatePackText(JSON.stringify(p), 'x.json')
    expect(v.problems.map((x) => [x.pointer, x.message])).toEqual([
      ['/extra', 'unknown property "extra"'],
      ['/id', 'must be string, but is integer'],
      ['/services/asr/versions/v1', 'missing required property "source"'],
    ])
  })

  it('names what is allowed: enum values, known properties, the field description', async () => {
    const p = JSON.parse(validText)
    p.services.asr.versions.v2.status = 'stable'
    p.services.asr.versions.v2.timeout = 1
    const v = await validatePackText(JSON.stringify(p), 'x.json')
    const byPointer = Object.fromEntries(v.problems.map((x) => [x.pointer, x.remedy]))
    expect(byPointer['/services/asr/versions/v2/status']).toBe(
      'Use one of: "current", "legacy", "deprecated", "sunset".',
    )
    expect(byPointer['/services/asr/versions/v2/timeout']).toMatch(/^Allowed here: title, url, protocol, /)
  })
})

describe('fingerprints', () => {
  it('takes a substring or a request-id shape, and names one that has neither or both', async () => {
    const p = JSON.parse(validText)
    p.fingerprints = [
      { contains: 'AcmeSDKError', what: 'the Acme SDK' },
      { requestIdShape: 'uuid-upper', what: 'an upper-case UUID' },
      { what: 'nothing' },
      { contains: 'x-acme', requestIdShape: 'uuid-lower', what: 'both' },
    ]
    const v = await validatePackText(JSON.stringify(p), 'x.json')
    expect(v.problems.map((x) => [x.pointer, x.message])).toEqual([
      ['/fingerprints/2', 'matches nothing'],
      ['/fingerprints/3', 'has both "contains" and "requestIdShape"'],
    ])
  })
})

describe('validatePackFile', () => {
  it('reads and validates a file', async () => {
    expect((await validatePackFile(validPackFile)).pack?.id).toBe('acme')
  })

  it('says when the file is missing', async () => {
    const v = await validatePackFile('/nonexistent/pack.json')
    expect(v.problems).toEqual([
      { file: '/nonexistent/pack.json', pointer: '', message: 'file not found', remedy: 'Check the path.' },
    ])
  })
})

describe('response schema subset', () => {
  it('allows properties and definitions whose names are keywords elsewhere', async () => {
    const p = JSON.parse(validText)
    const schema = p.services.asr.versions.v2.response.schema
    schema.properties.format = { type: 'string' }
    schema.properties.pattern = { type: 'string', enum: ['pattern', 'format'] }
    schema.definitions = { pattern: { type: 'integer' } }
    schema.properties.ref = { $ref: '#/definitions/pattern' }
    expect((await validatePackText(JSON.stringify(p), 'x.json')).problems).toEqual([])
  })
})

describe('messages about hostile names', () => {
  it('escapes control characters in names, so a pack cannot write to the terminal', async () => {
    const v = await validatePackText(
      validText.replace('"id": "acme",', '"id": "acme", "\\u001b[2Jx\\n": 1,'),
      'x.json',
    )
    expect(v.problems.map((p) => p.message)).toEqual(['unknown property "\\u001b[2Jx\\u000a"'])
    const dup = await validatePackText('{"a\\u0007": 1, "a\\u0007": 2}', 'x.json')
    expect(dup.problems[0]!.message).toBe(
      'line 1, column 16: the key "a\\u0007" appears twice in the same object',
    )
  })
})

describe.skipIf(process.platform === 'win32')('validatePackFile and special files', () => {
  it('refuses a FIFO instead of hanging on it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apidx-fifo-'))
    try {
      execFileSync('mkfifo', [path.join(dir, 'pack.json')])
      const v = await validatePackFile(path.join(dir, 'pack.json'))
      expect(v.problems.map((p) => p.message)).toEqual(['is not a regular file'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('one pass', () => {
  it('reports a shape problem and a meaning problem together (issue 16, item 9)', async () => {
    const pack = JSON.parse(validText)
    pack.unknownField = true
    const [service] = Object.values(pack.services) as { versions: Record<string, { url: string }> }[]
    const [version] = Object.values(service!.versions)
    version!.url = 'wss://elsewhere.example.org/v1/x'
    const v = await validatePackText(JSON.stringify(pack), 'pack.json')
    expect(v.problems.map((p) => p.pointer)).toEqual([
      '/unknownField',
      expect.stringMatching(/^\/services\/[^/]+\/versions\/[^/]+\/url$/),
    ])
  })
})
