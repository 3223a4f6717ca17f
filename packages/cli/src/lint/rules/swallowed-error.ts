// swallowed-error: a failure around connect/init/send/receive of a vendor client caught and dropped,
// so the app carries on as if connected ("silent failure").
import type { Rule } from '../rule.js'
import { ownDescendants, type LintNode } from '../tree.js'
import { dropsFailure, handlerBody, isIoCall, isPrintOnly, isVendorCall } from './calls.js'

/** Error callbacks by name, numbered variants included (on_error1 when a file has several clients). */
const ERROR_CALLBACK = /^(on_?error|onerror|handle_?error)\d*$/i

export const swallowedError: Rule = {
  meta: {
    docs: {
      description:
        'A vendor connect/init/send/receive failure caught and dropped, so the app goes on as if connected.',
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#swallowed-error',
    },
    severity: 'error',
    messages: {
      catch: 'The failure of {call} is caught and dropped ({how}): the app goes on as if connected.',
      promise: 'The rejection of {call} is caught and dropped ({how}).',
      event: "The client's error event is handled by a function that {how}: its failures vanish.",
    },
    fixes: {
      catch:
        'Log it at error level and re-raise, return a failure, or set a status the app reports (e.g. feature unavailable).',
      promise:
        'Handle the rejection: log it at error level and report the failure to the caller or the app status.',
      event:
        'In the error handler, log at error level and mark the client failed (or reconnect with backoff) so the app can report it.',
    },
  },
  create(context) {
    const vendorIo = (scope: LintNode) =>
      [...ownDescendants(scope)].find((d) => isIoCall(d) && isVendorCall(d, context.facts, context.file))
    return {
      try(n) {
        const body = n.children.find((c) => c.kind === 'block')
        const io = body && vendorIo(body)
        if (!io) return
        for (const c of n.children) {
          if (c.kind !== 'catch') continue
          const statements = handlerBody(c)
          if (dropsFailure(statements))
            context.report({
              node: c,
              messageId: 'catch',
              data: { call: io.name ?? 'the call', how: describeHandler(statements) },
            })
        }
      },
      call(n) {
        const verdict = promiseDropped(n, vendorIo) ?? eventDropped(n, context.file.integration)
        if (verdict) context.report({ node: n, ...verdict })
      },
      function(n) {
        if (!ERROR_CALLBACK.test(n.name ?? '') || !context.file.integration) return
        const statements = handlerBody(n)
        if (dropsFailure(statements))
          context.report({ node: n, messageId: 'event', data: { how: describe(statements) } })
      },
    }
  },
}

/** The handler a call passes last (`.catch(fn)`, `.on('error', fn)`). */
function lastArgument(n: LintNode): LintNode | undefined {
  return n.args?.[n.args.length - 1]
}

function calledVerb(n: LintNode): string {
  return (n.name ?? '').split('.').pop() ?? ''
}

/** `.catch(() => {})` or `.catch(console.log)` on a chain that talks to the vendor. */
function promiseDropped(
  n: LintNode,
  vendorIo: (scope: LintNode) => LintNode | undefined,
): { messageId: string; data: Record<string, string> } | undefined {
  const fn = lastArgument(n)
  if (calledVerb(n) !== 'catch' || !fn) return undefined
  const dropped = fn.kind === 'function' ? dropsFailure(handlerBody(fn)) : isPrintReference(fn)
  const callee = n.children[0]
  const io = dropped && callee ? vendorIo(callee) : undefined
  if (!io) return undefined
  const how = fn.kind === 'function' ? describeHandler(handlerBody(fn)) : 'only printed'
  return { messageId: 'promise', data: { call: io.name ?? '', how } }
}

/** `client.on('error', (e) => console.log(e))` in a file that talks to a vendor. */
function eventDropped(
  n: LintNode,
  integration: boolean,
): { messageId: string; data: Record<string, string> } | undefined {
  const fn = lastArgument(n)
  const verb = calledVerb(n)
  if (!integration || (verb !== 'on' && verb !== 'once') || n.args?.[0]?.value !== 'error') return undefined
  if (fn?.kind !== 'function' || !dropsFailure(handlerBody(fn))) return undefined
  return { messageId: 'event', data: { how: describe(handlerBody(fn)) } }
}

function describeHandler(statements: LintNode[]): string {
  return statements.length === 0
    ? 'empty handler'
    : statements.every(isPrintOnly)
      ? 'only printed'
      : 'ignored'
}

function isPrintReference(n: LintNode): boolean {
  return (n.kind === 'member' || n.kind === 'identifier') && isPrintOnly({ ...n, kind: 'call' })
}

function describe(statements: LintNode[]): string {
  return statements.length === 0 || statements.every((s) => s.kind === 'pass')
    ? 'does nothing'
    : 'only prints'
}
