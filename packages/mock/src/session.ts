// startSession: the emulator plus the client side of its scenario, ready for the check engine. Both
// `apidx check --mock` and PackTester run a check this way, so a pack tested is a pack checked.
import type { ProviderPack, RunOptions, Target } from '@apidx/core'
import { CONTROL_HOST, resolveTarget } from '@apidx/core'
import { clientCredentials, demoCredentials } from './credentials.js'
import { dropVersion } from './paths.js'
import { findScenario } from './scenarios.js'
import { startMock } from './server.js'
import type { GatewayReply } from './types.js'

export interface SessionOptions {
  pack: ProviderPack
  /** The service; the pack's first when absent. */
  service?: string
  /** The version; the service's default when absent. */
  version?: string
  /** A scenario id (`vendor-error:<code>` included); healthy when absent. */
  scenario?: string
  /** Answer every request on the served path with this rejection (replaying a handshake rule). */
  reply?: GatewayReply
  /** Serve TLS with the emulator's own test CA, like the real wss:// and https:// endpoints (default true). */
  tls?: boolean
}

/** What the check engine needs to run against the emulator, and how to stop it. */
export interface MockSession {
  /** The target with the emulator's loopback URL as its endpoint (scenario's client part applied). */
  target: Target
  /** The credentials the scenario's client signs with. */
  credentials: Record<string, string>
  /** Engine options: the test CA and server name to trust, or the resolver that answers NXDOMAIN. */
  options: Partial<RunOptions>
  /** The scenario id played (for the report's `mock` field). */
  scenario: string
  /** The root cause a correct diagnosis names for this scenario on this target; null when healthy. */
  expect: string | null
  close(): Promise<void>
}

/**
 * A resolver that answers NXDOMAIN for the vendor's name, as the dns-not-found scenario's client sees
 * it; the control name still resolves (to TEST-NET-1, never dialled), since the resolver itself works.
 */
export const notFoundResolver = async (hostname: string): Promise<{ address: string; family: number }> => {
  if (hostname === CONTROL_HOST) return { address: '192.0.2.1', family: 4 }
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
}

/**
 * Starts the emulator on a free loopback port and applies the scenario's client side: the credentials
 * it signs with, a dropped version segment, another scheme, a resolver that answers NXDOMAIN.
 */
export async function startSession(options: SessionOptions): Promise<MockSession> {
  const { pack } = options
  const wanted = resolveTarget(pack, {
    ...(options.service ? { service: options.service } : {}),
    ...(options.version ? { version: options.version } : {}),
  })
  const scenario = findScenario(options.scenario)
  const server = await startMock({
    pack,
    service: wanted.serviceId,
    version: wanted.versionId,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ...(options.reply ? { reply: options.reply } : {}),
    tls: options.tls ?? true,
  })
  try {
    const client = server.scenario.client ?? {}
    const url = new URL(server.url)
    if (client.path === 'drop-version') url.pathname = dropVersion(url.pathname)
    else if (client.path) url.pathname = client.path
    const endpoint = client.scheme ? url.toString().replace(/^[a-z]+:/, `${client.scheme}:`) : url.toString()
    const engine: Partial<RunOptions> = {
      ...(server.ca || server.servername
        ? {
            tls: {
              ...(server.ca ? { ca: server.ca } : {}),
              ...(server.servername ? { servername: server.servername } : {}),
            },
          }
        : {}),
      ...(client.resolver === 'not-found' ? { resolver: notFoundResolver } : {}),
    }
    return {
      target: resolveTarget(pack, { service: wanted.serviceId, version: wanted.versionId, endpoint }),
      credentials: clientCredentials(pack, scenario, demoCredentials(pack), wanted.version.auth),
      options: engine,
      scenario: options.scenario ?? 'healthy',
      expect: server.scenario.expect,
      close: () => server.close(),
    }
  } catch (err) {
    await server.close()
    throw err
  }
}
