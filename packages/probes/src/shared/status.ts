// Findings for an HTTP answer that is not the one expected (redirect, 404, 429, 5xx), shared by the
// websocket probe (a rejected upgrade) and the http probe. 401/403 belong to the auth link.
import type { ProbeContext, ResponseHead } from '@apidx/core'
import { bodyExcerpt, documentedUrl, matchingRules } from './rules.js'

/** Finding specs for the codes `reportStatus` can produce. */
export const STATUS_FINDINGS = {
  'http/redirect': {
    severity: 'error',
    description:
      'The server answered with a redirect; apidx does not follow it and never re-sends credentials.',
  },
  'url/not-found': {
    severity: 'error',
    description: "404 on the path: the pack's documented path is named in the fix.",
  },
  'http/rate-limited': { severity: 'error', description: 'The server answered 429: too many requests.' },
  'quota/exhausted': {
    severity: 'error',
    description:
      'The server answered 429 (or another status) with a body the pack says means credit, plan or daily allowance used up.',
  },
  'http/server-error': { severity: 'error', description: 'The server answered with a 5xx status.' },
} as const

/** Location without its query (a signed query could be copied into it). */
function safeLocation(raw: string | undefined, base: URL): { shown: string; host: string } | undefined {
  if (!raw) return undefined
  try {
    const u = new URL(raw, base)
    return { shown: `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`, host: u.host }
  } catch {
    return { shown: '(an unparsable Location)', host: '' }
  }
}

/** Reports a redirect, 404, 429 or 5xx answer; returns false when the status is none of those. */
export function reportStatus(ctx: ProbeContext, res: ResponseHead, what: string): boolean {
  const { target } = ctx
  const base = { status: res.status, bodyExcerpt: bodyExcerpt(res.body) }
  if (res.status >= 300 && res.status < 400) {
    const loc = safeLocation(res.headers.location, target.url)
    const elsewhere = loc && loc.host !== target.url.host
    ctx.report({
      code: 'http/redirect',
      message: `The server answered the ${what} with ${res.status} ${loc ? `to ${loc.shown}` : 'without a Location'}${elsewhere ? `, another host (${loc.host})` : ''}. apidx did not follow it, so no credential went there.`,
      fix: `Use the final endpoint directly (documented: ${target.version.url}); clients must not follow redirects with signed requests.`,
      data: { ...base, ...(loc ? { location: loc.shown, locationHost: loc.host } : {}) },
    })
    return true
  }
  if (res.status === 404) {
    const doc = documentedUrl(target)
    const s = target.version.successor
    const next = s ? target.pack.services[s.service ?? target.serviceId]?.versions[s.version] : undefined
    // A 404 on the documented path itself: the path is right, the server is not the vendor's endpoint.
    const atDocumented = target.url.pathname === doc.pathname
    const kind = target.version.protocol === 'websocket' ? 'WebSocket endpoint' : 'API'
    ctx.report({
      code: 'url/not-found',
      message: `The server answered the ${what} for ${target.url.pathname} with 404 Not Found${atDocumented ? `, though it is the documented path: ${target.url.host} has no ${kind} there` : ''}.`,
      fix: next
        ? `${target.serviceId} ${target.versionId} moved: use ${next.url}.`
        : atDocumented
          ? `${target.url.host} is not the ${target.serviceId} ${kind} (a plain web server, or a gateway that does not route it): check the host and port against ${target.version.url}.`
          : `Use the documented path ${doc.pathname} (${target.version.url}).`,
      data: {
        ...base,
        path: target.url.pathname,
        documentedPath: doc.pathname,
        documentedUrl: target.version.url,
      },
    })
    return true
  }
  const rule = matchingRules(target, res)[0]
  // Vendors answer an exhausted plan with the same 429 as a throttle; only the body tells them apart.
  if (res.status === 429 && rule?.diagnosis === 'quota/exhausted') {
    ctx.report({
      code: 'quota/exhausted',
      message: `The server answered the ${what} with 429: ${rule.meaning}`,
      fix: rule.fix,
      data: base,
    })
    return true
  }
  if (res.status === 429) {
    ctx.report({
      code: 'http/rate-limited',
      message: `The server answered the ${what} with 429 Too Many Requests${res.headers['retry-after'] ? ` (Retry-After: ${res.headers['retry-after']})` : ''}.`,
      fix: rule?.fix ?? 'Wait and retry; reduce concurrent sessions or raise the quota in the console.',
      data: base,
    })
    return true
  }
  if (res.status >= 500) {
    ctx.report({
      code: 'http/server-error',
      message: `The server answered the ${what} with ${res.status}${rule ? `: ${rule.meaning}` : ''}.`,
      fix:
        rule?.fix ??
        "A fault on the vendor's side: retry later; if it persists, open a ticket with the time and the session id.",
      data: base,
    })
    return true
  }
  return false
}
