// `apidx mock`: runs the pack-driven vendor emulator in the foreground on loopback, healthy or with one
// fault of the matrix, until SIGINT/SIGTERM. Demo credentials are printed only masked, or as export
// lines with --print-env. Rendering is in render/mock.ts.
import { writeFile } from 'node:fs/promises'
import { Flags } from '@oclif/core'
import { ApidxCommand } from '../base.js'
import { printError, printJson } from '../output.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { maskHint, renderMock, renderRequestLine, type MockInfo } from '../render/mock.js'
import {
  renderDetached,
  renderExports,
  renderScenarioList,
  type EnvExports,
  type ScenarioList,
} from '../render/mock-extra.js'
import { detach, printEnvInfo, scenarioList } from '../mock-modes.js'

export default class Mock extends ApidxCommand {
  static override description =
    "Run the vendor emulator on loopback: the pack's service at its documented path, healthy or with a fault scenario (offline, demo credentials)."
  static override examples = [
    '<%= config.bin %> mock --provider iflytek',
    '<%= config.bin %> mock --provider iflytek --service iat',
    '<%= config.bin %> mock --provider iflytek --service iat --scenario clock-skew --port 18080',
    '<%= config.bin %> mock --provider iflytek --service spark --tls --ca-out ./mock-ca.pem',
    '<%= config.bin %> mock --provider iflytek --list',
    'eval "$(<%= config.bin %> mock --provider iflytek --print-env)"',
    '<%= config.bin %> mock --provider iflytek --detach --pid-file ./mock.pid',
  ]
  static override flags = {
    provider: Flags.string({ char: 'p', description: 'provider pack id or path', required: true }),
    service: Flags.string({
      char: 's',
      description:
        "the pack's service id (e.g. iat); the config's default, else the pack's first, when absent",
    }),
    version: Flags.string({ description: "the service's version id; the default version when absent" }),
    port: Flags.integer({
      description: 'port to listen on (loopback only); a free one when absent',
      min: 0,
      max: 65_535,
    }),
    scenario: Flags.string({
      description: 'fault scenario (e.g. clock-skew, wrong-secret, vendor-error:10165); healthy when absent',
    }),
    tls: Flags.boolean({ description: 'serve wss/https with a certificate from an in-process test CA' }),
    'ca-out': Flags.string({
      description:
        "write the test CA's PEM to this file, for clients to trust (with --tls or a tls-* scenario)",
    }),
    'print-env': Flags.boolean({
      description:
        'print the demo credentials as export lines and return (for eval); the emulator does not keep running',
    }),
    list: Flags.boolean({ description: 'list every fault scenario with one line each, and return' }),
    detach: Flags.boolean({
      description: 'start the emulator in the background, print its URL and exports, and return',
    }),
    'pid-file': Flags.string({
      description: 'with --detach: where to write the emulator\'s pid (stop it with kill "$(cat FILE)")',
      default: 'apidx-mock.pid',
    }),
  }

  private printed = false

  async run(): Promise<MockInfo | ScenarioList | EnvExports> {
    const { flags } = await this.parse(Mock)
    if (flags.list) {
      const list = await scenarioList(flags.provider)
      this.show(renderScenarioList(list))
      return list
    }
    if (flags['print-env']) {
      const info = await printEnvInfo(flags)
      this.show(renderExports(info))
      return info
    }
    if (flags.detach) {
      const info = await detach(this.argv, flags['pid-file'])
      this.show(renderDetached(info))
      return info
    }
    const core = await import('@apidx/core')
    const { startMock, demoCredentials } = await import('@apidx/mock')
    const settings = await loadSettings()
    const loaded = await core.loadPack(flags.provider, packOptions(settings.packPaths))
    const { pack } = loaded
    await this.notices(settings, loaded)
    // Like `apidx check`: flags, then the config's defaults for the provider, then the pack's first service.
    const defaults = settings.config.providers?.[pack.id] ?? {}
    const target = core.resolveTarget(
      pack,
      core.targetDefaults(pack, defaults, { ...flags, noEndpoint: true }),
    )
    const credentials = demoCredentials(pack)
    const server = await startMock({
      pack,
      service: target.serviceId,
      version: target.versionId,
      credentials,
      ...(flags.scenario ? { scenario: flags.scenario } : {}),
      ...(flags.port !== undefined ? { port: flags.port } : {}),
      tls: flags.tls,
      // A request log on stderr, so stdout stays the banner (or the one JSON document).
      onRequest: (r) =>
        printError(renderRequestLine(r, colorEnabled(process.env, Boolean(process.stderr.isTTY)))),
    })
    // Listen for the signals before printing the URL: a script may stop us as soon as it reads it.
    const stopped = untilSignal()
    try {
      let caFile: string | undefined
      if (flags['ca-out'] && server.ca) {
        await writeFile(flags['ca-out'], server.ca, { mode: 0o644 })
        caFile = flags['ca-out']
      }
      const info = describe(pack, target, server, credentials, flags['print-env'], caFile)
      if (this.jsonEnabled()) {
        printJson(info)
        this.printed = true
      } else this.show(renderMock(info, colorEnabled()))
      await stopped
      return info
    } finally {
      await server.close()
      if (!this.jsonEnabled()) printError('apidx mock: stopped.')
    }
  }

  /** The JSON document is printed once, when the emulator listens, not again when it stops. */
  protected override logJson(json: unknown): void {
    if (!this.printed) super.logJson(json)
  }
}

type Core = typeof import('@apidx/core')
type MockModule = typeof import('@apidx/mock')

export function describe(
  pack: import('@apidx/core').ProviderPack,
  target: ReturnType<Core['resolveTarget']>,
  server: Awaited<ReturnType<MockModule['startMock']>>,
  credentials: Record<string, string>,
  printEnv: boolean,
  caFile: string | undefined,
): MockInfo {
  const needed = Object.entries(pack.credentials).filter(([name]) => credentials[name] !== undefined)
  const secure = server.url.startsWith('wss:') || server.url.startsWith('https:')
  const prefix = caFile ? `NODE_EXTRA_CA_CERTS=${caFile} ` : ''
  return {
    provider: pack.id,
    service: target.serviceId,
    version: target.versionId,
    protocol: target.version.protocol,
    url: server.url,
    scenario: {
      id: server.scenario.vendorCode
        ? `${server.scenario.id}:${server.scenario.vendorCode}${server.scenario.vendorVariant !== undefined ? `#${server.scenario.vendorVariant}` : ''}`
        : server.scenario.id,
      description: server.scenario.description,
      expect: server.scenario.expect,
      ...(server.scenario.client ? { client: server.scenario.client as Record<string, string> } : {}),
    },
    tls:
      secure && server.servername
        ? { servername: server.servername, trusted: server.ca !== undefined, ...(caFile ? { caFile } : {}) }
        : null,
    credentials: needed.map(([name, c]) => ({
      name,
      env: c.env,
      secret: c.secret,
      hint: maskHint(credentials[name]!, c.secret),
    })),
    ...(printEnv ? { env: needed.map(([name, c]) => `export ${c.env}=${credentials[name]}`) } : {}),
    // The demo values are fixed and public (credentials.ts), so the line works when pasted.
    tryCommand: `${prefix}${needed.map(([name, c]) => `${c.env}=${credentials[name]} `).join('')}apidx check --provider ${pack.id} --service ${target.serviceId} --version ${target.versionId} --endpoint ${server.url}`,
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
