// The generic cause catalogue and how causes are ranked. A pack states its causes as one sentence;
// apidx turns that into a ranked checklist by recognising the catalogue's causes in the pack's text
// and in the finding code, and moves first whatever the user's own input points at (the body says
// `illegal client_ip` → the IP whitelist). All matching is plain lower-case substring search.
import type { RankedCause } from './types.js'

/** One cause apidx knows independently of any vendor. */
export interface CatalogueCause {
  id: string
  text: string
  /** Lower-case phrases that, in a pack entry's cause, meaning or fix, say this cause applies. */
  mentions: readonly string[]
  /** Lower-case phrases that, in the user's input, point at this cause. */
  evidence: readonly string[]
}

/** The causes every integration engineer checks, each worded for any vendor. */
export const CAUSES: readonly CatalogueCause[] = [
  {
    id: 'ip-whitelist',
    text: "The caller's public IP is not in the application's IP whitelist (a proxy, NAT or cloud egress changes it).",
    mentions: ['ip whitelist', 'whitelist', 'client ip', 'client_ip', '白名单'],
    evidence: ['client_ip', 'ip address is not allowed', 'ip not allowed', 'not in whitelist', '白名单'],
  },
  {
    id: 'wrong-credentials',
    text: 'A wrong, mis-copied or revoked key or secret (from another application or environment, or with a stray space).',
    mentions: ['apikey', 'api_key', 'apisecret', 'api_secret', 'access key', 'credential', 'secret'],
    evidence: [
      'fail to retrieve credential',
      'invalid api key',
      'incorrect api key',
      'invalidaccesskeyid',
      'no appid info',
    ],
  },
  {
    id: 'swapped-credentials',
    text: 'Key and secret swapped: the secret must key the signature and the key id must travel in the request.',
    mentions: ['swapped'],
    evidence: [],
  },
  {
    id: 'signed-string',
    text: 'The string to sign differs from what the server rebuilds: wrong host, date, request-line (method, path, HTTP version), header list or line breaks.',
    mentions: ['request-line', 'signature_origin', 'string to sign', 'canonical request'],
    evidence: ['request-line', 'not used for signature creation'],
  },
  {
    id: 'signature-encoding',
    text: 'The signature bytes are encoded wrongly or truncated: hex for base64, URL-encoding lost or doubled (a base64 HMAC-SHA256 is 44 characters).',
    mentions: ['44 characters', '44个字节', 'base64 length', 'url-encod'],
    evidence: [],
  },
  {
    id: 'algorithm',
    text: 'The wrong algorithm: SHA-1 for SHA-256, a plain hash for an HMAC, or the signing scheme of another service or version.',
    mentions: ['hmac-sha256, sha1', 'sha1 without hmac', 'wrong algorithm', 'scheme used on'],
    evidence: ['algorithm'],
  },
  {
    id: 'timestamp',
    text: 'The timestamp is rejected: the local clock is outside the allowed skew, milliseconds were sent for seconds, or the date is not in the required format or time zone.',
    mentions: ['clock', 'unix time', 'timestamp', 'skew', 'rfc 1123', 'milliseconds'],
    evidence: [
      'x-date',
      'timestamp',
      'clock skew',
      'requesttimetooskewed',
      'request has expired',
      'illegal ts',
    ],
  },
  {
    id: 'missing-auth',
    text: 'The auth parameter or header never reached the server: the request was not signed, or a proxy or URL builder dropped the query string.',
    mentions: [
      'not signed',
      'query string was lost',
      'authorization parameter is missing',
      'missing authorization',
    ],
    evidence: ['"unauthorized"', 'missing authentication', 'no authorization'],
  },
  {
    id: 'licence',
    text: 'The service, model, voice or region is not enabled or licensed for this application or account.',
    mentions: ['licence', 'license', 'not enabled', 'not authoriz', 'no authority'],
    evidence: ['no license', 'no authority', 'noauth', '授权'],
  },
  {
    id: 'quota',
    text: 'Credit, plan, licence volume or a daily/token allowance is used up: retrying does not help until it is topped up, raised or reset.',
    mentions: ['quota', 'credit', 'billing', 'allowance', 'daily limit', 'balance', '余额', '额度', '欠费'],
    evidence: [
      'insufficient_quota',
      'exceeded your current quota',
      'daily limit',
      'tokens.total',
      'licc failed',
    ],
  },
  {
    id: 'rate-limit',
    text: 'A rate or concurrency limit was hit, or the service is busy: retry later with back-off, or raise the limit.',
    mentions: ['busy', 'flow control', 'rate limit', 'concurren', '流控', 'too many'],
    evidence: ['too many requests', 'rate limit', 'throttl', 'busy'],
  },
  {
    id: 'path-moved',
    text: 'The path or API version moved or was retired: the client calls an old or mistyped endpoint.',
    mentions: ['successor', 'moved', 'retired', 'wrong path'],
    evidence: ['no route', 'not found'],
  },
  {
    id: 'request-format',
    text: 'The request is not in the documented format: a missing or mistyped parameter, a wrong value, or frames sent out of order.',
    mentions: [
      'missing parameter',
      'invalid parameter',
      'illegal parameter',
      'not valid json',
      'out of order',
    ],
    evidence: ['invalid parameter', 'illegal parameter', 'param validate'],
  },
]

