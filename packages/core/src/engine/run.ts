// Runs a planned chain: each link starts when the links it needs have finished, independent links
// run concurrently, a link whose need failed is skipped with the reason, a probe that throws (or
// reports an undeclared code, or overruns its budget) becomes `engine/probe-crashed`. The one real
// connection is made lazily, once, by the first probe that asks for it.
import type { Target } from '../pack/target.js'
import { deadlinesFor, runBudget, type PhaseDeadlines } from './deadlines.js'
import type { ProbeRegistry } from './define.js'
import { emptyExchange, type Exchange } from './exchange.js'
import { toNetFailure } from './safe-error.js'
import { httpExchange } from './http-client.js'
import { placeIn, unplacedFailure, type LinkResult, type LinkStatus } from './placement.js'
import { planChain, type PlannedLink } from './plan.js'
import { prepareRequest, type PreparedRequest, type Signer } from './prepare.js'
import { coreSigner } from './sign.js'
import type { Resolver, TlsOptions } from './socket.js'
import { chooseProxy, type ChosenProxy, type ProxyChoice } from '../proxy/choose.js'
import type { EngineFinding, FindingInput, ProbeContext } from './types.js'
import { wsExchange } from './ws-client.js'

export type { LinkResult, LinkStatus } from './placement.js'

/** Progress for a TTY spinner; never needed for the result. */
export type ProgressEvent = { type: 'start' | 'end'; link: string; status?: LinkStatus }

export interface RunOptions {
  target: Target
  registry: ProbeRegistry
  /** Credential values by the pack's credential name. Used for signing only, never reported. */
  credentials?: Record<string, string>
  /** Base timeout in ms (`--timeout`); or give `deadlines` directly. */
  timeoutMs?: number
  deadlines?: PhaseDeadlines
  resolver?: Resolver
  /** Proxy flags and the environment to read HTTPS_PROXY and friends from; direct when absent. */
  proxy?: ProxyChoice
  tls?: TlsOptions
  /** Signs the request; the core signing engine when absent. */
  signer?: Signer
  allowInsecure?: boolean
  clock?: { now(): number }
  signal?: AbortSignal
  onProgress?: (e: ProgressEvent) => void
  /** Where each credential was read from, when not the pack's variable (config `${env:NAME}`): named when it is missing. */
  credentialEnv?: Record<string, string>
  /** Withhold credentials for a reason the caller knows (an untrusted project config), with its fix. */
  withhold?: { reason: string; fix: string }
  /**
   * Findings made before the run from static facts (credential hygiene): kept in every run, even when
   * the network fails first, and placed just before the auth link so a network fault stays the root cause.
   */
  staticFindings?: readonly EngineFinding[]
}

/** Everything a run produced, before diagnosis. */
export interface RunResult {
  target: Target
  /** The URL actually requested, signed (redact before showing). */
  requestUrl: URL
  /** Signature values of the request, masked by the report wherever they reappear. Never serialise. */
  requestSecrets: string[]
  findings: EngineFinding[]
  links: LinkResult[]
  exchange?: Exchange
  startedAt: string
  durationMs: number
}

