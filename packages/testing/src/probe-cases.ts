// The shapes of a ProbeTester suite: its cases (where the chain connects, as whom and when, and what
// the probe must find), the spec that gathers them, and the results.
import type { Probe, ProviderPack, Severity } from '@apidx/core'
import type { FixtureReply, FixtureTls } from './fixture-server.js'

/** One case: where the chain connects, as whom and when, and (for an invalid case) what the probe must find. */
export interface ProbeCase {
  name: string
  /** Another pack than the suite's, for a case only that vendor's facts can play. */
  pack?: ProviderPack | string | URL
  /** The pack's service and version (defaults: the first service, its default version). */
  service?: string
  version?: string
  /** An emulator scenario (`@apidx/mock`: `clock-skew`, `vendor-error:10165`, …) … */
  scenario?: string
  /** … or a fixture server's reply, for an answer the emulator does not play. */
  reply?: FixtureReply
  /** The fixture's certificate (wss://, https://); plain ws:// or http:// on loopback when absent. */
  tls?: FixtureTls
  /** The path (and query) requested from the fixture; the version URL's own by default. */
  path?: string
  /** The fixture's URL names a host (`fixture.apidx.test`) that does not resolve, whose lookup never answers, or no name resolves at all. */
  resolve?: 'not-found' | 'hang' | 'no-resolver'
  /** The scheme the client dials the fixture with (default: wss/https with tls, else ws/http); `wss` to a plain fixture fails TLS. */
  scheme?: 'ws' | 'wss' | 'http' | 'https'
  /** The credentials the client signs with (default: the emulator's demo ones); `{}` for none. */
  credentials?: Record<string, string>
  /** The local clock's distance from the real time, in ms (negative: the machine is behind). */
  clockOffsetMs?: number
  /** The local clock stands still at this instant. */
  now?: number | string
}

/** A finding an invalid case expects from the probe, in the order it reports them. */
export interface ExpectedFinding {
  code: string
  severity?: Severity
  messageIncludes?: string
  fixIncludes?: string
}

export interface InvalidProbeCase extends ProbeCase {
  findings: ExpectedFinding[]
}

export interface ProbeTestSpec {
  /** The pack the cases run against: a pack object or the path of a pack.json. */
  pack: ProviderPack | string | URL
  /** The service (and version) of cases that do not name one (nor another pack); the pack's first service by default. */
  service?: string
  version?: string
  valid?: ProbeCase[]
  invalid?: InvalidProbeCase[]
  /** The probes of the chain around this one (default: the built-in ones; one with the same id is replaced). */
  chain?: readonly Probe[]
  /** Declared codes no case can reach yet, each with the reason; the coverage test names them. */
  untested?: Record<string, string>
  /** Base deadline per phase, ms (default 2000): loopback answers at once, a hang should fail fast. */
  timeoutMs?: number
}

/** A probe test that failed: the message says what differs. */
export class ProbeTestFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProbeTestFailure'
  }
}

export interface PlannedProbeTest {
  group: 'probe' | 'valid' | 'invalid'
  name: string
  run(): Promise<void>
}

export interface ProbeTestResult {
  group: PlannedProbeTest['group']
  name: string
  ok: boolean
  message?: string
}
