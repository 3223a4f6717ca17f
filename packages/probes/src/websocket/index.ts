// websocket: handshake forensics of the one connection — the answer to the upgrade (a redirect, 404,
// a rejection with its body), a handshake that never comes, a session that never speaks or closes
// early with its code and reason. 401/403 are left to the auth link.
import { defineProbe } from '@apidx/core'
import { hasVendorError } from '../shared/frames.js'
import { bodyExcerpt, matchingRules } from '../shared/rules.js'
import { reportStatus, STATUS_FINDINGS } from '../shared/status.js'

const NORMAL_CLOSE = new Set([1000, 1005])

export default defineProbe({
  meta: {
    id: 'websocket',
    title: 'WebSocket handshake',
    description:
      "Upgrades to WebSocket (no redirect followed), sends the pack's probe frames and watches the first answer and the close.",
    after: ['tls', 'version'],
    appliesTo: { protocols: ['websocket'] },
    findings: {
      ...STATUS_FINDINGS,
      'ws/handshake-timeout': {
        severity: 'error',
        description:
          'The TCP (and TLS) connection was accepted but the upgrade was never answered within the deadline.',
      },
      'ws/handshake-rejected': {
        severity: 'error',
        description:
          'The server refused the upgrade with a status apidx has no more specific code for, or closed without an answer.',
      },
      'ws/invalid-handshake': {
        severity: 'error',
        description:
          'The server answered the upgrade with something that is not a valid WebSocket handshake (a wrong Sec-WebSocket-Accept, an extension or subprotocol not requested, a head too large or not HTTP).',
      },
      'ws/no-response': {
        severity: 'error',
        description: 'The upgrade succeeded but no frame arrived within the deadline.',
      },
      'ws/closed-early': {
        severity: 'error',
        description:
          'The server closed the connection before the end of the stream; the close code and reason are in the data.',
      },
      'url/wrong-scheme': {
        severity: 'error',
        description: 'A plain ws:// request reached a server that speaks TLS only.',
      },
    },
    docs: 'docs/findings.md#ws',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    const { target, deadlines } = ctx
    const host = target.url.host
    ctx.measure(ex.timings.handshake)
    const f = ex.failure
    if (f && (f.phase === 'dns' || f.phase === 'tcp' || f.phase === 'tls')) return
    const plainToTls = target.url.protocol === 'ws:' && new URL(target.version.url).protocol === 'wss:'
    if (!ex.upgraded && !ex.response) {
      if (f?.kind === 'timeout') {
        return ctx.report({
          code: 'ws/handshake-timeout',
          message: `${host} accepted the connection but did not answer the WebSocket upgrade within ${deadlines.handshake} ms.`,
          fix: 'Check that the port serves WebSocket (not a raw TCP service) and that no proxy holds the upgrade; raise --timeout on a slow network.',
          data: { deadlineMs: deadlines.handshake },
        })
      }
      // The server did answer, but not with a WebSocket handshake: a scheme change would not help.
      if (f?.kind === 'protocol') {
        return ctx.report({
          code: 'ws/invalid-handshake',
          message: `${host} answered the WebSocket upgrade with an invalid handshake: ${f.message.replace(/\.$/, '')} (${f.code ?? 'protocol'}).`,
          fix: `The server (or a proxy in front of it) is not a working WebSocket endpoint: check the host and port against the documented endpoint (${target.version.url}), and any proxy in between.`,
          data: { code: f.code },
        })
      }
      if (plainToTls) {
        return ctx.report({
          code: 'url/wrong-scheme',
          message: `${host} closed the connection without an HTTP answer to a plain ws:// upgrade (${f?.code ?? 'no answer'}); the service speaks TLS only.`,
          fix: `Use wss://${host}${target.url.pathname} (documented: ${target.version.url}).`,
          data: { scheme: 'ws', expected: 'wss', code: f?.code ?? null },
        })
      }
      return ctx.report({
        code: 'ws/handshake-rejected',
        message: `${host} closed the connection without answering the upgrade (${f?.code ?? f?.kind ?? 'no answer'}).`,
        fix: 'Check that the URL points at the WebSocket endpoint and that no proxy interferes.',
        data: { code: f?.code ?? null },
      })
    }
    if (ex.response) {
      const res = ex.response
      if (plainToTls && res.status === 400) {
        return ctx.report({
          code: 'url/wrong-scheme',
          message: `${host} answered a plain ws:// upgrade with 400: it expects TLS.`,
          fix: `Use wss://${host}${target.url.pathname} (documented: ${target.version.url}).`,
          data: { status: 400, bodyExcerpt: bodyExcerpt(res.body) },
        })
      }
      if (reportStatus(ctx, res, 'WebSocket upgrade')) return
      if ((res.status === 401 || res.status === 403) && target.version.auth) return
      const rule = matchingRules(target, res)[0]
      return ctx.report({
        code: 'ws/handshake-rejected',
        message: `${host} refused the WebSocket upgrade with ${res.status}${rule ? `: ${rule.meaning}` : ''}.`,
        fix: rule?.fix ?? `Compare the request with ${target.service.docs}.`,
        data: { status: res.status, bodyExcerpt: bodyExcerpt(res.body) },
      })
    }
    // Upgraded: the session.
    if (f?.phase === 'firstFrame' && f.kind === 'timeout') {
      return ctx.report({
        code: 'ws/no-response',
        message: `The upgrade succeeded but no frame arrived within ${deadlines.firstFrame} ms after the probe frames were sent.`,
        fix: `Check the first frame's format against ${target.service.docs}; a server that waits silently usually did not understand the request.`,
        data: { deadlineMs: deadlines.firstFrame, framesSent: target.version.probe?.frames?.length ?? 0 },
      })
    }
    // A vendor error frame explains whatever close follows it: that is the vendor-error link's finding.
    if (hasVendorError(target, ex)) return
    const close = ex.close
    if (close && (!NORMAL_CLOSE.has(close.code) || ex.frames.length === 0)) {
      return ctx.report({
        code: 'ws/closed-early',
        message: `The server closed the connection with code ${close.code}${close.reason ? ` "${close.reason}"` : ''} after ${ex.frames.length} frame(s), ${close.at} ms into the session.`,
        fix:
          close.code === 1011
            ? "1011 is an internal error on the server's side: retry, and open a ticket with the session id if it persists."
            : close.code === 1009
              ? 'A frame was too large: send smaller frames.'
              : `Check the frames sent against ${target.service.docs}.`,
        data: { closeCode: close.code, closeReason: close.reason, frames: ex.frames.length },
      })
    }
    if (f && f.phase !== 'session' && !(f.phase === 'firstFrame' && ex.frames.length)) {
      return ctx.report({
        code: 'ws/closed-early',
        message: `The session broke after the upgrade (${f.code ?? f.kind}) after ${ex.frames.length} frame(s).`,
        fix: 'Retry; if it persists, check for a proxy that cuts WebSocket connections.',
        data: { code: f.code, frames: ex.frames.length },
      })
    }
    // A stream that stops without its end marker is judged by the response link, which knows the format.
  },
})
