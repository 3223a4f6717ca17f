// `apidx check`: flags → options → the library's check/checkAll (api/) → a renderer (render/). One
// endpoint, every service of a pack (`--all`) or a targets file (`--targets`); DESIGN §7.
import { Args, Flags } from '@oclif/core'
import type { CheckReport, FleetReport } from '@apidx/core'
import { ApidxCommand, EXIT } from '../base.js'
import { check, loadProvider } from '../api/check.js'
import { untrustedReason } from '../credentials.js'
import { checkAll, DEFAULT_CONCURRENCY } from '../api/check-all.js'
import { checkUsage, fleetOptions, singleOptions } from '../check-flags.js'
import { isInteractive, print, printError, writeOutput } from '../output.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { renderProgress } from '../render/check.js'
import { CHECK_FORMATS, renderFleetAs, renderReportAs, type CheckFormat } from '../render/check-output.js'

export default class Check extends ApidxCommand {
  static override description =
    'Diagnose an endpoint: DNS → TCP → TLS → handshake → auth → first frames → format → vendor codes, with the root cause and its fix.'
  static override examples = [
    '<%= config.bin %> check --provider iflytek --mock',
    '<%= config.bin %> check --provider iflytek --mock clock-skew',
    '<%= config.bin %> check --provider iflytek --service iat',
    '<%= config.bin %> check --provider iflytek --service iat --endpoint wss://my-proxy.example/v2/iat --json',
    '<%= config.bin %> check --provider iflytek --all --mock',
    '<%= config.bin %> check --targets apidx-targets.yaml --concurrency 4 --format sarif --output apidx.sarif',
    '<%= config.bin %> check --provider openai --proxy http://proxy.corp.example:3128',
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
    provider: Flags.string({ char: 'p', description: 'provider pack id or path' }),
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
      options: [...CHECK_FORMATS],
      default: 'pretty',
    }),
    output: Flags.string({
      char: 'o',
      description: 'write the --format output to this file; the terminal shows the summary',
    }),
    mock: Flags.boolean({
      description: 'check against the built-in emulator on loopback, with demo credentials (offline)',
    }),
    proxy: Flags.string({
      description:
        'proxy URL for this check, http://[USER:PASSWORD@]HOST:PORT (default: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY like curl)',
      exclusive: ['no-proxy'],
    }),
    'no-proxy': Flags.boolean({ description: 'connect directly, whatever the proxy variables say' }),
    'allow-insecure': Flags.boolean({
      description: 'allow credentials over plain ws:// or http:// to a non-loopback host',
    }),
    all: Flags.boolean({ description: 'check every service of the pack, each at its default version' }),
    targets: Flags.string({
      description: 'check the endpoints listed in a YAML or JSON file (targets.schema.json)',
    }),
    concurrency: Flags.integer({
      description: `how many checks run at once with --all or --targets (default ${DEFAULT_CONCURRENCY})`,
      min: 1,
      max: 64,
    }),
  }

  async run(): Promise<CheckReport | FleetReport> {
    const { flags, args } = await this.parse(Check)
    const f = { ...flags, ...(args.scenario !== undefined ? { scenario: args.scenario } : {}) }
    checkUsage(f)
    const settings = await loadSettings()
    const format = (flags.json ? 'json' : flags.format) as CheckFormat
    const ctx = { color: colorEnabled(), toolVersion: this.config.version }
    let result: CheckReport | FleetReport
    let render: (format: CheckFormat) => string
    if (flags.all || flags.targets) {
      const { targets, concurrency, artifact } = await fleetOptions(f, settings)
      const fleet = await checkAll(targets, { concurrency: flags.concurrency ?? concurrency })
      ;[result, render] = [
        fleet,
        (as) => renderFleetAs(as, fleet, { ...ctx, ...(artifact ? { artifact } : {}) }),
      ]
    } else {
      // Progress goes to stderr on a TTY only, one line per finished link; stdout stays the report.
      const progress = format === 'pretty' && !flags.output && isInteractive()
      const loaded = await loadProvider({ provider: f.provider!, config: settings.config })
      await this.notices(settings, loaded)
      const withhold = untrustedReason(settings, loaded)
      const report = await check({
        ...singleOptions(f, settings),
        provider: loaded,
        ...(withhold ? { withhold } : {}),
        ...(progress
          ? {
              onProgress: (e) =>
                e.type === 'end' &&
                printError(renderProgress(e.link, e.status, colorEnabled(process.env, true))),
            }
          : {}),
      })
      ;[result, render] = [report, (as) => renderReportAs(as, report, ctx)]
    }
    if ('summary' in result ? result.summary.verdict === 'fail' : result.verdict === 'fail')
      this.setExit(EXIT.fault)
    if (flags.output) await writeOutput(flags.output, render(format))
    if (!flags.json) print(render(flags.output ? 'pretty' : format))
    return result
  }
}
