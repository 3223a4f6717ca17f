// Builds the one request of a run from the target: which credentials the auth needs and whether they
// may be sent (host in the pack's allowlist or named by the user; TLS or loopback or explicit opt-in),
// the signed URL and headers, the probe frames with their placeholders filled, and the stream's end.
import type { ProviderPack } from '../generated/index.js'
import { hostAllowed, isLoopback } from '../pack/hosts.js'
import { fillUrlCredentials, urlCredentialNames } from '../pack/url-credentials.js'
import type { Target } from '../pack/target.js'
import type { OutgoingFrame } from './ws-client.js'
import type { CredentialView } from './types.js'
import { getPointer, tryJson } from './pointer.js'

/** Signs a request with the target's auth scheme. The core's signing engine by default. */
export type Signer = (input: {
  target: Target
  method: string
  url: URL
  headers: Record<string, string>
  body?: string
  credentials: Record<string, string>
  now: number
}) => Promise<{ url: URL; headers: Record<string, string>; secrets?: string[] }>

/** What the exchange sends. */
export interface PreparedRequest {
  url: URL
  method: string
  headers: Record<string, string>
  body?: string
  frames: OutgoingFrame[]
  endWhen: (text: string, binary?: boolean) => boolean
  serverCloses: boolean
  signed: boolean
  credentials: CredentialView
  /** Values the signer added (signatures, tokens) that must be masked wherever they reappear, e.g. echoed by a server. */
  secrets: string[]
}

/** Signed values worth masking: long, not the host, not a timestamp (those are public and would mask evidence). */
function signedValues(
  before: URL,
  after: URL,
  headersBefore: Record<string, string>,
  headersAfter: Record<string, string>,
): string[] {
  const looksPublic = (v: string) =>
    v.length < 16 ||
    v === after.hostname ||
    v === after.host ||
    Number.isFinite(Date.parse(v)) ||
    /^\d+$/.test(v)
  const out: string[] = []
  for (const [k, v] of after.searchParams)
    if (before.searchParams.get(k) !== v && !looksPublic(v)) out.push(v)
  for (const [k, v] of Object.entries(headersAfter))
    if (headersBefore[k] !== v && !looksPublic(v)) out.push(v)
  return out
}

/** Every credential a version needs: those its auth scheme and its probe request refer to as `{cred.<name>}`, in the pack's order. */
export function credentialsOf(
  pack: ProviderPack,
  schemeId: string | null | undefined,
  probe?: unknown,
): string[] {
  if (!schemeId) return []
  const text = JSON.stringify(pack.auth[schemeId] ?? {}) + JSON.stringify(probe ?? {})
  const used = new Set([...text.matchAll(/\{cred\.([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))
  return Object.keys(pack.credentials).filter((name) => used.has(name))
}

/** Decides whether credentials may go to the target's URL; returns the reason when they may not. */
export function withholdReason(target: Target, allowInsecure: boolean): string | undefined {
  const { url } = target
  if (!target.explicitEndpoint && !hostAllowed(target.pack, url.hostname)) {
    return `${url.hostname} is not one of the ${target.pack.name} hosts (${target.pack.hosts.join(', ')}), so credentials were not sent.`
  }
  const plain = url.protocol === 'ws:' || url.protocol === 'http:'
  if (plain && !isLoopback(url.hostname) && !allowInsecure) {
    return `${url.protocol}// is not encrypted, so credentials were not sent to ${url.hostname}; use ${url.protocol === 'ws:' ? 'wss' : 'https'}:// or pass --allow-insecure.`
  }
  return undefined
}

/** Fills `{cred.<name>}` in probe frame strings (JSON walked, so values are escaped correctly). */
function fill(value: unknown, creds: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{cred\.([A-Za-z0-9_]+)\}/g, (m, name: string) => creds[name] ?? m)
  if (Array.isArray(value)) return value.map((v) => fill(v, creds))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, creds)]))
  return value
}

