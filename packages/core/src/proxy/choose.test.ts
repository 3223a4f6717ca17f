// Proxy selection with curl's rules (man curl ENVIRONMENT; CURLOPT_NOPROXY): which variable for which
// scheme, NO_PROXY's hosts, domains, IPs, CIDR ranges and ports, and the flags that override both.
import { describe, expect, it } from 'vitest'
import { bypassed, chooseProxy, proxySecrets } from './choose.js'

const P = 'http://proxy.corp.test:3128'
const pick = (url: string, env: Record<string, string>) => chooseProxy(new URL(url), { env })?.source ?? null

describe('chooseProxy', () => {
  it.each([
    ['https://api.test/', { HTTPS_PROXY: P }, 'HTTPS_PROXY'],
    ['wss://api.test/', { https_proxy: P }, 'https_proxy'],
    ['https://api.test/', { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, 'https_proxy'],
    ['http://api.test/', { http_proxy: P }, 'http_proxy'],
    ['ws://api.test/', { http_proxy: P }, 'http_proxy'],
    // curl ignores upper-case HTTP_PROXY (it can be set by a CGI request's Proxy: header).
    ['http://api.test/', { HTTP_PROXY: P }, null],
    ['https://api.test/', { ALL_PROXY: P }, 'ALL_PROXY'],
    ['https://api.test/', { http_proxy: P }, null],
  ])('%s with %o uses %s', (url, env, want) => {
    expect(pick(url, env)).toBe(want)
  })

  it('--proxy wins over the environment, --no-proxy over both', () => {
    const env = { HTTPS_PROXY: 'http://env:1', NO_PROXY: '*' }
    expect(chooseProxy(new URL('https://a.test/'), { url: P, env })?.source).toBe('--proxy')
    expect(chooseProxy(new URL('https://a.test/'), { url: P, disabled: true, env })).toBeNull()
  })

  it('a value without a scheme is an http:// proxy; socks is recognised and marked unsupported', () => {
    expect(chooseProxy(new URL('https://a.test/'), { env: { HTTPS_PROXY: 'proxy:8080' } })?.url.href).toBe(
      'http://proxy:8080/',
    )
    expect(
      chooseProxy(new URL('https://a.test/'), { env: { ALL_PROXY: 'socks5://p:1080' } })?.unsupported,
    ).toBe(true)
  })

  it('shows the proxy with its password masked, and lists the password among the secrets', () => {
    const chosen = chooseProxy(new URL('https://a.test/'), { url: 'http://al%40ice:p%40ss@proxy:3128' })!
    expect(chosen.shown).toBe('http://al@ice:***@proxy:3128')
    expect(proxySecrets({ url: 'http://al%40ice:p%40ss@proxy:3128' })).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss', Buffer.from('al@ice:p@ss').toString('base64')]),
    )
  })
})

describe('NO_PROXY', () => {
  it.each([
    ['*', 'https://anything.test/', true],
    ['example.com', 'https://example.com/', true],
    ['example.com', 'https://api.example.com/', true],
    ['.example.com', 'https://api.example.com/', true],
    ['.example.com', 'https://example.com/', true],
    ['example.com', 'https://notexample.com/', false],
    ['ample.com', 'https://www.example.com/', false],
    ['example.com:8443', 'https://example.com:8443/', true],
    ['example.com:8443', 'https://example.com/', false],
    ['127.0.0.1', 'http://127.0.0.1:9000/', true],
    ['10.0.0.0/8', 'https://10.1.2.3/', true],
    ['10.0.0.0/8', 'https://11.1.2.3/', false],
    ['::1', 'http://[::1]:80/', true],
    ['localhost, .xfyun.cn', 'wss://iat-api.xfyun.cn/v2/iat', true],
    ['', 'https://example.com/', false],
  ])('%j bypasses %s: %s', (list, url, want) => {
    expect(bypassed(new URL(url), list)).toBe(want)
  })

  it('no_proxy applies whichever variable names the proxy', () => {
    expect(pick('https://api.xfyun.cn/', { HTTPS_PROXY: P, no_proxy: 'xfyun.cn' })).toBeNull()
  })
})
