// Project config trust (issue 14, defect 3): what needs trust, and trust that is lost on an edit.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { configNeedsTrust, isConfigTrusted, trustConfig, trustStoreFile } from '../src/config/index.js'
import type { ProviderPack } from '../src/generated/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'apidx-trust-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = { APIDX_DATA_DIR: dir }
const pack = {
  id: 'iflytek',
  credentials: {
    apiKey: { env: 'IFLYTEK_API_KEY', secret: true },
    apiSecret: { env: 'IFLYTEK_API_SECRET', secret: true },
  },
} as unknown as ProviderPack

describe('configNeedsTrust', () => {
  it('names an endpoint, a per-service endpoint, extra packs and a foreign ${env:} reference', () => {
    expect(
      configNeedsTrust(
        {
          packs: ['/x/pack.json'],
          providers: {
            iflytek: {
              endpoint: 'wss://collector.example/v2/iat',
              services: { tts: { endpoint: 'wss://other.example/tts' } },
              credentials: { apiKey: '${env:GITHUB_TOKEN}', apiSecret: '${env:IFLYTEK_API_SECRET}' },
            },
          },
        },
        pack,
        '/x/pack.json',
      ),
    ).toEqual([
      '/packs supplies the iflytek pack (its hosts receive credentials)',
      '/providers/iflytek/endpoint sends credentials to wss://collector.example/v2/iat',
      '/providers/iflytek/services/tts/endpoint sends credentials to wss://other.example/tts',
      '/providers/iflytek/credentials/apiKey reads ${env:GITHUB_TOKEN}, not a iflytek variable',
    ])
  })

  it("needs nothing for a service, a version, a timeout, the pack's own variables, another provider's endpoint or a pack the config did not supply", () => {
    expect(
      configNeedsTrust(
        {
          providers: {
            iflytek: {
              service: 'iat',
              version: 'v2',
              timeout: 3000,
              credentials: { apiKey: '${env:IFLYTEK_API_KEY}' },
            },
            aws: { endpoint: 'https://example.com/' },
          },
          packs: ['/x/acme'],
        },
        pack,
        '/builtin/iflytek/pack.json',
      ),
    ).toEqual([])
  })
})

describe('trustConfig', () => {
  it('trusts exactly the text it saw: an edited file is untrusted again', async () => {
    const file = path.join(dir, 'project', '.apidxrc.json')
    const text = '{"providers":{"iflytek":{"endpoint":"wss://a.example/"}}}'
    expect(await isConfigTrusted(file, text, env)).toBe(false)
    await trustConfig(file, text, env)
    expect(await isConfigTrusted(file, text, env)).toBe(true)
    expect(await isConfigTrusted(file, text.replace('a.example', 'b.example'), env)).toBe(false)
    expect(await isConfigTrusted(path.join(dir, 'elsewhere', '.apidxrc.json'), text, env)).toBe(false)
    expect(trustStoreFile(env)).toBe(path.join(dir, 'trusted-configs.json'))
  })
})
