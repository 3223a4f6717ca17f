// Emulated vendors for the exporter's tests: a healthy iFlytek iat and one whose clock runs ahead
// (clock-skew), plain ws:// on loopback, knowing canary credentials that the exporter reads from its
// environment through the config's ${env:} references, so a test can prove they never leak.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadPack } from '@apidx/core'
import { startMock, type MockServer } from '@apidx/mock'
import { packOptions } from '../src/packs.js'

export const CANARY = {
  IFLYTEK_APP_ID: 'canaryap',
  IFLYTEK_API_KEY: 'CANARYKEY0123456789abcdef0123456',
  IFLYTEK_API_SECRET: 'CANARYSECRETabcdef0123456789abcd',
}

export interface ExporterFixture {
  /** The exporter config file (YAML) with modules `healthy` and `skewed`. */
  configFile: string
  env: Record<string, string>
  close(): Promise<void>
}

/** Starts the two emulators and writes the exporter config that names them. */
export async function startExporterFixture(): Promise<ExporterFixture> {
  const { pack } = await loadPack('iflytek', packOptions())
  const credentials = {
    appId: CANARY.IFLYTEK_APP_ID,
    apiKey: CANARY.IFLYTEK_API_KEY,
    apiSecret: CANARY.IFLYTEK_API_SECRET,
  }
  const servers: MockServer[] = []
  for (const scenario of ['healthy', 'clock-skew'])
    servers.push(await startMock({ pack, service: 'iat', scenario, tls: false, credentials }))
  const dir = mkdtempSync(path.join(tmpdir(), 'apidx-exporter-'))
  const configFile = path.join(dir, 'apidx-exporter.yaml')
  const creds = [
    '    credentials:',
    '      appId: ${env:IFLYTEK_APP_ID}',
    '      apiKey: ${env:IFLYTEK_API_KEY}',
    '      apiSecret: ${env:IFLYTEK_API_SECRET}',
  ]
  writeFileSync(
    configFile,
    [
      'modules:',
      '  healthy:',
      '    provider: iflytek',
      '    service: iat',
      `    endpoint: ${servers[0]!.url}`,
      ...creds,
      '  skewed:',
      '    provider: iflytek',
      '    service: iat',
      `    endpoint: ${servers[1]!.url}`,
      '    timeout: 2000',
      ...creds,
      '',
    ].join('\n'),
  )
  return {
    configFile,
    env: { ...CANARY },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()))
    },
  }
}
