// Answers plain HTTP requests that passed the gateway: an `http` service's body (healthy or faulty),
// or 426 for a WebSocket service asked without an upgrade (https:// given for a wss:// service).
import type { ServerResponse } from 'node:http'
import { errorEntry, type Target } from '@apidx/core'
import { NOT_JSON, errorFrame, fill, legacyFrame, schemaMismatchFrame, vendorErrorCode } from './frames.js'
import { refusal, rulesFor, type GatewayAnswer } from './gateway.js'
import type { Scenario } from './types.js'

/** Largest request body the emulator reads, in bytes; a larger one is answered 413. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/** The service's answer, or 'hold' (no-response) or 'drop' (closed-early: the connection is cut). */
export function serviceAnswer(
  target: Target,
  scenario: Scenario,
  sid: string,
  date: number,
): GatewayAnswer | 'hold' | 'drop' {
  if (target.version.protocol === 'websocket')
    return refusal('upgrade-required', rulesFor(target.pack, target.service, target.version), date)
  if (scenario.id === 'no-response') return 'hold'
  if (scenario.id === 'closed-early') return 'drop'
  const response = target.version.response
  let body: unknown
  let status = 200
  if (scenario.id === 'vendor-error') {
    const code = vendorErrorCode(target, scenario.vendorCode)!
    body = errorFrame(target, code, sid, scenario.vendorVariant)
    // REST vendors pair some codes with a 4xx or 5xx (Aliyun's 400 SignatureDoesNotMatch, OpenAI's 429).
    status = errorEntry(target.version, target.service, code)?.status ?? 200
  } else if (scenario.id === 'legacy-format') body = legacyFrame(target, sid)
  else if (scenario.id === 'not-json') body = NOT_JSON
  else if (scenario.id === 'schema-mismatch') body = schemaMismatchFrame(target, sid)
  else body = fill(response?.examples?.frames?.[0] ?? {}, { sid }, response?.codeType)
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const type = typeof body === 'string' ? 'text/html' : 'application/json; charset=utf-8'
  return { status, headers: { Date: new Date(date).toUTCString(), 'Content-Type': type }, body: text }
}

/** Writes an answer on a ServerResponse, replacing node's own Date with the emulated clock's. */
export function writeAnswer(res: ServerResponse, answer: GatewayAnswer): void {
  res.sendDate = false
  const body = Buffer.from(answer.body, 'utf8')
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) })
  res.end(body)
}
