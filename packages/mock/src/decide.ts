// What the emulated gateway does with one request before the service sees it, in the gateway's
// order: route, auth, IP whitelist, rate limit, upstream error; plus the connection-level faults.
import { fillUrlCredentials, type Target } from '@apidx/core'
import { checkAuth, type IncomingRequest } from './auth.js'
import {
  documentedRefusal,
  refusal,
  rulesFor,
  sessionRefusalCode,
  type GatewayAnswer,
  type Refusal,
} from './gateway.js'
import type { GatewayReply, Scenario } from './types.js'

/**
 * Hold the request unanswered, answer it now, or let it through to the service — with `vendorCode`
 * when a WebSocket vendor refuses inside the session (upgrade accepted, then an error frame: Tencent's
 * real-time ASR 4002, Aliyun NLS 40000001).
 */
export type Decision =
  | { kind: 'hold' }
  | { kind: 'answer'; answer: GatewayAnswer }
  | { kind: 'pass'; vendorCode?: string; vendorVariant?: number }

/** What the gate knows: the served target, the scenario, the vendor's credentials and clock. */
export interface GateContext {
  target: Target
  scenario: Scenario
  credentials: Record<string, string>
  /** The emulated vendor's clock (ms). */
  now(): number
  /** Where `redirect` points: the other listener's URL for this path. */
  redirectTo?: string
  /** A fixed answer to every request on the served path (MockOptions.reply). */
  reply?: GatewayReply
}

/** Decides the gateway's answer to a request (an upgrade or a plain HTTP request). */
export async function decide(ctx: GateContext, req: IncomingRequest): Promise<Decision> {
  const { target, scenario } = ctx
  const rules = rulesFor(target.pack, target.service, target.version)
  const answer = (a: GatewayAnswer): Decision => ({ kind: 'answer', answer: a })
  if (scenario.id === 'handshake-timeout') return { kind: 'hold' }
  if (scenario.id === 'redirect' && ctx.redirectTo) {
    return answer({
      status: 302,
      headers: {
        Date: new Date(ctx.now()).toUTCString(),
        Location: ctx.redirectTo,
        'Content-Type': 'text/html',
      },
      body: '<html><body>302 Found</body></html>',
    })
  }
  // A `{cred.<name>}` path segment must hold the vendor's value (the AppID the key belongs to).
  const expectedPath = fillUrlCredentials(target.pack, new URL(target.version.url), ctx.credentials).pathname
  const method = target.version.protocol === 'http' ? (target.version.method ?? 'GET') : 'GET'
  if (req.url.pathname !== expectedPath || req.method !== method)
    return answer(refusal('not-found', rules, ctx.now()))
  if (ctx.reply) return answer(replyAnswer(ctx.reply, ctx.now()))

  const refused = await checkAuth({ target, credentials: ctx.credentials, now: ctx.now() }, req)
  const refuse = (kind: Refusal): Decision => {
    const inSession = sessionRefusalCode(kind, target)
    return inSession === undefined
      ? answer(documentedRefusal(kind, target, ctx.now()))
      : {
          kind: 'pass',
          vendorCode: inSession.code,
          ...(inSession.variant !== undefined ? { vendorVariant: inSession.variant } : {}),
        }
  }
  if (refused) return refuse(refused)
  if (scenario.id === 'ip-not-allowed') return refuse('ip-not-allowed')
  if (scenario.id === 'rate-limited') return answer(documentedRefusal('rate-limited', target, ctx.now()))
  if (scenario.id === 'server-error') return answer(documentedRefusal('server-error', target, ctx.now()))
  return { kind: 'pass' }
}

/** A fixed reply as the gateway sends it: the emulated Date, and a Content-Type that fits the body. */
function replyAnswer(reply: GatewayReply, date: number): GatewayAnswer {
  const body = reply.body.trimStart()
  const type =
    body.startsWith('{') || body.startsWith('[')
      ? 'application/json; charset=utf-8'
      : body.startsWith('<?xml')
        ? 'text/xml'
        : body.startsWith('<')
          ? 'text/html'
          : 'text/plain; charset=utf-8'
  return {
    status: reply.status,
    headers: { Date: new Date(date).toUTCString(), 'Content-Type': type, ...(reply.headers ?? {}) },
    body: reply.body,
  }
}
