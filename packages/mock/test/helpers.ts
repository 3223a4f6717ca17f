// Test helpers for the emulator: the real iFlytek pack, independent signers (reference A2.1 and
// A2.3, a few lines of node:crypto each) and a ws client that records everything the server does.
import { createHash, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import type { ProviderPack } from '@apidx/core'

export const iflytek = JSON.parse(
  readFileSync(new URL('../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack

/** Signs a v2 WebAPI URL (host, date, request line; HMAC-SHA256 with the secret; base64 twice). */
export function signV2(
  url: string,
  apiKey: string,
  apiSecret: string,
  date = new Date().toUTCString(),
): string {
  const u = new URL(url)
  const origin = `host: ${u.hostname}\ndate: ${date}\nGET ${u.pathname} HTTP/1.1`
  const signature = createHmac('sha256', apiSecret).update(origin).digest('base64')
  const authorization = Buffer.from(
    `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64')
  u.search = new URLSearchParams({ authorization, date, host: u.hostname }).toString()
  return u.toString()
}

/** Signs an rtasr URL (reference A2.3): signa = base64(HmacSHA1(key=apiKey, md5hex(appid + ts))). */
export function signRtasr(
  url: string,
  appId: string,
  apiKey: string,
  ts = Math.floor(Date.now() / 1000),
): string {
  const u = new URL(url)
  const md5 = createHash('md5').update(`${appId}${ts}`).digest('hex')
  const signa = createHmac('sha1', apiKey).update(md5).digest('base64')
  u.search = new URLSearchParams({ appid: appId, ts: String(ts), signa }).toString()
  return u.toString()
}

/** Everything a client observed: a rejection's status, headers and body, or the frames and close. */
export interface Observed {
  status?: number
  headers?: Record<string, string | string[] | undefined>
  body?: string
  opened: boolean
  frames: string[]
  close?: { code: number; reason: string }
  error?: string
}

export interface ConnectOptions {
  ca?: string
  servername?: string
  /** Frames sent after open, in order. */
  send?: (string | Buffer)[]
  /** Resolve after this long even if the server keeps the connection (ms). */
  waitMs?: number
}

/** Opens a WebSocket, sends frames, and records what happens until close or `waitMs`. */
export function observe(url: string, opts: ConnectOptions = {}): Promise<Observed> {
  return new Promise((resolve) => {
    const seen: Observed = { opened: false, frames: [] }
    const ws = new WebSocket(url, {
      ...(opts.ca ? { ca: opts.ca } : {}),
      ...(opts.servername ? { servername: opts.servername } : {}),
      handshakeTimeout: 5000,
    })
    const done = () => {
      clearTimeout(t)
      ws.terminate()
      resolve(seen)
    }
    const t = setTimeout(done, opts.waitMs ?? 3000)
    ws.on('upgrade', (res) => {
      seen.status = res.statusCode
      seen.headers = res.headers
    })
    ws.on('unexpected-response', (_req, res) => {
      seen.status = res.statusCode
      seen.headers = res.headers
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString('utf8')))
      res.on('end', () => {
        seen.body = body
        done()
      })
    })
    ws.on('open', () => {
      seen.opened = true
      for (const f of opts.send ?? []) ws.send(f)
    })
    ws.on('message', (data) => seen.frames.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data)))
    ws.on('close', (code, reason) => {
      seen.close = { code, reason: reason.toString('utf8') }
      done()
    })
    ws.on('error', (err: Error & { code?: string }) => {
      seen.error = err.code ?? err.message
      done()
    })
  })
}

/** The iat probe frames of the pack: first audio frame (status 0) and the end frame (status 2). */
export const iatFrames = [
  JSON.stringify({
    common: { app_id: 'x' },
    business: { language: 'zh_cn', domain: 'iat', accent: 'mandarin' },
    data: { status: 0, format: 'audio/L16;rate=16000', encoding: 'raw', audio: 'AAAA' },
  }),
  JSON.stringify({ data: { status: 2 } }),
]
