// The network half of `apidx doctor`: does each proxy answer, does DNS work, does one address family
// fail, and how far is the local clock from a server's Date (through the proxy the host would use).
import { deadlinesFor } from '../engine/deadlines.js'
import { httpExchange } from '../engine/http-client.js'
import { CONTROL_HOST, openSocket, systemResolver } from '../engine/socket.js'
import { chooseProxy } from '../proxy/choose.js'
import type { DoctorFinding, DoctorOptions, DoctorReport } from './types.js'

const PROXY_CODES: Record<string, string> = { refused: 'proxy/refused', timeout: 'proxy/timeout' }

/** Opens (and closes) a TCP connection to every distinct proxy in the table. */
export async function proxyReachability(
  opts: DoctorOptions,
  proxies: DoctorReport['proxies'],
): Promise<DoctorFinding[]> {
  const deadlines = deadlinesFor(opts.timeoutMs)
  const findings: DoctorFinding[] = []
  const seen = new Set<string>()
  for (const row of proxies) {
    if (!row.proxy || seen.has(row.proxy)) continue
    seen.add(row.proxy)
    const chosen = chooseProxy(new URL(row.url), { ...(opts.proxy ?? {}), env: opts.env })
    if (!chosen || chosen.unsupported) continue
    const url = new URL(`http://${chosen.url.host}/`)
    const opened = await openSocket(
      { url, deadlines, ...(opts.resolver ? { resolver: opts.resolver } : {}) },
      { total: 0 },
      () => 0,
    )
    if (opened.ok) {
      opened.value.socket.destroy()
      continue
    }
    const f = opened.failure
    findings.push({
      code: PROXY_CODES[f.kind] ?? 'proxy/unreachable',
      severity: 'error',
      area: 'proxy',
      message: `The proxy ${chosen.shown} (from ${chosen.source}) does not answer: ${f.message}`,
      fix: `Check the proxy address with your network admin, or unset ${chosen.source === '--proxy' ? 'the --proxy flag' : chosen.source} if this network needs no proxy.`,
      data: { proxy: chosen.shown, source: chosen.source, code: f.code },
    })
  }
  return findings
}

/** A control lookup: does any name resolve on this machine? */
export async function dnsCheck(opts: DoctorOptions): Promise<DoctorFinding[]> {
  const resolver = opts.resolver ?? systemResolver
  const ms = deadlinesFor(opts.timeoutMs).dns
  const ok = await Promise.race([
    resolver(CONTROL_HOST).then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
  ])
  return ok
    ? []
    : [
        {
          code: 'dns/no-resolver',
          severity: 'error',
          area: 'dns',
          message: `${CONTROL_HOST} does not resolve: no DNS resolver answers on this machine.`,
          fix: 'Check the network connection and DNS servers (/etc/resolv.conf, VPN); behind a corporate proxy, set HTTPS_PROXY so that the proxy resolves names.',
          data: { control: CONTROL_HOST },
        },
      ]
}

/** One request to `clockUrl` (through its proxy): the address families and the server's Date against the local clock. */
export async function clockCheck(
  opts: DoctorOptions,
  clockUrl: string,
  maxSkewSeconds: number,
): Promise<{ clock: DoctorReport['clock']; findings: DoctorFinding[] }> {
  const url = new URL(clockUrl.replace(/^ws/, 'http'))
  const now = opts.now ?? (() => Date.now())
  const ex = await httpExchange({
    url,
    method: 'HEAD',
    deadlines: deadlinesFor(opts.timeoutMs),
    clock: { now },
    signed: false,
    proxy: chooseProxy(url, { ...(opts.proxy ?? {}), env: opts.env }),
    ...(opts.resolver ? { resolver: opts.resolver } : {}),
    ...(opts.tls ?? {}),
  })
  const findings: DoctorFinding[] = []
  if (ex.familyFailure) {
    const ff = ex.familyFailure
    findings.push({
      code: 'tcp/ipv6-unreachable',
      severity: 'warning',
      area: 'ipv6',
      message: `${url.hostname}: IPv${ff.family} ${ff.ip} failed (${ff.failure.code ?? ff.failure.kind}) while IPv${ff.family === 6 ? 4 : 6} worked.`,
      fix: 'Run Node with --dns-result-order=ipv4first, or keep autoSelectFamily on (the Node 20 default); or fix the route.',
      data: { host: url.hostname, family: ff.family, failedAddress: ff.ip },
    })
  }
  const date = ex.response?.headers.date
  const server = date ? Date.parse(date) : NaN
  if (!ex.response || !Number.isFinite(server)) {
    findings.push({
      code: 'env/clock-unchecked',
      severity: 'warning',
      area: 'clock',
      message: `No Date from ${url.host} to compare the clock with (${ex.failure?.message ?? 'no Date header'}).`,
      fix: 'Run apidx check against the vendor to see why the host cannot be reached.',
      data: { url: `${url.protocol}//${url.host}` },
    })
    return { clock: null, findings }
  }
  // The Date has one-second resolution: only a skew beyond a second is meaningful.
  const offsetSeconds = Math.round((ex.response.receivedAt - server) / 1000)
  if (Math.abs(offsetSeconds) > maxSkewSeconds)
    findings.push({
      code: 'clock/skew',
      severity: 'error',
      area: 'clock',
      message: `The local clock is ${Math.abs(offsetSeconds)} s ${offsetSeconds > 0 ? 'ahead of' : 'behind'} ${url.host} (signatures allow ${maxSkewSeconds} s).`,
      fix: 'Synchronise the clock (timedatectl set-ntp true, or the OS time settings).',
      data: { offsetSeconds, maxSkewSeconds },
    })
  return { clock: { url: `${url.protocol}//${url.host}`, offsetSeconds, maxSkewSeconds }, findings }
}
