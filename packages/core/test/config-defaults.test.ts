// Config defaults (issue 16, item 2): the same rule in every command; a version default belongs to its service.
import { describe, expect, it } from 'vitest'
import { targetDefaults } from '../src/config/index.js'
import type { ProviderPack } from '../src/generated/index.js'

const pack = {
  services: {
    iat: { defaultVersion: 'v2', versions: { v2: {}, v1: {} } },
    spark: { defaultVersion: 'v3.5', versions: { 'v3.5': {}, 'v4.0': {} } },
  },
} as unknown as ProviderPack

describe('targetDefaults', () => {
  it.each([
    ["the pack's first service when nothing is said", {}, {}, { service: 'iat' }],
    ['the configured service', { service: 'spark' }, {}, { service: 'spark' }],
    ['the flag over the config', { service: 'spark' }, { service: 'iat' }, { service: 'iat' }],
    [
      'a provider-wide version for the configured service',
      { service: 'spark', version: 'v4.0' },
      {},
      { service: 'spark', version: 'v4.0' },
    ],
    [
      'no provider-wide version for another service (it would fail: iat has no v4.0)',
      { service: 'spark', version: 'v4.0' },
      { service: 'iat' },
      { service: 'iat' },
    ],
    [
      'without a configured service, the version only where the service has it',
      { version: 'v4.0' },
      { service: 'iat' },
      { service: 'iat' },
    ],
    [
      'a per-service version',
      { service: 'spark', version: 'v4.0', services: { iat: { version: 'v1' } } },
      { service: 'iat' },
      { service: 'iat', version: 'v1' },
    ],
    [
      'a provider-wide endpoint only for the configured service',
      { service: 'spark', endpoint: 'wss://proxy.example/spark' },
      { service: 'iat' },
      { service: 'iat' },
    ],
    [
      'a per-service endpoint',
      { services: { iat: { endpoint: 'wss://proxy.example/iat' } } },
      { service: 'iat' },
      { service: 'iat', endpoint: 'wss://proxy.example/iat' },
    ],
    [
      'no config endpoint for the emulator',
      { service: 'iat', endpoint: 'wss://proxy.example/iat' },
      { noEndpoint: true },
      { service: 'iat' },
    ],
    [
      'an endpoint alone leaves the service to the URL',
      { endpoint: 'wss://iat-api.xfyun.cn/v2/iat' },
      {},
      { endpoint: 'wss://iat-api.xfyun.cn/v2/iat' },
    ],
  ])('%s', (_, defaults, requested, expected) => {
    expect(targetDefaults(pack, defaults, requested)).toEqual(expected)
  })
})