/** The stream is over on the pack's end marker, or on a frame whose code is not a success code. */
function endCondition(target: Target): (text: string, binary?: boolean) => boolean {
  const r = target.version.response
  if (!r || r.format !== 'json') return () => false
  const ok = (r.okCodes ?? []).map(String)
  return (text, binary = false) => {
    const parsed = tryJson(text)
    // A text frame that is not JSON ends the stream: no later frame can mend it (response/not-json),
    // and waiting for the end marker would hold the run for the whole session deadline.
    if (!parsed.ok) return !binary
    if (
      r.end?.pointer !== undefined &&
      JSON.stringify(getPointer(parsed.value, r.end.pointer)) === JSON.stringify(r.end.equals)
    )
      return true
    if (r.errorCode && ok.length) {
      const code = getPointer(parsed.value, r.errorCode)
      if (code !== undefined && !ok.includes(String(code))) return true
    }
    return false
  }
}

/** Builds the request, signing it when the credentials are complete and may be sent. */
export async function prepareRequest(
  target: Target,
  credentials: Record<string, string>,
  opts: {
    allowInsecure: boolean
    signer?: Signer
    now: number
    credentialEnv?: Record<string, string>
    withhold?: { reason: string; fix: string }
  },
): Promise<PreparedRequest> {
  // The URL's own placeholders (the pack's `/asr/v2/{cred.appId}`; never an --endpoint the user wrote).
  const inUrl = target.explicitEndpoint ? [] : urlCredentialNames(target.url)
  const needed = [
    ...new Set([...credentialsOf(target.pack, target.version.auth, target.version.probe), ...inUrl]),
  ]
  const missing = needed
    .filter((name) => !credentials[name] && !target.pack.credentials[name]?.optional)
    .map((name) => ({ name, env: opts.credentialEnv?.[name] ?? target.pack.credentials[name]?.env ?? name }))
  const withheld = needed.length
    ? (withholdReason(target, opts.allowInsecure) ?? opts.withhold?.reason)
    : undefined
  const view: CredentialView = {
    complete: missing.length === 0,
    missing,
    ...(withheld ? { withheld } : {}),
    ...(withheld && withheld === opts.withhold?.reason ? { withheldFix: opts.withhold.fix } : {}),
  }
  const method = target.version.method ?? (target.version.protocol === 'websocket' ? 'GET' : 'GET')
  const probe = target.version.probe
  const sendable = !withheld && view.complete
  // Frames may name credentials (iFlytek's app_id); never fill them for a host we do not trust.
  const creds = sendable ? credentials : {}
  const headers = { ...(probe?.headers ?? {}) }
  const body = probe?.body !== undefined ? JSON.stringify(fill(probe.body, creds)) : undefined
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json'
  // Path placeholders are filled only when the credentials may go to this host; otherwise the URL
  // keeps them, and the request carries no credential.
  let url =
    inUrl.length && sendable ? fillUrlCredentials(target.pack, target.url, credentials) : new URL(target.url)
  for (const [k, v] of Object.entries(target.version.query ?? {}))
    if (!url.searchParams.has(k)) url.searchParams.set(k, v)
  let signed = false
  let secrets: string[] = []
  if (target.version.auth && sendable && opts.signer) {
    const out = await opts.signer({
      target,
      method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      credentials,
      now: opts.now,
    })
    secrets = [...signedValues(url, out.url, headers, out.headers), ...(out.secrets ?? [])]
    url = out.url
    Object.assign(headers, out.headers)
    signed = true
  }
  const frames: OutgoingFrame[] = (probe?.frames ?? []).map((f) => {
    const data =
      f.type === 'json'
        ? JSON.stringify(fill(f.json, creds))
        : f.type === 'text'
          ? String(fill(f.text ?? '', creds))
          : f.silenceBytes !== undefined
            ? Buffer.alloc(f.silenceBytes)
            : Buffer.from(f.base64 ?? '', 'base64')
    return { data, ...(f.delayMs ? { delayMs: f.delayMs } : {}) }
  })
  return {
    url,
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    frames,
    endWhen: endCondition(target),
    serverCloses: Boolean(target.version.response?.end?.serverCloses),
    signed,
    credentials: view,
    secrets,
  }
}
