// Targets: which service version a selection or a URL means, and where credentials may go.
import { describe, expect, it } from 'vitest'
import { ApidxError } from '../src/errors.js'
import type { ProviderPack } from '../src/generated/index.js'
import { hostAllowed } from '../src/pack/hosts.js'
import { matchUrl, resolveTarget } from '../src/pack/target.js'
import { validText } from './broken-packs.js'

const pack = JSON.parse(validText) as ProviderPack
const single = { ...pack, services: { asr: pack.services.asr! } } as ProviderPack

function targetError(fn: () => unknown): ApidxError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(ApidxError)
    return err as ApidxError
  }
  throw new Error('expected ERR_TARGET')
}

describe('resolveTarget', () => {
  it('selects the only service and its default version when nothing is asked', () => {
    const t = resolveTarget(single)
    expect([t.serviceId, t.versionId, t.url.href, t.explicitEndpoint]).toEqual([
      'asr',
      'v2',
      'wss://asr.acme.test/v2/asr',
      false,
    ])
  })

  it('--service alone selects its defaultVersion', () => {
    const t = resolveTarget(pack, { service: 'asr' })
    expect([t.serviceId, t.versionId]).toEqual(['asr', 'v2'])
    expect(t.version.status).toBe('current')
  })

  it('--service and --version select that version', () => {
    const t = resolveTarget(pack, { service: 'asr', version: 'v1' })
    expect([t.versionId, t.url.pathname]).toEqual(['v1', '/v1/asr'])
  })

  it('an endpoint replaces the URL and is marked explicit', () => {
    const t = resolveTarget(pack, { service: 'chat', endpoint: 'http://127.0.0.1:8080/v1/chat' })
    expect([t.serviceId, t.url.host, t.explicitEndpoint]).toEqual(['chat', '127.0.0.1:8080', true])
  })

  it('an endpoint alone picks the service it matches', () => {
    const t = resolveTarget(pack, { endpoint: 'wss://asr.acme.test/v1/asr?x=1' })
    expect([t.serviceId, t.versionId, t.explicitEndpoint]).toEqual(['asr', 'v1', true])
  })

  it('several services and no choice: ERR_TARGET listing them', () => {
    const err = targetError(() => resolveTarget(pack))
    expect(err.code).toBe('ERR_TARGET')
    expect(err.message).toBe('The Acme Speech (test fixture) pack has 2 services; choose one with --service.')
    expect(err.suggestions).toEqual(['Services: asr, chat.'])
  })

  it('an unknown service suggests the nearest name', () => {
    const err = targetError(() => resolveTarget(pack, { service: 'asrr' }))
    expect(err.message).toBe('The Acme Speech (test fixture) pack has no service "asrr".')
    expect(err.suggestions).toEqual(['Did you mean "asr"?'])
  })

  it('an unknown version suggests the nearest, or lists them all', () => {
    expect(targetError(() => resolveTarget(pack, { service: 'asr', version: 'v3' })).suggestions).toEqual([
      'Did you mean "v1" or "v2"?',
    ])
    expect(targetError(() => resolveTarget(pack, { service: 'asr', version: 'twenty' })).suggestions).toEqual(
      ['Available versions: v1, v2.'],
    )
  })

  it('names that only Object.prototype has are unknown, not resolved through it', () => {
    expect(targetError(() => resolveTarget(pack, { service: 'toString' })).code).toBe('ERR_TARGET')
    expect(targetError(() => resolveTarget(pack, { service: 'asr', version: 'constructor' })).code).toBe(
      'ERR_TARGET',
    )
  })

  it('a relative endpoint is a usage error', () => {
    expect(targetError(() => resolveTarget(pack, { service: 'asr', endpoint: '/v2/asr' })).code).toBe(
      'ERR_USAGE',
    )
  })
})

describe('matchUrl', () => {
  it.each([
    ['wss://asr.acme.test/v2/asr', 'asr/v2'],
    ['wss://asr.acme.test/v2/asr?authorization=x&date=y', 'asr/v2'],
    ['ws://asr.acme.test/v2/asr', 'asr/v2'],
    ['wss://asr.acme.test/v2/asr/', 'asr/v2'],
    ['wss://ASR.acme.test/v1/asr', 'asr/v1'],
    ['https://gateway.acme-cdn.test/v1/chat', 'chat/v1'],
    ['http://gateway.acme-cdn.test/v1/chat/', 'chat/v1'],
    ['  wss://asr.acme.test/v2/asr  ', 'asr/v2'],
  ])('%s belongs to %s', (url, expected) => {
    const m = matchUrl(pack, url)
    expect(m && `${m.serviceId}/${m.versionId}`).toBe(expected)
  })

  it.each([
    ['wss://asr.acme.test/v3/asr', 'unknown path'],
    ['wss://other.acme.test/v2/asr', 'other host'],
    ['https://asr.acme.test/v2/asr', 'http family for a websocket service'],
    ['not a url', 'not a URL'],
  ])('%s matches nothing (%s)', (url) => {
    expect(matchUrl(pack, url)).toBeUndefined()
  })
})

describe('hostAllowed', () => {
  it.each([
    ['asr.acme.test', true],
    ['a.b.acme.test', true],
    ['ASR.ACME.TEST.', true],
    ['gateway.acme-cdn.test', true],
    ['acme.test', false],
    ['evilacme.test', false],
    ['acme.test.evil.com', false],
    ['x.gateway.acme-cdn.test', false],
  ])('%s → %s', (host, allowed) => {
    expect(hostAllowed(pack, host)).toBe(allowed)
  })
})
