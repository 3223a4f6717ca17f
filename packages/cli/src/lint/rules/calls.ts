// What calls in integration code do, by name: talk to a service, print, log an error, sign, start
// serving. These are language and library conventions (Python's logging, Node's console, ws, the
// web frameworks), not vendor facts: vendor facts come from the packs (see ../facts.ts).
import type { PackFacts } from '../facts.js'
import { hostsIn, providerOfHost } from '../file-facts.js'
import type { FileFacts } from '../rule.js'
import { descendants, lastSegment, words, type LintNode } from '../tree.js'

/** Verbs of a call that connects to, initialises or exchanges data with a remote service. */
const IO_VERBS = new Set(
  (
    'connect connect_async create_connection websocket websocketapp open run_forever send send_text send_json ' +
    'sendall recv receive request fetch urlopen post get put invoke start start_stream init initialize login ' +
    'transcribe recognize synthesize stream get_token gettoken createtoken create_token'
  ).split(' '),
)

/** Verbs of a call that opens a connection or initialises a client (what start-up waits on). */
const CONNECT_VERBS = new Set(
  'connect connect_async create_connection open run_forever init initialize login get_token gettoken createtoken create_token start'.split(
    ' ',
  ),
)

/** Receivers that are the app's own infrastructure: an app rightly waits for its database. */
const INFRA_WORDS = new Set(
  'db database mongo mongoose mongodb redis prisma sequelize knex pool sql mysql postgres pg kafka amqp rabbit typeorm datasource cache'.split(
    ' ',
  ),
)

/** Calls that only print or log below error level. */
const PRINT_ONLY =
  /^(print|console\.(log|info|debug|warn|trace)|(\w+\.)*(logger|logging|log|_log|_logger)\.(info|debug|warn|warning|trace|log)|traceback\.print_exc|e\.printStackTrace|pprint)$/i

/** Calls that log at error level: the failure is visible. */
const ERROR_LOG =
  /^(console\.error|(\w+\.)*(logger|logging|log|_log|_logger)\.(error|exception|critical|fatal))$/i

/** Calls that compute a hash or HMAC: signing happens here. */
const SIGNING =
  /(createhmac|createhash|hmac\.new|hashlib\.|\bmd5\b|\bsha1\b|sha256|hmacsha|cryptojs\.hmac|\.digest\b|hmac\()/i

export function isCall(n: LintNode): boolean {
  return n.kind === 'call'
}

/** The call's verb, lower case: `self.ws.run_forever` → run_forever, `new WebSocket` → websocket. */
export function verb(n: LintNode): string {
  return lastSegment(n.name ?? '').toLowerCase()
}

/** Verbs that are I/O only on an HTTP or socket receiver: `open()` is a file, `d.get()` a lookup. */
const RECEIVER_VERBS = new Set(['open', 'get', 'post', 'put', 'request'])
const IO_RECEIVER =
  /\b(requests|session|axios|https?|httpx|client|urllib\d?|request|ws|websocket|socket|sock|conn|connection|api|got|superagent|fetch)\b/i

export function isIoCall(n: LintNode): boolean {
  if (n.kind !== 'call' || !IO_VERBS.has(verb(n))) return false
  if (!RECEIVER_VERBS.has(verb(n))) return true
  const receiver = (n.name ?? '').split('.').slice(0, -1).join('.')
  return IO_RECEIVER.test(receiver.replace(/_/g, ' '))
}

export function isConnectCall(n: LintNode): boolean {
  return n.kind === 'call' && (CONNECT_VERBS.has(verb(n)) || (n.isNew === true && verb(n) === 'websocket'))
}

export function isPrintOnly(n: LintNode): boolean {
  return n.kind === 'call' && PRINT_ONLY.test(n.name ?? '')
}

export function isErrorLog(n: LintNode): boolean {
  return n.kind === 'call' && ERROR_LOG.test(n.name ?? '')
}

export function isSigningCall(n: LintNode): boolean {
  return n.kind === 'call' && SIGNING.test(n.name ?? '')
}

/** True when a call talks to the pack's vendor: its names use the vendor's words, an argument
 * names a pack host, or the file integrates a vendor and the receiver is not app infrastructure. */
export function isVendorCall(n: LintNode, facts: PackFacts, file: FileFacts): boolean {
  const names = words(n.name ?? '')
  if (names.some((w) => INFRA_WORDS.has(w))) return false
  if (names.some((w) => facts.vocabulary.has(w))) return true
  for (const d of descendants(n))
    if (d.kind === 'string' && hostsIn(d.value ?? '').some((h) => providerOfHost(h, facts))) return true
  return file.integration
}

/** The statements of a catch handler (its block), or of a function. */
export function handlerBody(n: LintNode): LintNode[] {
  if (n.kind === 'function') {
    const only = n.children[0]
    return n.children.length === 1 && only?.kind === 'block' ? only.children : n.children
  }
  const block = [...n.children].reverse().find((c) => c.kind === 'block')
  return block ? block.children : []
}

/** True when a handler's statements drop the failure: nothing, `pass`, `continue`, or prints and
 * non-error logging only. Re-raising, returning, logging at error level, assigning a status or
 * calling anything else (a callback, reject, close) counts as handling it. */
export function dropsFailure(statements: LintNode[]): boolean {
  return statements.every(
    (s) => s.kind === 'pass' || s.kind === 'continue' || s.kind === 'string' || isPrintOnly(s),
  )
}
