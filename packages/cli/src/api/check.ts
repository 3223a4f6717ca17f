// The library's `check`: one endpoint's failure chain as a CheckReport, the orchestration the CLI's
// `check` command, `--all`, `--targets` and `apidx serve` share. Precedence: options, then the user's
// config defaults, then the pack; credentials from the pack's environment variables, config, options.
import type { ApidxConfig, CheckReport, LoadedPack, ProviderDefaults, RunOptions, Target } from '@apidx/core'
import {
  ApidxError,
  buildReport,
  checkCredentialHygiene,
  createRedactor,
  createRegistry,
  DEFAULT_TIMEOUT_MS,
  loadPack,
  providerCredentials,
  proxySecrets,
  readCredentials,
  resolveTarget,
  targetDefaults,
  runChecks,
  secretValues,
} from '@apidx/core'
import type { MockSession } from '@apidx/mock'
import { packOptions } from '../packs.js'

/** What to check and how. Everything but `provider` is optional. */
export interface CheckOptions {
  /** A provider pack id (built-in, installed, or a path), or a pack already loaded with `loadPack`. */
  provider: string | LoadedPack
  /** The pack's service id; config's default, else the pack's first service (unless `endpoint` names one). */
  service?: string
  /** The service's version id; config's default, else the service's default version. */
  version?: string
  /** A URL replacing the pack's (a proxy, a private deployment): naming it trusts it with the credentials. */
  endpoint?: string
  /** Credential values by the pack's credential name, over config's and the pack's environment variables. */
  credentials?: Record<string, string>
  /** Where the pack's environment variables are read; `process.env` when absent. */
  env?: NodeJS.ProcessEnv
  /** Base deadline per network phase, in ms; config's default, else 5000. */
  timeoutMs?: number
  /** Aborts the run (the report then names the phase that was cut short). */
  signal?: AbortSignal
  /** Allow credentials over plain ws:// or http:// to a non-loopback host. */
  allowInsecure?: boolean
  /** Check against the built-in emulator on loopback instead: `true` for a healthy one, or a scenario id. */
  mock?: boolean | string
  /** The user's config (per-provider defaults, extra pack paths); none when absent. */
  config?: ApidxConfig
  /**
   * Withhold the credentials and say why (the CLI sets it when an untrusted project config chose
   * where they would go); the report names the reason and the fix.
   */
  withhold?: { reason: string; fix: string }
  /**
   * The proxy, like curl: `url` overrides the environment's HTTPS_PROXY/HTTP_PROXY/ALL_PROXY (read from
   * `env`), `disabled` ignores them. Never used for the emulator, which listens on loopback.
   */
  proxy?: { url?: string; disabled?: boolean }
  /** Called as each link of the chain starts and ends. */
  onProgress?: RunOptions['onProgress']
}

/** Runs the failure chain of one endpoint and returns its redacted report. Throws ApidxError for bad options only. */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const loaded = await loadProvider(options)
  const defaults: ProviderDefaults = options.config?.providers?.[loaded.pack.id] ?? {}
  if (options.mock && options.endpoint)
    throw new ApidxError(
      'ERR_USAGE',
      'The mock and endpoint options cannot be combined: the emulator chooses its own loopback address.',
    )
  let target = resolveWanted(loaded, defaults, options)
  const plan = credentialsFor(loaded, options)
  let credentials = plan.values
  let extra: Partial<RunOptions> = {
    credentialEnv: plan.credentialEnv,
    ...(options.withhold ? { withhold: options.withhold } : {}),
  }
  const scenario = typeof options.mock === 'string' ? options.mock : undefined
  // The user's own values only: the emulator's demo credentials are not theirs to fix.
  const hygiene = options.mock ? undefined : checkCredentialHygiene(loaded.pack, credentials)
  if (hygiene?.findings.length) extra.staticFindings = hygiene.findings
  const mock = options.mock ? await startEmulator(loaded, target, scenario) : undefined
  if (mock) ({ target, credentials, options: extra } = mock)
  const proxy = {
    ...(options.proxy?.url ? { url: options.proxy.url } : {}),
    disabled: Boolean(options.proxy?.disabled),
    ...(mock ? {} : { env: options.env ?? process.env }),
  }
  try {
    const run = await runChecks({
      target,
      registry: createRegistry((await import('@apidx/probes')).builtinProbes),
      credentials,
      timeoutMs: options.timeoutMs ?? defaults.timeout ?? DEFAULT_TIMEOUT_MS,
      allowInsecure: Boolean(options.allowInsecure),
      proxy,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...extra,
    })
    // Proxy passwords are secrets too (DESIGN §8): masked wherever they might reappear.
    const redact = createRedactor([
      ...secretValues(loaded.pack, credentials),
      ...proxySecrets(proxy),
      ...(hygiene?.alsoSecret ?? []),
    ]).redact
    return buildReport(run, { redact, mock: mock ? (scenario ?? 'healthy') : null })
  } finally {
    await mock?.close()
  }
}

/** The pack named by `provider`, loaded from the built-ins, installed packs and config's pack paths. */
export async function loadProvider(options: Pick<CheckOptions, 'provider' | 'config'>): Promise<LoadedPack> {
  if (typeof options.provider !== 'string') return options.provider
  return loadPack(options.provider, packOptions(options.config?.packs ?? []))
}

/** The service version and endpoint asked for: options, then config defaults, then the pack. */
function resolveWanted(loaded: LoadedPack, defaults: ProviderDefaults, options: CheckOptions): Target {
  // The emulator serves its own address, so a configured endpoint does not apply under mock.
  const requested = {
    ...(options.service ? { service: options.service } : {}),
    ...(options.version ? { version: options.version } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    noEndpoint: Boolean(options.mock),
  }
  return resolveTarget(loaded.pack, targetDefaults(loaded.pack, defaults, requested))
}

/** The emulator in-process on a free loopback port, TLS with its own test CA like the real endpoints. */
async function startEmulator(loaded: LoadedPack, target: Target, scenario?: string): Promise<MockSession> {
  const { startSession } = await import('@apidx/mock')
  return startSession({
    pack: loaded.pack,
    service: target.serviceId,
    version: target.versionId,
    ...(scenario ? { scenario } : {}),
  })
}

/**
 * Credential values: the pack's environment variables, then config's (its `${env:NAME}` read now, for
 * this provider only), then the options'. `credentialEnv` names the variable of a config credential
 * that is unset, so a missing one is reported as the user wrote it.
 */
function credentialsFor(
  loaded: LoadedPack,
  options: CheckOptions,
): { values: Record<string, string>; credentialEnv: Record<string, string> } {
  const env = options.env ?? process.env
  const values = { ...readCredentials(loaded.pack, env).values }
  const fromConfig = providerCredentials(options.config ?? {}, loaded.pack.id, env)
  Object.assign(values, fromConfig.values)
  const credentialEnv: Record<string, string> = {}
  for (const { name, variable } of fromConfig.unset) {
    delete values[name]
    credentialEnv[name] = variable
  }
  for (const [name, v] of Object.entries(options.credentials ?? {})) if (v) values[name] = v
  return { values, credentialEnv }
}
