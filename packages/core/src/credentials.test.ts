// readCredentials reads exactly the pack's variables and names the missing required ones.
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from './generated/index.js'
import { readCredentials } from './credentials.js'

const pack = {
  credentials: {
    accessKeyId: { env: 'AWS_ACCESS_KEY_ID', secret: false, description: '' },
    secretAccessKey: { env: 'AWS_SECRET_ACCESS_KEY', secret: true, description: '' },
    sessionToken: { env: 'AWS_SESSION_TOKEN', secret: true, optional: true, description: '' },
  },
} as unknown as ProviderPack

describe('readCredentials', () => {
  it('reads every declared variable, untrimmed', () => {
    expect(
      readCredentials(pack, {
        AWS_ACCESS_KEY_ID: 'AKID',
        AWS_SECRET_ACCESS_KEY: ' s ',
        AWS_SESSION_TOKEN: 't',
        OTHER: 'x',
      }),
    ).toEqual({
      values: { accessKeyId: 'AKID', secretAccessKey: ' s ', sessionToken: 't' },
      missing: [],
    })
  })
  it('lists required credentials that are unset or empty, never optional ones', () => {
    expect(readCredentials(pack, { AWS_ACCESS_KEY_ID: '' })).toEqual({
      values: {},
      missing: [
        { name: 'accessKeyId', env: 'AWS_ACCESS_KEY_ID' },
        { name: 'secretAccessKey', env: 'AWS_SECRET_ACCESS_KEY' },
      ],
    })
  })
  it('does not read inherited properties of the env object', () => {
    const env = Object.create({ AWS_ACCESS_KEY_ID: 'inherited' }) as Record<string, string>
    expect(readCredentials(pack, env).values).toEqual({})
  })
})
