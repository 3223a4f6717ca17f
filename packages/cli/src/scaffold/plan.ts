// What a scaffolded script needs to know, taken from the pack once: the endpoint, the request, the
// credentials by environment variable, the auth scheme with its parameters, and how a response says
// "error" or "done". The generators for each language only lay this out.
import { resolveTarget, schemeFor, type AuthScheme, type ProviderPack, type Target } from '@apidx/core'

export interface ScriptPlan {
  provider: string
  service: string
  version: string
  url: string
  protocol: 'websocket' | 'http'
  credentials: Record<string, { env: string; secret: boolean; optional: boolean }>
  request: { method: string; headers: Record<string, string>; query: Record<string, string>; body?: unknown }
  frames: unknown[]
  auth: { id: string; params: Record<string, string> } | null
  response: {
    errorCode?: string
    okCodes: (string | number)[]
    end?: { pointer: string; equals: unknown }
    serverCloses: boolean
  }
}

/** The plan of a script for one service version. Throws ApidxError ERR_TARGET for an unknown one. */
export function planScript(pack: ProviderPack, service: string, version?: string): ScriptPlan {
  const target = resolveTarget(pack, { service, ...(version ? { version } : {}) })
  const v = target.version
  const probe = v.probe ?? {}
  return {
    provider: pack.id,
    service: target.serviceId,
    version: target.versionId,
    url: v.url,
    protocol: v.protocol === 'websocket' ? 'websocket' : 'http',
    credentials: credentialsOf(pack, target),
    request: {
      method: v.method ?? 'GET',
      headers: requestHeaders(probe),
      query: { ...(v.query ?? {}) },
      ...(probe.body !== undefined ? { body: probe.body } : {}),
    },
    frames: probe.frames ?? [],
    auth: v.auth ? { id: v.auth, params: schemeFor(pack, target).params } : null,
    response: responseFacts(v.response),
  }
}

/** The scheme the plan signs with, or null for a version without auth. */
export function planScheme(pack: ProviderPack, plan: ScriptPlan): AuthScheme | null {
  return plan.auth ? pack.auth[plan.auth.id]! : null
}

function credentialsOf(pack: ProviderPack, target: Target): ScriptPlan['credentials'] {
  const text = JSON.stringify([target.version.auth ? pack.auth[target.version.auth] : {}, target.version])
  const out: ScriptPlan['credentials'] = {}
  for (const [name, c] of Object.entries(pack.credentials)) {
    if (!text.includes(`{cred.${name}}`)) continue
    out[name] = { env: c.env, secret: Boolean(c.secret), optional: Boolean(c.optional) }
  }
  return out
}

function requestHeaders(probe: { headers?: Record<string, string>; body?: unknown }): Record<string, string> {
  const headers = { ...(probe.headers ?? {}) }
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  if (probe.body !== undefined && !hasType) headers['content-type'] = 'application/json'
  return headers
}

type Response = NonNullable<Target['version']['response']>

function responseFacts(r: Response | undefined): ScriptPlan['response'] {
  if (!r || r.format !== 'json') return { okCodes: [], serverCloses: Boolean(r?.end?.serverCloses) }
  return {
    ...(r.errorCode ? { errorCode: r.errorCode } : {}),
    okCodes: r.okCodes ?? [],
    ...(r.end?.pointer !== undefined ? { end: { pointer: r.end.pointer, equals: r.end.equals } } : {}),
    serverCloses: Boolean(r.end?.serverCloses),
  }
}
