// `apidx doctor`: the environment every check runs in, in one report — Node, proxies, CA variables,
// DNS, IPv6, the clock, and each provider's credential variables (masked) with hygiene findings.
import { packEndpoints, caCheck, credentialCheck, nodeCheck, proxyTable } from './environment.js'
import { clockCheck, dnsCheck, proxyReachability } from './network.js'
import type { DoctorOptions, DoctorReport } from './types.js'

/** The smallest clock skew any of the packs' auth schemes allows (300 s when none says). */
function maxSkew(opts: DoctorOptions): number {
  const limits = opts.packs.flatMap((p) =>
    Object.values(p.auth).flatMap((a) => (a.maxSkewSeconds !== undefined ? [a.maxSkewSeconds] : [])),
  )
  return limits.length ? Math.min(...limits) : 300
}

export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const node = nodeCheck(opts.nodeVersion ?? process.version)
  const ca = caCheck(opts.env)
  const proxies = proxyTable(opts)
  const creds = credentialCheck(opts)
  const findings = [...node.findings, ...ca.findings]
  let clock: DoctorReport['clock'] = null
  if (!opts.offline) {
    findings.push(...(await proxyReachability(opts, proxies)))
    findings.push(...(await dnsCheck(opts)))
    const first = opts.packs.flatMap(packEndpoints)[0]
    const clockUrl = opts.clockUrl ?? first?.toString()
    if (clockUrl) {
      const c = await clockCheck(opts, clockUrl, maxSkew(opts))
      clock = c.clock
      findings.push(...c.findings)
    }
  }
  findings.push(...creds.findings)
  return {
    schemaVersion: '1',
    ok: !findings.some((f) => f.severity === 'error'),
    node: node.node,
    proxies,
    caVariables: ca.caVariables,
    clock,
    providers: creds.providers,
    findings,
  }
}
