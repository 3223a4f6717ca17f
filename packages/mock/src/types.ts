// The emulator's public contract: what a test or `apidx check --mock` passes in and gets back.
import type { ProviderPack } from '@apidx/core'

/** What to emulate: one service version of a pack, healthy or with one fault of the matrix. */
export interface MockOptions {
  /** The pack whose vendor is emulated. */
  pack: ProviderPack
  /** The service to serve; the pack's only service when absent. */
  service?: string
  /** The version to serve; the service's `defaultVersion` when absent. Served at the same path as the pack's URL. */
  version?: string
  /** A scenario id of {@link scenarios} (`vendor-error:<code>` picks a code); `healthy` when absent. */
  scenario?: string
  /** Serve https/wss with a generated certificate (the tls-* and wrong-scheme scenarios always do). */
  tls?: boolean
  /** The loopback address to bind; `127.0.0.1` when absent. Only loopback addresses are accepted. */
  host?: string
  /** The port to bind; 0 (a free port) when absent. */
  port?: number
  /** The credentials the emulated vendor knows; {@link demoCredentials} when absent. */
  credentials?: Record<string, string>
  /** The clock of the emulated vendor (ms since the epoch); `Date.now` when absent. */
  clock?: () => number
  /**
   * Answer every request that reaches the right path with this rejection instead of playing the
   * scenario: how PackTester replays a pack's handshake rules (a documented 401 or 403 body).
   */
  reply?: GatewayReply
  /** Called when the emulator answers a request (its status and body are on the record): a log. */
  onRequest?: (request: RecordedRequest) => void
}

/** A fixed answer of the gateway: status and body exactly as the vendor sends them. */
export interface GatewayReply {
  status: number
  body: string
  /** Extra headers; the Content-Type is guessed from the body when absent. */
  headers?: Record<string, string>
}

/** One request that reached a listener of the emulator (recorded before any check). */
export interface RecordedRequest {
  /** Which listener received it: the served endpoint, or the other host a `redirect` points to. */
  listener: 'main' | 'redirect-target'
  method: string
  /** The request target as sent: path and query. */
  url: string
  headers: Record<string, string | string[] | undefined>
  /** Server clock (ms) when the request head arrived. */
  at: number
  /** The status the emulator answered (101 for an accepted upgrade); absent while unanswered (held). */
  status?: number
  /** The start of the body it answered with, for rejections. */
  answer?: string
}

/** A running emulator. */
export interface MockServer {
  /** The loopback URL of the served version (scheme per pack and TLS, the pack's path, no auth query). */
  url: string
  host: string
  port: number
  /** PEM of the test CA the client must trust; absent when no TLS, and for `tls-self-signed` (which must stay untrusted). */
  ca?: string
  /** The host name the certificate is for: the client sends it as SNI and verifies the certificate against it. */
  servername?: string
  /** The scenario being served, as played for the served version (its `client` part in that version's protocol). */
  scenario: Scenario
  /** Every request that arrived, in order (capped at {@link MAX_RECORDED} entries). */
  requests: RecordedRequest[]
  /** Stops every listener and terminates every connection, held ones included. */
  close(): Promise<void>
}

/** What the client side of a scenario does differently from a healthy client. */
export interface ScenarioClient {
  /** Credentials the client uses instead of the demo ones. */
  credentials?: 'wrong-secret' | 'unknown-key' | 'none'
  /** `drop-version` removes the version segment from the path (`/v2/iat` → `/iat`); any other string replaces the path. */
  path?: 'drop-version' | string
  /** The URL scheme the client uses instead of the served one. */
  scheme?: 'ws' | 'wss' | 'http' | 'https'
  /** `not-found`: the client's resolver answers NXDOMAIN for the URL's host (inject it; no real DNS). */
  resolver?: 'not-found'
  /** `refused`: nothing listens at `url`. */
  target?: 'refused'
}

/** One fault of the matrix (issue 4), as data. */
export interface Scenario {
  /** Public id: `apidx mock --scenario <id>`, `apidx check --mock <id>`. */
  id: string
  /** What the emulator (or the client) does, in one sentence. */
  description: string
  /** The finding code `apidx check` must report as root cause; null for a healthy run. */
  expect: string | null
  /** The client's part of the fault, when the fault is on the client's side. */
  client?: ScenarioClient
  /** For `vendor-error:<code>`: the vendor code to send. */
  vendorCode?: string
  /** For `vendor-error:<code>#<n>`: send the message of the entry's `byMessage/<n>` meaning. */
  vendorVariant?: number
}

/** Most requests kept in {@link MockServer.requests}; later ones are not recorded. */
export const MAX_RECORDED = 1000
