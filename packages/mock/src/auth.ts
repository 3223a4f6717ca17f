// The emulated gateway's auth, in the order a Kong hmac-auth gateway checks (iFlytek's v2 gateway is
// one): credentials present, date within the skew limit, parameters complete, key known, signature.
import { verifyRequest, type Target } from '@apidx/core'
import type { Refusal } from './gateway.js'
import { parseTimestamp, schemeFacts } from './scheme.js'

/** A request as the gateway sees it. */
export interface IncomingRequest {
  method: string
  /** Absolute URL rebuilt from the scheme, the Host header and the request target. */
  url: URL
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>
  body?: Buffer
}

/** What the gateway needs: the target it serves, the credentials it knows, and its clock (ms). */
export interface AuthContext {
  target: Target
  credentials: Record<string, string>
  now: number
}

/** The refusal for a request, or null when the gateway lets it through. */
export async function checkAuth(ctx: AuthContext, req: IncomingRequest): Promise<Refusal | null> {
  const { pack, version } = ctx.target
  if (!version.auth) return null
  const facts = schemeFacts(pack, version.auth)
  const placed = new Map<string, string | undefined>()
  for (const name of Object.keys(facts?.query ?? {}))
    placed.set(`query:${name}`, req.url.searchParams.get(name) ?? undefined)
  for (const name of Object.keys(facts?.headers ?? {})) placed.set(`header:${name}`, header(req, name))
  const values = [...placed.values()].filter((v): v is string => v !== undefined && v !== '')
  // No signature at all is "Unauthorized" (Kong: no authorization); a partial one is checked on.
  const carriers = facts?.signatureCarriers.length ? facts.signatureCarriers : [...placed.keys()]
  if (placed.size > 0 && carriers.every((c) => !placed.get(c))) return 'unauthorized'

  const ts = facts?.timestamp
  if (ts) {
    const raw = ts.in === 'query' ? req.url.searchParams.get(ts.name) : header(req, ts.name)
    const at = raw ? parseTimestamp(raw, ts.format) : undefined
    if (at === undefined) return 'skew'
    if (facts.maxSkewSeconds !== undefined && Math.abs(ctx.now - at) > facts.maxSkewSeconds * 1000)
      return 'skew'
  }
  if (values.length < placed.size) return 'malformed'

  // The gateway looks the key id up before it checks the signature: a key it does not know is
  // "fail to retrieve credential", whatever the signature.
  for (const name of facts?.keyIds ?? []) {
    const known = ctx.credentials[name]
    if (known && !values.some((v) => carries(v, known))) return 'unknown-key'
  }
  return (await signatureMatches(ctx, req)) ? null : 'mismatch'
}

/** True when a placed value carries `known`, as is or inside a base64 wrapper (iFlytek's authorization). */
function carries(value: string, known: string): boolean {
  if (value.includes(known)) return true
  if (!/^[A-Za-z0-9+/=_-]{8,4096}$/.test(value)) return false
  return Buffer.from(value, 'base64').toString('utf8').includes(known)
}

function header(req: IncomingRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/**
 * Recomputes the signature with the pack's scheme and compares: the core signing engine's
 * `verifyRequest` (the timestamp is read from the request; the skew was checked before, against the
 * emulator's clock). Tests of the session logic may swap in an independent HMAC check here.
 */
export const signatureCheck = {
  verify: async (ctx: AuthContext, req: IncomingRequest): Promise<boolean> => {
    const result = verifyRequest({
      pack: ctx.target.pack,
      target: ctx.target,
      request: {
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.body ? { body: req.body } : {}),
      },
      credentials: ctx.credentials,
      // The mistake search is for `apidx sign --verify`; a gateway only says yes or no.
      searchMistakes: false,
    })
    return result.ok
  },
}

function signatureMatches(ctx: AuthContext, req: IncomingRequest): Promise<boolean> {
  return signatureCheck.verify(ctx, req)
}
