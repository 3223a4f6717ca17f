// The shape of `apidx doctor`'s answer: the environment a check would run in, each problem with its fix.
import type { Resolver, TlsOptions } from '../engine/socket.js'
import type { ProviderPack } from '../generated/index.js'
import type { ProxyChoice } from '../proxy/choose.js'

/** Which part of the environment a finding is about. */
export type DoctorArea = 'node' | 'proxy' | 'ca' | 'dns' | 'ipv6' | 'clock' | 'credentials'

export interface DoctorFinding {
  code: string
  severity: 'error' | 'warning' | 'info'
  area: DoctorArea
  message: string
  fix: string | null
  data: Record<string, unknown>
}

export interface DoctorOptions {
  /** The packs to look at (one with --provider, else every installed one). */
  packs: ProviderPack[]
  /** The environment: credential, proxy and CA variables are read from here. */
  env: Record<string, string | undefined>
  /** --proxy / --no-proxy; the environment's proxy variables apply otherwise. */
  proxy?: Omit<ProxyChoice, 'env'>
  resolver?: Resolver
  tls?: TlsOptions
  /** The URL whose `Date` the local clock is compared with; the first pack's first endpoint when absent. */
  clockUrl?: string
  /** Skip the network checks (proxy reachability, DNS, IPv6, clock). */
  offline?: boolean
  timeoutMs?: number
  nodeVersion?: string
  now?: () => number
}

/** One credential variable of a provider, as doctor shows it (masked). */
export interface DoctorCredential {
  name: string
  env: string
  set: boolean
  secret: boolean
  /** The value masked (a secret only as its length); null when unset. */
  masked: string | null
}

export interface DoctorReport {
  schemaVersion: '1'
  /** False when any finding is an error. */
  ok: boolean
  node: { version: string; supported: boolean }
  /** The proxy each pack host's connection would use. */
  proxies: { provider: string; url: string; proxy: string | null; source: string | null }[]
  caVariables: Record<string, string | null>
  clock: { url: string; offsetSeconds: number; maxSkewSeconds: number } | null
  providers: { id: string; name: string; credentials: DoctorCredential[] }[]
  findings: DoctorFinding[]
}