/** Finding codes that imply catalogue causes, in the order an engineer checks them. */
export const DIAGNOSIS_CAUSES: Readonly<Record<string, readonly string[]>> = {
  'auth/signature-mismatch': [
    'wrong-credentials',
    'swapped-credentials',
    'signed-string',
    'signature-encoding',
    'algorithm',
  ],
  'auth/unknown-key': ['wrong-credentials', 'swapped-credentials'],
  'auth/ip-not-allowed': ['ip-whitelist'],
  'auth/unauthorized': ['missing-auth', 'wrong-credentials'],
  'auth/forbidden': ['wrong-credentials', 'ip-whitelist', 'licence'],
  'clock/skew': ['timestamp'],
  'http/rate-limited': ['rate-limit'],
  'quota/exhausted': ['quota'],
  'auth/not-entitled': ['licence'],
  'url/not-found': ['path-moved'],
  'url/deprecated-version': ['path-moved'],
}

/** What ranking looks at. */
export interface CauseInput {
  /** The pack entry's text, in the order its author wrote it: cause, then meaning, then fix. */
  packText: string[]
  /** The finding code of the entry. */
  diagnosis?: string
  /** The pack's cause sentence, used alone when no catalogue cause is recognised. */
  packCause?: string
  /** The user's input, lower-cased (already capped). */
  observed?: string
}

/**
 * Ranks causes: first those the user's input points at (with the evidence), then those the pack's
 * text names, in the order it names them, then those the finding code implies. The pack's own
 * sentence leads the text-named ones unless it names two or more catalogue causes (then they itemise it).
 */
export function rankCauses(input: CauseInput): RankedCause[] {
  const out: Omit<RankedCause, 'rank'>[] = []
  const seen = new Set<string>()
  const add = (c: CatalogueCause, evidence?: string) => {
    if (seen.has(c.id)) return
    seen.add(c.id)
    out.push({ text: c.text, id: c.id, source: 'generic', ...(evidence ? { evidence } : {}) })
  }
  if (input.observed) {
    for (const c of CAUSES) {
      const hit = c.evidence.find((e) => input.observed!.includes(e))
      if (hit) add(c, `the input contains "${hit}"`)
    }
  }
  const text = input.packText.join('\n').toLowerCase()
  const positioned = CAUSES.map((c) => ({ c, at: firstIndex(text, c.mentions) })).filter((p) => p.at >= 0)
  // A sentence naming two or more catalogue causes is itemised by them; one naming at most one is a
  // specific cause, kept in the pack's words ahead of the generic ones.
  if (positioned.length <= 1 && input.packCause) out.push({ text: input.packCause, source: 'pack' })
  for (const { c } of positioned.sort((a, b) => a.at - b.at)) add(c)
  for (const id of DIAGNOSIS_CAUSES[input.diagnosis ?? ''] ?? []) {
    const c = CAUSES.find((x) => x.id === id)
    if (c) add(c)
  }
  return out.map((c, i) => ({ rank: i + 1, ...c }))
}

/** The earliest position of any phrase in text, or -1. */
function firstIndex(text: string, phrases: readonly string[]): number {
  let best = -1
  for (const p of phrases) {
    const i = text.indexOf(p)
    if (i >= 0 && (best < 0 || i < best)) best = i
  }
  return best
}
