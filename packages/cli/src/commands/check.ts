// `apidx check`: walks the failure chain of one endpoint and returns the report (DESIGN §7). The
// target comes from flags, then config defaults, then the pack; credentials only from the variables
// the pack declares (or config); `--mock` runs the emulator in-process. Rendering is in render/check*.
import { Args, Flags } from '@oclif/core'
import type { CheckReport, LoadedPack, ProviderDefaults, RunOptions, Target } from '@apidx/core'
import type { MockSession } from '@apidx/mock'
import { ApidxCommand, EXIT } from '../base.js'
import { isInteractive, print, printError, printJson } from '../output.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { renderCheck, renderProgress } from '../render/check.js'
import { renderCheckHtml, renderCheckJunit, renderCheckMarkdown } from '../render/check-formats.js'

const FORMATS = ['pretty', 'json', 'markdown', 'junit', 'html'] as const

export default class Check extends ApidxCommand {
  static override description =
    'Diagnose an endpoint: DNS → TCP → TLS → handshake → auth → first frames → format → vendor codes, with the root cause and its fix.'
  static override examples = [
    '<%= config.bin %> check --provider iflytek --mock',
    '<%= config.bin %> check --provider iflytek --mock clock-skew',
    '<%= config.bin %> check --provider iflytek --service iat',
    '<%= config.bin %> check --provider iflytek --service iat --endpoint wss://my-proxy.example/v2/iat --json',
  ]
  static override args = {
    // Never read from stdin: a piped stdin is not a scenario.
    scenario: Args.string({
      description: 'emulator fault scenario, with --mock (e.g. clock-skew); healthy when absent',
      required: false,
      ignoreStdin: true,
    }),
  }
  static override flags = {
    provider: Flags.string({ char: 'p', description: 'provider pack id or path', required: true }),
    service: Flags.string({ char: 's', description: "the pack's service id (e.g. iat)" }),
    version: Flags.string({
      description: "the service's version id (e.g. v2); the default version when absent",
    }),
    endpoint: Flags.string({
      char: 'e',
      description:
        "URL replacing the pack's (a proxy, a private deployment); naming it trusts it with the credentials",
    }),
    timeout: Flags.integer({
      char: 't',
      description: 'base deadline per network phase, in ms',
      min: 50,
      max: 600_000,
    }),
    format: Flags.string({
      char: 'f',
      description: 'output format',
      options: [...FORMATS],
      default: 'pretty',
    }),
    mock: Flags.boolean({
      description: 'check against the built-in emulator on loopback, with demo credentials (offline)',
    }),
    'allow-insecure': Flags.boolean({
      description: 'allow credentials over plain ws:// or http:// to a non-loopback host',
    }),
  }

  async run(): Promise<CheckReport> {
    const { flags, args } = await this.parse(Check)
    const core = await import('@apidx/core')
    if (args.scenario !== undefined && !flags.mock) {
      throw new core.ApidxError(
        'ERR_USAGE',
        `"${args.scenario}" is an emulator scenario, which needs --mock.`,
        { suggestions: [`apidx check --provider ${flags.provider} --mock ${args.scenario}`] },
      )
    }
    const settings = await loadSettings()
    const loaded: LoadedPack = await core.loadPack(flags.provider, packOptions(settings.packPaths))
    const defaults: ProviderDefaults = settings.config.providers?.[loaded.pack.id] ?? {}
    const endpoint = flags.mock ? undefined : (flags.endpoint ?? defaults.endpoint)
    // Without a service anywhere, the pack's first (its main one: `apidx check --provider iflytek --mock` just works).
    const service =
      flags.service ?? defaults.service ?? (endpoint ? undefined : Object.keys(loaded.pack.services)[0])
    const version = flags.version ?? defaults.version
    if (flags.mock && flags.endpoint)
      throw new core.ApidxError(
        'ERR_USAGE',
        '--mock and --endpoint cannot be combined: the emulator chooses its own loopback address.',
      )
    let target: Target = core.resolveTarget(loaded.pack, {
      ...(service ? { service } : {}),
      ...(version ? { version } : {}),
      ...(endpoint ? { endpoint } : {}),
    })
    const format = flags.json ? 'json' : (flags.format as (typeof FORMATS)[number])
    const color = colorEnabled()
    const progress = format === 'pretty' && isInteractive()

    let credentials = await credentialsFor(loaded, defaults)
    // The user's own values, checked by shape before any request (the emulator's demo values are not theirs).
    const hygiene = flags.mock ? undefined : core.checkCredentialHygiene(loaded.pack, credentials)
    let extra: Partial<RunOptions> = {}
    let mock: MockSession | undefined
    if (flags.mock) {
      // The emulator in-process on a free loopback port, TLS with its own test CA like the real endpoints.
      const { startSession } = await import('@apidx/mock')
      mock = await startSession({
        pack: loaded.pack,
        service: target.serviceId,
        version: target.versionId,
        ...(args.scenario ? { scenario: args.scenario } : {}),
      })
      target = mock.target
      credentials = mock.credentials
      extra = mock.options
    }
    const redact = await redactorFor(loaded, credentials, hygiene?.alsoSecret)
    let report: CheckReport
    try {
      const run = await core.runChecks({
        target,
        registry: core.createRegistry((await import('@apidx/probes')).builtinProbes),
        credentials,
        timeoutMs: flags.timeout ?? defaults.timeout ?? core.DEFAULT_TIMEOUT_MS,
        allowInsecure: flags['allow-insecure'],
        ...(hygiene?.findings.length ? { staticFindings: hygiene.findings } : {}),
        // Progress goes to stderr on a TTY only, one line per finished link; stdout stays the report.
        ...(progress
          ? {
              onProgress: (e) => {
                if (e.type === 'end')
                  printError(renderProgress(e.link, e.status, colorEnabled(process.env, true)))
              },
            }
          : {}),
        ...extra,
      })
      report = core.buildReport(run, { redact, mock: flags.mock ? (args.scenario ?? 'healthy') : null })
    } finally {
      await mock?.close()
    }
    if (report.verdict === 'fail') this.setExit(EXIT.fault)
    if (flags.json) return report
    if (format === 'json') printJson(report)
    else if (format === 'markdown') print(renderCheckMarkdown(report))
    else if (format === 'junit') print(renderCheckJunit(report))
    else if (format === 'html') print(renderCheckHtml(report))
    else print(renderCheck(report, color))
    return report
  }
}

/** Credential values by name: the pack's environment variables (core readCredentials), overridden by config (already interpolated). */
async function credentialsFor(
  loaded: LoadedPack,
  defaults: ProviderDefaults,
): Promise<Record<string, string>> {
  const { readCredentials } = await import('@apidx/core')
  const values = { ...readCredentials(loaded.pack, process.env).values }
  for (const [name, v] of Object.entries(defaults.credentials ?? {})) if (v) values[name] = v
  return values
}

/** The core Redactor over every secret credential value (the pack marks which are secret), and any value hygiene found to be a secret in a non-secret slot. */
async function redactorFor(
  loaded: LoadedPack,
  credentials: Record<string, string>,
  alsoSecret: readonly string[] = [],
): Promise<(text: string) => string> {
  const { createRedactor, secretValues } = await import('@apidx/core')
  return createRedactor([...secretValues(loaded.pack, credentials), ...alsoSecret]).redact
}
