// `apidx doctor`: the environment every check runs in — Node, proxies, CA variables, DNS, IPv6, the
// clock, and each provider's credential variables (masked) with hygiene findings. Core's runDoctor
// does the work; render/doctor.ts draws it.
import { Flags } from '@oclif/core'
import type { DoctorReport, ProviderPack } from '@apidx/core'
import { ApidxCommand, EXIT } from '../base.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { renderDoctor } from '../render/doctor.js'

export default class Doctor extends ApidxCommand {
  static override description =
    "Check this machine's environment for API calls: Node, proxies (and whether they answer), CA variables, DNS, IPv6, the clock, and each provider's credential variables (masked)."
  static override examples = [
    '<%= config.bin %> doctor',
    '<%= config.bin %> doctor --provider iflytek --json',
    '<%= config.bin %> doctor --provider openai --proxy http://proxy.corp.example:3128',
  ]
  static override flags = {
    provider: Flags.string({
      char: 'p',
      description: 'provider pack id or path; every installed pack when absent',
    }),
    proxy: Flags.string({
      description: 'proxy URL to check instead of the proxy variables',
      exclusive: ['no-proxy'],
    }),
    'no-proxy': Flags.boolean({ description: 'check as if no proxy were set' }),
    offline: Flags.boolean({ description: 'skip the network checks (proxy, DNS, IPv6, clock)' }),
    timeout: Flags.integer({
      char: 't',
      description: 'base deadline per network phase, in ms',
      min: 50,
      max: 600_000,
    }),
  }

  async run(): Promise<DoctorReport> {
    const { flags } = await this.parse(Doctor)
    const core = await import('@apidx/core')
    const settings = await loadSettings()
    const options = packOptions(settings.packPaths)
    const packs: ProviderPack[] = flags.provider
      ? [(await core.loadPack(flags.provider, options)).pack]
      : (await core.listPacks(options, [])).map((p) => p.pack)
    const report = await core.runDoctor({
      packs,
      env: process.env,
      proxy: { ...(flags.proxy ? { url: flags.proxy } : {}), disabled: flags['no-proxy'] },
      offline: flags.offline,
      ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
    })
    this.show(renderDoctor(report, colorEnabled()))
    if (!report.ok) this.setExit(EXIT.fault)
    return report
  }
}
