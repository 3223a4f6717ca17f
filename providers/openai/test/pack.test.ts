// The openai pack: validates, the bearer scheme sends the key (and the organization and project
// headers only when set), the realtime target carries its model, and every error entry is sourced.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveTarget, signRequest, validatePackFile, type ProviderPack } from '@apidx/core'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8')) as ProviderPack
// Obviously fake values, shaped like the documented ones (sk-proj-…, org-…, proj_…).
const key = 'sk-proj-apidx-example-not-a-key'

describe('openai pack', () => {
  it('validates', async () => {
    expect((await validatePackFile(file)).problems).toEqual([])
  })
  it('reads credentials from the OpenAI SDK variables; only the key is secret and required', () => {
    expect(Object.values(pack.credentials).map((c) => [c.env, c.secret, Boolean(c.optional)])).toEqual([
      ['OPENAI_API_KEY', true, false],
      ['OPENAI_ORG_ID', false, true],
      ['OPENAI_PROJECT_ID', false, true],
    ])
  })
  it('sends credentials to api.openai.com only', () => {
    expect(pack.hosts).toEqual(['api.openai.com'])
  })
  it('bearer: Authorization: Bearer <key>, no organization or project header when unset', () => {
    const target = resolveTarget(pack, { service: 'models' })
    const r = signRequest(
      pack,
      target,
      { url: target.url },
      { apiKey: key },
      Date.parse('2026-11-25T08:00:00Z'),
    )
    expect(r.request.headers.authorization).toBe(`Bearer ${key}`)
    expect(r.request.headers['openai-organization']).toBeUndefined()
    expect(r.request.headers['openai-project']).toBeUndefined()
  })
  it('bearer: OpenAI-Organization and OpenAI-Project when OPENAI_ORG_ID and OPENAI_PROJECT_ID are set', () => {
    const r = signRequest(
      pack,
      'bearer',
      { url: 'https://api.openai.com/v1/models' },
      { apiKey: key, organization: 'org-example', project: 'proj_example' },
      Date.parse('2026-11-25T08:00:00Z'),
    )
    expect(r.request.headers['openai-organization']).toBe('org-example')
    expect(r.request.headers['openai-project']).toBe('proj_example')
  })
  it('models: GET https://api.openai.com/v1/models, codes read at /error/code', () => {
    const target = resolveTarget(pack, { service: 'models' })
    expect(target.version.url).toBe('https://api.openai.com/v1/models')
    expect(target.version.method).toBe('GET')
    expect(target.version.response?.errorCode).toBe('/error/code')
  })
  it('realtime: the GA WebSocket with a model, ended by input_audio_buffer.cleared', () => {
    const target = resolveTarget(pack, { service: 'realtime' })
    expect(target.version.url).toBe('wss://api.openai.com/v1/realtime')
    expect(target.version.query).toEqual({ model: 'gpt-realtime' })
    expect(target.version.probe?.frames?.map((f) => f.json)).toEqual([{ type: 'input_audio_buffer.clear' }])
    expect(target.version.response?.end).toEqual({ pointer: '/type', equals: 'input_audio_buffer.cleared' })
  })
  it('REST error entries carry the HTTP status OpenAI answers with', () => {
    const statuses = Object.fromEntries(
      Object.entries(pack.services.models!.errors ?? {}).map(([code, e]) => [code, e.status]),
    )
    expect(statuses).toMatchObject({
      invalid_api_key: 401,
      no_organization: 401,
      unsupported_country_region_territory: 403,
      rate_limit_exceeded: 429,
      insufficient_quota: 429,
      server_is_overloaded: 503,
    })
    expect(Object.values(statuses).every((s) => typeof s === 'number')).toBe(true)
  })
  it('every error entry and handshake rule has a source; unsure ones say why', () => {
    const entries = [
      ...Object.values(pack.services).flatMap((s) => Object.values(s.errors ?? {})),
      ...(pack.handshakeErrors ?? []),
    ]
    for (const e of entries) expect(e.source).toMatch(/^https:\/\//)
    const uncertain = (pack.handshakeErrors ?? []).filter((r) => r.confidence === 'uncertain')
    expect(uncertain.length).toBeGreaterThan(0)
    expect((pack.notes ?? []).filter((n) => n.startsWith('[UNCERTAIN]')).length).toBeGreaterThanOrEqual(
      uncertain.length,
    )
  })
})