/** Plans and runs the chain for a target. Never throws for a network fault: faults are findings. */
export async function runChecks(opts: RunOptions): Promise<RunResult> {
  const clock = opts.clock ?? { now: () => Date.now() }
  const deadlines = opts.deadlines ?? deadlinesFor(opts.timeoutMs)
  const startedAt = new Date(clock.now()).toISOString()
  const started = performance.now()
  const proxy = chooseProxy(opts.target.url, opts.proxy)
  const plan = planChain(opts.target, opts.registry, { proxied: proxy !== null && !proxy.unsupported })
  const request = await prepareRequest(opts.target, opts.credentials ?? {}, {
    allowInsecure: Boolean(opts.allowInsecure),
    signer: opts.signer ?? coreSigner,
    now: clock.now(),
    ...(opts.credentialEnv ? { credentialEnv: opts.credentialEnv } : {}),
    ...(opts.withhold ? { withhold: opts.withhold } : {}),
  })
  let exchange: Promise<Exchange> | undefined
  // The clients never throw for a network fault; a throw is a bug, kept out of every probe as a failure.
  const connect = () =>
    (exchange ??= runExchange(request, opts, deadlines, clock, proxy).catch((err: unknown) => ({
      ...emptyExchange(opts.target.version.protocol, request.signed),
      failure: toNetFailure('handshake', err),
    })))

  const findings: { order: number; f: EngineFinding }[] = []
  const results = new Map<string, LinkResult>()
  const running = new Map<string, Promise<void>>()
  const order = new Map(plan.map((l, i) => [l.probe.meta.id, i]))

  const crasher =
    (meta: PlannedLink['probe']['meta'], own: EngineFinding[]) =>
    (message: string, data: Record<string, unknown> = {}) =>
      own.push({
        code: 'engine/probe-crashed',
        severity: 'error',
        probe: meta.id,
        message,
        fix: 'This is a bug in the probe; please report it with the output of --json.',
        data,
      })
  const contextFor = (
    link: PlannedLink,
    own: EngineFinding[],
    controller: AbortController,
    measure: (ms: number | undefined) => void,
  ): ProbeContext => {
    const { meta } = link.probe
    const crash = crasher(meta, own)
    return {
      target: opts.target,
      credentials: request.credentials,
      signal: opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal,
      clock,
      deadlines,
      exchange: connect,
      report: (input: FindingInput) => {
        const spec = meta.findings[input.code]
        if (!spec)
          return crash(`Probe "${meta.id}" reported "${input.code}", a code its meta does not declare.`)
        own.push({
          code: input.code,
          severity: input.severity ?? spec.severity,
          probe: meta.id,
          message: input.message,
          fix: input.fix ?? null,
          data: input.data ?? {},
        })
      },
      measure,
    }
  }
  /** The static part of a skipped link: no exchange, and a throw is a crash like any other. */
  const runStatic = (link: PlannedLink, own: EngineFinding[]) => {
    if (!link.probe.checkStatic) return
    const ctx = contextFor(link, own, new AbortController(), () => {})
    try {
      link.probe.checkStatic({
        ...ctx,
        exchange: () => Promise.reject(new Error('checkStatic may not use the exchange')),
      })
    } catch (err) {
      crasher(
        link.probe.meta,
        own,
      )(
        `Probe "${link.probe.meta.id}" threw ${err instanceof Error ? err.name : typeof err} in its static check.`,
      )
    }
  }

  const runLink = async (link: PlannedLink): Promise<void> => {
    await Promise.all(link.needs.map((n) => running.get(n)))
    const { meta } = link.probe
    const broken = link.needs
      .map((n) => results.get(n)!)
      .find((r) => r.status === 'fail' || r.status === 'skip')
    const own: EngineFinding[] = []
    if (broken) {
      // A skip inherits the reason of the link that broke, so every skipped link names the real failure.
      const reason =
        broken.status === 'fail' && broken.reason === null
          ? `Not run: ${broken.id} failed (${broken.codes[0] ?? 'error'}).`
          : broken.reason
      // Static findings are still reported: the user fixes everything in one pass (the root cause
      // stays the first broken link, since findings are ordered by link).
      runStatic(link, own)
      const codes = own.filter((f) => f.severity !== 'info').map((f) => f.code)
      const failed = own.some((f) => f.severity === 'error')
      results.set(meta.id, {
        id: meta.id,
        title: meta.title,
        status: failed ? 'fail' : 'skip',
        ms: null,
        codes,
        reason,
      })
      findings.push(...own.map((f) => ({ order: order.get(meta.id)!, f })))
      return
    }
    opts.onProgress?.({ type: 'start', link: meta.id })
    let ms: number | null = null
    const controller = new AbortController()
    const ctx = contextFor(link, own, controller, (v) => {
      ms = v === undefined ? null : Math.round(v * 10) / 10
    })
    const crash = crasher(meta, own)
    const budget = runBudget(deadlines)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        Promise.resolve().then(async () => {
          link.probe.checkStatic?.(ctx)
          await link.probe.run(ctx)
        }),
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new BudgetError(budget)), budget)
        }),
      ])
    } catch (err) {
      // The error's message can hold anything the probe touched: keep only its class name.
      if (err instanceof BudgetError) crash(`Probe "${meta.id}" did not finish within ${budget} ms.`)
      else
        crash(
          `Probe "${meta.id}" threw ${err instanceof Error ? err.name : typeof err}; the other links still ran.`,
          { error: err instanceof Error ? err.name : typeof err },
        )
      controller.abort()
    } finally {
      if (timer) clearTimeout(timer)
    }
    const errors = own.filter((f) => f.severity === 'error')
    const warnings = own.filter((f) => f.severity === 'warning')
    const status = errors.length ? 'fail' : warnings.length ? 'warn' : 'ok'
    results.set(meta.id, {
      id: meta.id,
      title: meta.title,
      status,
      ms,
      codes: [...errors, ...warnings].map((f) => f.code),
      reason: null,
    })
    findings.push(...own.map((f) => ({ order: order.get(meta.id)!, f })))
    opts.onProgress?.({ type: 'end', link: meta.id, status })
  }

  const authAt = order.get('auth') ?? plan.length
  findings.push(...(opts.staticFindings ?? []).map((f) => ({ order: authAt - 0.5, f })))
  for (const link of plan) running.set(link.probe.meta.id, runLink(link))
  await Promise.all(running.values())
  // The clients have their own deadlines; this cap only guards against a bug in one of them.
  const resolved = exchange
    ? await Promise.race([
        exchange,
        new Promise<undefined>((r) => setTimeout(() => r(undefined), runBudget(deadlines)).unref()),
      ])
    : undefined
  let links = plan.map((l) => results.get(l.probe.meta.id)!)
  const sorted = findings.sort((a, b) => a.order - b.order).map((x) => x.f)
  // A failure of the connection that no link explained still fails the run (never a false PASS).
  const unplaced = unplacedFailure(resolved, links)
  if (unplaced) {
    links = placeIn(links, unplaced)
    sorted.push(unplaced)
  }
  return {
    target: opts.target,
    requestUrl: request.url,
    requestSecrets: request.secrets,
    findings: sorted,
    links,
    ...(resolved ? { exchange: resolved } : {}),
    startedAt,
    durationMs: Math.round(performance.now() - started),
  }
}

class BudgetError extends Error {
  constructor(readonly ms: number) {
    super(`budget ${ms} ms`)
  }
}

function runExchange(
  req: PreparedRequest,
  opts: RunOptions,
  deadlines: PhaseDeadlines,
  clock: { now(): number },
  proxy: ChosenProxy | null,
): Promise<Exchange> {
  const common = {
    proxy,
    url: req.url,
    headers: req.headers,
    deadlines,
    clock,
    signed: req.signed,
    ...(opts.resolver ? { resolver: opts.resolver } : {}),
    ...(opts.tls ?? {}),
  }
  if (opts.target.version.protocol === 'websocket') {
    return wsExchange({ ...common, frames: req.frames, endWhen: req.endWhen, serverCloses: req.serverCloses })
  }
  return httpExchange({
    ...common,
    method: req.method,
    ...(req.body !== undefined ? { body: req.body } : {}),
  })
}
