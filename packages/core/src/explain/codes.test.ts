// The generic tables hold exactly the statuses and close codes the issue names, each with a meaning.
import { describe, expect, it } from 'vitest'
import { CAUSES, DIAGNOSIS_CAUSES } from './causes.js'
import { HTTP_STATUSES, httpStatus, WS_CLOSE_CODES } from './codes.js'
import { SYMPTOMS, symptomForText } from './symptoms.js'

describe('generic tables', () => {
  it('has the HTTP statuses integration engineers meet', () => {
    expect(HTTP_STATUSES.map((s) => s.code)).toEqual([
      400, 401, 403, 404, 405, 408, 413, 415, 426, 429, 500, 502, 503, 504,
    ])
    expect(httpStatus(418)).toMatchObject({ code: 418, name: 'Client Error' })
    expect(httpStatus(299)).toBeUndefined()
  })

  it('has WebSocket close codes 1000–1015', () => {
    expect(WS_CLOSE_CODES.map((c) => c.code)).toEqual(Array.from({ length: 16 }, (_, i) => 1000 + i))
  })

  it('names only catalogue causes from finding codes, and has unique ids', () => {
    const ids = CAUSES.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const list of Object.values(DIAGNOSIS_CAUSES)) for (const id of list) expect(ids).toContain(id)
    expect(new Set(SYMPTOMS.map((s) => s.id)).size).toBe(SYMPTOMS.length)
  })

  it('keeps aliases and phrases lower case (inputs are lower-cased before matching)', () => {
    for (const s of SYMPTOMS) for (const a of s.aliases) expect(a).toBe(a.toLowerCase())
    for (const c of CAUSES) for (const p of [...c.mentions, ...c.evidence]) expect(p).toBe(p.toLowerCase())
  })

  it('picks the symptom by the longest alias in the text', () => {
    expect(symptomForText('gateway timeout from the proxy')?.id).toBe('server-error')
    expect(symptomForText('request timed out')?.id).toBe('timeout')
  })
})
