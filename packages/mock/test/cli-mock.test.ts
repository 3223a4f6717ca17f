// `apidx mock` as a user runs it (the BUILT CLI in a child process): the banner, masked demo values,
// --print-env, --json printed once, and a clean stop on SIGINT and SIGTERM.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { maskHint, renderMock, renderRequestLine, type MockInfo } from '../../cli/src/render/mock.js'
import { demoCredentials } from '../src/credentials.js'
import { iflytek, observe } from './helpers.js'

const bin = fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url))
const built = existsSync(fileURLToPath(new URL('../../cli/dist/commands/mock.js', import.meta.url)))
const demo = demoCredentials(iflytek)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Starts `apidx mock …`, waits until it prints its URL, runs `during`, then sends `signal`. */
function runMock(
  args: string[],
  signal: NodeJS.Signals,
  during: (url: string) => Promise<void> = async () => {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'mock', ...args], {
      cwd: '/',
      env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', NO_COLOR: '1' },
    })
    let stdout = ''
    let stderr = ''
    let started = false
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
      const url = /(wss?|https?):\/\/127\.0\.0\.1:\d+\/[^\s"]*/.exec(stdout)?.[0]
      if (url && !started) {
        started = true
        during(url).then(() => child.kill(signal), reject)
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('close', (code) => {
      clearTimeout(kill)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('apidx mock (the built CLI, in a child process)', () => {
  // A missing build fails every case, saying so: a skipped suite would hide that nothing ran.
  beforeAll(() => {
    expect(built, 'packages/cli/dist is missing: run `npm run build` first').toBe(true)
  })

  it('prints the URL, scenario, masked demo credentials and a pasteable Try line, serves, and stops on SIGINT', async () => {
    const r = await runMock(['--provider', 'iflytek'], 'SIGINT', async (url) => {
      expect((await observe(url)).status).toBe(401)
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/URL +ws:\/\/127\.0\.0\.1:\d+\/v2\/iat/)
    expect(r.stdout).toContain('IFLYTEK_API_SECRET')
    // The table masks the demo values; the Try line carries them (fixed, public, accepted only by the
    // emulator) so that it works when pasted.
    const table = r.stdout.slice(0, r.stdout.indexOf('Try:'))
    for (const v of [demo.apiKey!, demo.apiSecret!]) expect(table).not.toContain(v)
    expect(r.stdout).toContain(`IFLYTEK_API_SECRET=${demo.apiSecret}`)
    expect(r.stderr).toContain('stopped')
    expect(r.stderr).toMatch(/GET \/v2\/iat → 401 \{"message":"Unauthorized"\}/)
  })

  it('--print-env --json prints one document with the export lines and returns', async () => {
    const r = await runMock(
      ['--provider', 'iflytek', '--service', 'iat', '--scenario', 'clock-skew', '--print-env', '--json'],
      'SIGTERM',
    )
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as MockInfo
    expect(doc.provider).toBe('iflytek')
    expect(doc.env).toContain(`export IFLYTEK_API_SECRET=${demo.apiSecret}`)
  })

  it('an unknown scenario is a usage error (exit 2) naming the scenarios', async () => {
    const r = await runMock(['--provider', 'iflytek', '--service', 'iat', '--scenario', 'nope'], 'SIGINT')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('clock-skew')
  })
})

describe('render', () => {
  it('logs a request by path only: the signed query never reaches the terminal', () => {
    const line = renderRequestLine({
      at: 0,
      listener: 'main',
      method: 'GET',
      url: '/v2/iat?authorization=c2VjcmV0&date=x',
      status: 401,
      answer: '{"message":"HMAC signature does not match"}',
    })
    expect(line).toBe('00:00:00 GET /v2/iat → 401 {"message":"HMAC signature does not match"}')
  })

  it('masks a demo value to a hint of at most four characters and its length', () => {
    expect(maskHint('apidx-demo-apikey-00000000000000', true)).toBe('apid… (32 chars, secret, demo)')
    expect(maskHint('abc', false)).toBe('… (3 chars, demo)')
  })

  it('shows the export lines only when given, and the CA state for TLS', () => {
    const info: MockInfo = {
      provider: 'iflytek',
      service: 'iat',
      version: 'v2',
      protocol: 'websocket',
      url: 'wss://127.0.0.1:1/v2/iat',
      scenario: { id: 'tls-self-signed', description: 'd', expect: 'tls/untrusted-certificate' },
      tls: { servername: 'mock.apidx.test', trusted: false },
      credentials: [
        { name: 'apiKey', env: 'IFLYTEK_API_KEY', secret: true, hint: 'apid… (32 chars, secret, demo)' },
      ],
      tryCommand: 'apidx check …',
    }
    const text = renderMock(info)
    expect(text).toContain('self-signed on purpose')
    expect(text).toContain('--print-env prints them')
    expect(text).not.toMatch(/^export /m)
    expect(renderMock({ ...info, env: ['export IFLYTEK_API_KEY=x'] })).toContain('export IFLYTEK_API_KEY=x')
  })
})
