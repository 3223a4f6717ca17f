// The version link: static facts of the pack, no network needed for its findings.
import { describe, expect, it } from 'vitest'
import { check, closedPort, codes, iatTarget, iflytek } from '../../test/fixtures.js'

describe('version probe', () => {
  it('https:// for a WebSocket service is url/wrong-scheme and nothing else runs after it', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`https://127.0.0.1:${port}/v2/iat`))
    expect(codes(result)[0]).toBe('url/wrong-scheme')
    expect(result.findings[0]?.fix).toBe(
      `Connect with a WebSocket client to wss://127.0.0.1:${port}/v2/iat (documented: wss://iat-api.xfyun.cn/v2/iat).`,
    )
  })

  it('a legacy version is a url/deprecated-version warning', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://127.0.0.1:${port}/v1/ws`, iflytek, 'rtasr'))
    expect(result.findings[0]).toMatchObject({ code: 'url/deprecated-version', severity: 'warning' })
  })

  it('a path the pack does not document is a url/unknown-endpoint warning', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://127.0.0.1:${port}/v9/iat`))
    expect(result.findings[0]).toMatchObject({ code: 'url/unknown-endpoint', severity: 'warning' })
  })
})
