// The offline half of `apidx doctor`: Node's version, the CA variables, the proxy each pack host
// would use, and each provider's credential variables (masked) with their hygiene findings.
import { existsSync } from 'node:fs'
import { credentialHygiene, maskCredential } from '../credentials/hygiene.js'
import { readCredentials } from '../credentials.js'
import type { ProviderPack } from '../generated/index.js'
import { chooseProxy } from '../proxy/choose.js'
import type { DoctorFinding, DoctorOptions, DoctorReport } from './types.js'

/** The oldest Node apidx supports (package.json engines). */
const MIN_NODE = [20, 19]

export function nodeCheck(version: string): { node: DoctorReport['node']; findings: DoctorFinding[] } {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number)
  const supported = major > MIN_NODE[0]! || (major === MIN_NODE[0] && minor >= MIN_NODE[1]!)
  return {
    node: { version, supported },
    findings: supported
      ? []
      : [
          {
            code: 'env/node-unsupported',
            severity: 'error',
            area: 'node',
            message: `Node ${version} is older than ${MIN_NODE.join('.')}, the oldest apidx supports.`,
            fix: 'Install Node 20.19 or later (nvm install 20).',
            data: { version },
          },
        ],
  }
}

/** Variables that change which certificates Node trusts. */
const CA_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'NODE_TLS_REJECT_UNAUTHORIZED'] as const

export function caCheck(env: DoctorOptions['env']): {
  caVariables: Record<string, string | null>
  findings: DoctorFinding[]
} {
  const caVariables = Object.fromEntries(CA_VARIABLES.map((v) => [v, env[v] ?? null]))
  const findings: DoctorFinding[] = []
  for (const v of ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE'] as const) {
    const file = env[v]
    if (file && !existsSync(file))
      findings.push({
        code: 'env/ca-file-missing',
        severity: 'error',
        area: 'ca',
        message: `${v} names ${file}, which does not exist: Node ignores it, so a corporate CA is not trusted.`,
        fix: `Point ${v} at the PEM file of your proxy's CA (ask IT), or unset it.`,
        data: { variable: v, file },
      })
  }
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0')
    findings.push({
      code: 'env/tls-verification-off',
      severity: 'warning',
      area: 'ca',
      message:
        'NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate verification off for every Node program here: an interceptor would go unnoticed.',
      fix: "Unset it; trust the proxy's CA with NODE_EXTRA_CA_CERTS instead.",
      data: {},
    })
  return { caVariables, findings }
}

/** Every documented endpoint of a pack (one per host). */
export function packEndpoints(pack: ProviderPack): URL[] {
  const byHost = new Map<string, URL>()
  for (const service of Object.values(pack.services))
    for (const version of Object.values(service.versions)) {
      const url = new URL(version.url)
      if (!byHost.has(url.hostname) && !url.hostname.includes('{')) byHost.set(url.hostname, url)
    }
  return [...byHost.values()]
}

export function proxyTable(opts: DoctorOptions): DoctorReport['proxies'] {
  return opts.packs.flatMap((pack) =>
    packEndpoints(pack).map((url) => {
      const chosen = chooseProxy(url, { ...(opts.proxy ?? {}), env: opts.env })
      return {
        provider: pack.id,
        url: `${url.protocol}//${url.host}`,
        proxy: chosen ? chosen.shown : null,
        source: chosen ? chosen.source : null,
      }
    }),
  )
}

export function credentialCheck(opts: DoctorOptions): {
  providers: DoctorReport['providers']
  findings: DoctorFinding[]
} {
  const findings: DoctorFinding[] = []
  const providers = opts.packs.map((pack) => {
    const { values, missing } = readCredentials(pack, opts.env)
    const credentials = Object.entries(pack.credentials).map(([name, spec]) => ({
      name,
      env: spec.env,
      set: values[name] !== undefined,
      secret: spec.secret !== false,
      masked: values[name] !== undefined ? maskCredential(values[name]!, spec.secret !== false) : null,
    }))
    for (const h of credentialHygiene(pack, values))
      findings.push({
        code: h.code,
        severity: h.severity,
        area: 'credentials',
        message: h.message,
        fix: h.fix,
        data: { provider: pack.id, ...h.data },
      })
    // Some set and some not: the user means this provider and forgot one. None set: maybe not used here.
    if (missing.length && Object.keys(values).length)
      findings.push({
        code: 'auth/missing-credentials',
        severity: opts.packs.length === 1 ? 'error' : 'warning',
        area: 'credentials',
        message: `${pack.name}: ${missing.map((m) => m.env).join(', ')} not set.`,
        fix: `Set ${missing.map((m) => m.env).join(', ')} (values from the ${pack.name} console).`,
        data: { provider: pack.id, variables: missing.map((m) => m.env) },
      })
    else if (missing.length && opts.packs.length === 1)
      findings.push({
        code: 'auth/missing-credentials',
        severity: 'error',
        area: 'credentials',
        message: `${pack.name}: no credentials set (${missing.map((m) => m.env).join(', ')}).`,
        fix: `Set ${missing.map((m) => m.env).join(', ')} (values from the ${pack.name} console).`,
        data: { provider: pack.id, variables: missing.map((m) => m.env) },
      })
    return { id: pack.id, name: pack.name, credentials }
  })
  return { providers, findings }
}
