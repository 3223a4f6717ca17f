// blocking-init: a vendor connection awaited in the app's start-up path before readiness is
// signalled, so one failing (or hanging) vendor connection keeps the whole app from serving.
import type { Rule } from '../rule.js'
import { descendants, ownDescendants, type LintNode } from '../tree.js'
import { isConnectCall, isVendorCall, verb } from './calls.js'

/** Start-up hooks of the common frameworks (FastAPI, Flask, Quart, Starlette, NestJS, Sanic…). */
const STARTUP_DECORATOR =
  /on_event\(\s*['"]startup|before_first_request|before_serving|on_startup|listener\(\s*['"]before_server_start/i
const STARTUP_NAME = /^(onModuleInit|onApplicationBootstrap|lifespan|on_startup|startup)$/

/** Calls that signal the app is ready: serving starts, or a ready message goes out. */
const READY_VERBS = new Set(['listen', 'serve', 'run_app', 'serve_forever'])
const READY_CALLS = /^(app\.run|uvicorn\.run|web\.run_app|server\.start|process\.send|\w+\.emit)$/

export const blockingInit: Rule = {
  meta: {
    docs: {
      description:
        "A vendor connection awaited in start-up before the app reports ready: the vendor's failure blocks the app.",
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#blocking-init',
    },
    severity: 'warning',
    messages: {
      hook: '{call} is awaited in the start-up hook {hook}: until the vendor answers, the app does not start.',
      beforeReady:
        '{call} is awaited before {ready}: a vendor that fails or hangs keeps the app from serving.',
    },
    fixes: {
      hook: 'Start the connection as a background task (asyncio.create_task(...) / void connect().catch(report)) and report the feature unavailable until it succeeds.',
      beforeReady:
        'Signal readiness first and connect in the background (asyncio.create_task(...) / connect().catch(report)), marking the feature unavailable until connected.',
    },
  },
  create(context) {
    const blockingCalls = (scope: LintNode) =>
      [...ownDescendants(scope)].filter(
        (d) =>
          isConnectCall(d) &&
          (d.parent?.kind === 'await' || (context.language === 'python' && verb(d) === 'run_forever')) &&
          isVendorCall(d, context.facts, context.file),
      )
    const check = (scope: LintNode) => {
      const hook = startupHook(scope)
      const calls = blockingCalls(scope)
      if (hook) {
        const end =
          scope.kind === 'function' && /lifespan/.test(scope.name ?? '') ? firstYield(scope) : undefined
        for (const c of calls)
          if (end === undefined || c.line < end)
            context.report({ node: c, messageId: 'hook', data: { call: c.name ?? '', hook } })
        return
      }
      const ready = [...ownDescendants(scope)].find(isReadyCall)
      if (!ready) return
      for (const c of calls)
        if (c.line < ready.line || (c.line === ready.line && c.column < ready.column))
          context.report({
            node: c,
            messageId: 'beforeReady',
            data: { call: c.name ?? '', ready: ready.name ?? '' },
          })
    }
    return { program: check, function: check }
  },
}

function startupHook(scope: LintNode): string | undefined {
  if (scope.kind !== 'function') return undefined
  const d = scope.decorators?.find((x) => STARTUP_DECORATOR.test(x))
  if (d) return `@${d}`
  return STARTUP_NAME.test(scope.name ?? '') ? (scope.name as string) : undefined
}

function firstYield(scope: LintNode): number | undefined {
  for (const d of descendants(scope)) if (d.kind === 'yield') return d.line
  return undefined
}

function isReadyCall(n: LintNode): boolean {
  if (n.kind !== 'call') return false
  if (READY_VERBS.has(verb(n))) return true
  if (!READY_CALLS.test(n.name ?? '')) return false
  return !/emit$|send$/.test(n.name ?? '') || /ready/i.test(n.args?.[0]?.value ?? '')
}
