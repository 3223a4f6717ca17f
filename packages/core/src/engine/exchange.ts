// The result of the one real connection of a run: every phase's timing, the failure (phase and
// safe reason) if any, the response head and capped body, the frames and the close. Probes only
// read this; none of them reconnects (DESIGN §5).
import type { Timings } from '../generated/index.js'
import type { NetFailure } from './safe-error.js'

/** Milliseconds per phase; a phase not reached is absent. The report's Timings, one type. */
export type PhaseTimings = Timings

/** What the TLS handshake showed about the server's certificate. */
export interface TlsInfo {
  protocol: string | null
  authorized: boolean
  subject?: string
  issuer?: string
  validFrom?: string
  validTo?: string
  altNames?: string
  /** SHA-256 fingerprint of the peer certificate (colon-separated hex). */
  fingerprint256?: string
}

/** The proxy hop of a proxied connection: its own link, with its address and times. */
export interface ProxyHop {
  /** The proxy URL as it may be shown (password masked). */
  shown: string
  /** Where the proxy came from: `--proxy` or the variable's name. */
  source: string
  /** The authority asked for in CONNECT (host:port). */
  authority: string
  address?: { ip: string; family: number; port: number }
  timings: { dns?: number; tcp?: number; connect?: number }
  /** The proxy's answer to CONNECT. */
  status?: number
  /** The scheme of a 407's Proxy-Authenticate header. */
  authenticate?: string
  /** True when the proxy URL carried credentials (never the credentials). */
  withCredentials: boolean
  /** Why the proxy hop failed; absent when the tunnel opened. */
  failure?: NetFailure
}

/** The response head and (capped) body of an HTTP response or a rejected WebSocket upgrade. */
export interface ResponseHead {
  status: number
  headers: Record<string, string>
  /** The body as text, at most MAX_BODY_BYTES. */
  body: string
  bodyTruncated: boolean
  /** Local wall-clock time (ms since epoch) the head arrived, for the clock probe. */
  receivedAt: number
}

/** One WebSocket frame received. */
export interface ReceivedFrame {
  /** ms since the upgrade. */
  at: number
  binary: boolean
  /** The frame as UTF-8 text (binary frames too, for format checks). */
  text: string
  /** The bytes of a binary frame (for framings such as AWS event-stream). */
  bytes?: Buffer
  size: number
}

/** How the WebSocket connection closed. */
export interface CloseInfo {
  code: number
  reason: string
  /** Who closed: the server, or apidx at the end of the stream / a deadline. */
  by: 'server' | 'client'
  /** ms since the upgrade. */
  at: number
}

/** The outcome of the one connection. */
export interface Exchange {
  protocol: 'websocket' | 'http'
  /** The resolved address, when DNS succeeded. */
  address?: { ip: string; family: number; port: number }
  timings: PhaseTimings
  /** The phase that failed, if one did. A rejected upgrade is not a failure: it is `response`. */
  failure?: NetFailure
  tls?: TlsInfo
  /** The proxy the connection went through, when one did. */
  proxy?: ProxyHop
  /** Every address DNS gave for the host. */
  addresses?: { ip: string; family: number }[]
  /** An address family that failed while the other worked (IPv6 timing out where IPv4 answers). */
  familyFailure?: { family: number; ip: string; failure: NetFailure }
  /** The name the certificate was checked against (the URL's host, or the servername given). */
  tlsName?: string
  /** The HTTP response, or the answer to the upgrade request when it was not 101. */
  response?: ResponseHead
  /** True when the WebSocket upgrade succeeded. */
  upgraded: boolean
  /** Headers of the 101 answer (for its Date), when upgraded. */
  upgradeHeaders?: Record<string, string>
  frames: ReceivedFrame[]
  close?: CloseInfo
  /** True when the request carried a signature. */
  signed: boolean
  /** Local wall-clock time (ms since epoch) the request was sent. */
  sentAt?: number
}

/** An exchange that failed before anything was sent. */
export function emptyExchange(protocol: 'websocket' | 'http', signed: boolean): Exchange {
  return { protocol, timings: { total: 0 }, upgraded: false, frames: [], signed }
}
