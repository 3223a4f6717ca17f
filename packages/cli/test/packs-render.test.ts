// Rendering of `apidx packs list | info | validate`: pure functions, exact text, nothing from a pack
// reaches the terminal raw.
import { describe, expect, it } from 'vitest'
import { renderPackInfo, renderPackList, renderValidation, type PackInfo } from '../src/render/packs.js'

// Colour is off under vitest (stdout is not a terminal), so the text is plain.
describe('renderValidation', () => {
  it('lists valid files, every problem of invalid ones, and a summary', () => {
    const text = renderValidation([
      { file: 'a/pack.json', valid: true, id: 'acme', problems: [] },
      {
        file: 'b.json',
        valid: false,
        problems: [
          {
            file: 'b.json',
            pointer: '/id',
            message: 'must be string, but is integer',
            remedy: 'The pack id.',
          },
          {
            file: 'b.json',
            pointer: '/hosts/0',
            message: '"x" is not in the required form',
            remedy: 'A host name.',
          },
        ],
      },
    ])
    expect(text).toBe(
      [
        '✓ a/pack.json (acme)',
        '✗ b.json: 2 problems',
        '  b.json#/id: must be string, but is integer. The pack id.',
        '  b.json#/hosts/0: "x" is not in the required form. A host name.',
        '',
        '1 of 2 packs invalid.',
      ].join('\n'),
    )
  })

  it('escapes control characters from a hostile pack, keeping one line per problem', () => {
    const text = renderValidation([
      {
        file: 'b.json',
        valid: false,
        problems: [
          { file: 'b.json', pointer: '/\u001b[2J\n', message: 'unknown property', remedy: 'Remove it.' },
        ],
      },
    ])
    expect(text.split('\n')[1]).toBe('  b.json#/\\u001b[2J\\u000a: unknown property. Remove it.')
    expect(text).not.toContain('\u001b')
  })
})

describe('renderPackList', () => {
  it('shows a table of packs and the first problems of broken ones', () => {
    const text = renderPackList(
      [
        {
          id: 'acme',
          name: 'Acme\u0007',
          packVersion: '1.2.3',
          services: ['asr', 'chat'],
          source: 'builtin',
          location: '/p/acme/pack.json',
        },
      ],
      [
        {
          location: '/d/bad/pack.json',
          source: 'installed',
          problems: [
            { file: '/d/bad/pack.json', pointer: '', message: 'file not found', remedy: 'Check the path.' },
          ],
        },
      ],
    )
    expect(text).toBe(
      [
        'ID    NAME        VERSION  SERVICES  SOURCE',
        'acme  Acme\\u0007  1.2.3    asr,chat  builtin /p/acme/pack.json',
        '',
        '✗ /d/bad/pack.json (installed) does not validate:',
        '  /d/bad/pack.json#: file not found. Check the path.',
      ].join('\n'),
    )
  })

  it('aligns columns after double-width names', () => {
    const row = { packVersion: '1.0.0', services: ['a'], source: 'builtin', location: '/p' }
    const lines = renderPackList(
      [
        { ...row, id: 'x', name: '讯飞' },
        { ...row, id: 'y', name: 'abcd' },
      ],
      [],
    ).split('\n')
    expect(lines).toEqual([
      'ID  NAME  VERSION  SERVICES  SOURCE',
      'x   讯飞  1.0.0    a         builtin /p',
      'y   abcd  1.0.0    a         builtin /p',
    ])
  })

  it('says how to install a pack when there is none', () => {
    expect(renderPackList([], [])).toBe(
      'No provider packs found. Install one with: apidx packs install <npm name | path>',
    )
  })
})

describe('renderPackInfo', () => {
  it('shows identity, hosts, credentials, schemes and each version with status', () => {
    const info: PackInfo = {
      id: 'acme',
      name: 'Acme',
      packVersion: '1.2.3',
      verified: '2026-11-25',
      docs: 'https://docs.acme.test/',
      source: 'path',
      location: '/p/pack.json',
      hosts: ['*.acme.test'],
      credentials: [{ name: 'apiKey', env: 'ACME_API_KEY', secret: true }],
      authSchemes: [{ id: 'hmac-url', usedBy: ['asr/v1', 'asr/v2'] }],
      services: [
        {
          id: 'asr',
          title: 'Recognition',
          defaultVersion: 'v2',
          errorCodes: 1,
          versions: [
            {
              id: 'v1',
              url: 'wss://asr.acme.test/v1',
              protocol: 'websocket',
              status: 'legacy',
              auth: 'hmac-url',
              successor: 'asr/v2',
            },
            {
              id: 'v2',
              url: 'wss://asr.acme.test/v2',
              protocol: 'websocket',
              status: 'current',
              auth: 'hmac-url',
              confidence: 'uncertain',
            },
          ],
        },
      ],
      handshakeRules: 2,
    }
    expect(renderPackInfo(info)).toBe(
      [
        'Acme (acme) 1.2.3, verified 2026-11-25',
        '  docs:    https://docs.acme.test/',
        '  source:  path /p/pack.json',
        '  hosts:   *.acme.test',
        '  credentials: apiKey ($ACME_API_KEY, secret)',
        '  auth schemes: hmac-url (2 versions)',
        '  handshake rules: 2',
        '',
        'asr — Recognition (1 error code)',
        '    v1  legacy → asr/v2  hmac-url  wss://asr.acme.test/v1',
        '  * v2  current          hmac-url  wss://asr.acme.test/v2  (uncertain)',
        '',
        '* default version',
      ].join('\n'),
    )
  })
})
