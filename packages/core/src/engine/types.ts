// The probe plugin contract (DESIGN §5, ESLint's `{ meta, create }` as the model): static meta as
// data, and run(ctx) over a deliberately narrow context. The core owns everything around it.
import type { Target } from '../pack/target.js'
import type { Exchange } from './exchange.js'
import type { PhaseDeadlines } from './deadlines.js'
import type { Finding } from '../generated/index.js'

/** How bad a finding is: `error` breaks its link, `warning` does not, `info` is evidence. */
export type Severity = 'error' | 'warning' | 'info'

/** One finding code a probe may report, declared in its meta (ESLint's `meta.messages`). */
export interface FindingSpec {
  /** The default severity of the code. */
  severity: Severity
  /** What the code means, one sentence (docs/findings.md has the long form). */
  description: string
}

/** What a probe applies to; a probe that does not apply is left out of the chain. */
export interface AppliesTo {
  /** Protocols of the target (`websocket`, `http`); all when absent. */
  protocols?: ('websocket' | 'http')[]
  /** True when the link exists only for a TLS URL (`wss:`/`https:`). */
  secureOnly?: boolean
  /** True when the link exists only for a version with an auth scheme. */
  signedOnly?: boolean
  /** True when the link exists only when the connection goes through a proxy. */
  proxiedOnly?: boolean
}

/** Static description of a probe: data only, readable without running it. */
export interface ProbeMeta {
  /** Stable id, also the folder name in @apidx/probes and the chain link id. */
  id: string
  /** What the link checks, for people ("DNS resolves the host"). */
  title: string
  /** One-sentence description for docs and `--help`. */
  description: string
  /** Ids of the probes whose success this one needs; skipped with the reason when one fails. */
  after: string[]
  appliesTo?: AppliesTo
  /** Every code this probe may report. Reporting an undeclared code is a bug (engine/probe-crashed). */
  findings: Record<string, FindingSpec>
  /** Link to the probe's doc page. */
  docs?: string
}

/** What a probe passes to `ctx.report`: the engine adds the probe id and the declared severity. */
export interface FindingInput {
  code: string
  message: string
  /** What to do, in the vendor's terms; null for evidence. */
  fix?: string | null
  /** Machine-readable evidence; redacted by the engine before it leaves. */
  data?: Record<string, unknown>
  /** Overrides the declared severity (e.g. a deprecated version is a warning, a sunset one an error). */
  severity?: Severity
}

/**
 * A finding as the engine records it: the report's Finding (schemas/report.schema.json) before
 * diagnosis, which sets `retry` (the report builder fills it from core's retry table).
 */
export type EngineFinding = Omit<Finding, 'retry'> & { retry?: Finding['retry'] }

/** Credentials as probes see them: which are present and which are missing, never the values. */
export interface CredentialView {
  /** True when every credential the target's auth needs is present. */
  complete: boolean
  /** Credentials the auth needs that are not set, with the environment variable to set. */
  missing: { name: string; env: string }[]
  /** Why credentials were not sent even though present (insecure channel, host outside the pack), else undefined. */
  withheld?: string
  /** The fix for `withheld` when the caller withheld them (an untrusted project config), else the probe's own. */
  withheldFix?: string
}

/** The narrow context a probe runs with (STYLE habit 5: widening it needs a reason). */
export interface ProbeContext {
  /** The resolved target: pack, service, version and the URL in use. */
  readonly target: Target
  readonly credentials: CredentialView
  /** Aborted when the run is cancelled or the probe's budget ends. */
  readonly signal: AbortSignal
  /** The clock the run uses (a fake one in tests). */
  readonly clock: { now(): number }
  readonly deadlines: PhaseDeadlines
  /** The result of the one real connection of this run (made once, shared by every probe). */
  exchange(): Promise<Exchange>
  /** Records a finding. */
  report(finding: FindingInput): void
  /** Records the time of the phase this link stands for (shown in the chain). */
  measure(ms: number | undefined): void
}

/** A probe: static meta and a run function that reports and never throws on expected failures. */
export interface Probe {
  meta: ProbeMeta
  /**
   * What the probe knows before any packet (missing credentials, a wrong scheme): run first, and run
   * even when a link this one needs failed, so every run reports it. Must not call `ctx.exchange()`.
   */
  checkStatic?(ctx: ProbeContext): void
  run(ctx: ProbeContext): Promise<void> | void
}
