// `apidx check`'s flags as library options: usage rules that speak of flags, then one CheckOptions for
// a single endpoint or a list of targets for `--all` and `--targets`. No orchestration: that is api/check.
import path from 'node:path'
import { ApidxError } from '@apidx/core'
import type { CheckOptions } from './api/check.js'
import { loadProvider } from './api/check.js'
import type { FleetTarget } from './api/check-all.js'
import { loadTargets } from './api/targets.js'
import type { Settings } from './settings.js'

/** The flags and argument of `apidx check`, as parsed. */
export interface CheckFlags {
  provider?: string
  service?: string
  version?: string
  endpoint?: string
  timeout?: number
  mock: boolean
  'allow-insecure': boolean
  proxy?: string
  'no-proxy'?: boolean
  all: boolean
  targets?: string
  concurrency?: number
  scenario?: string
}

/** Rejects flag combinations that cannot mean anything, with the command that would. */
export function checkUsage(f: CheckFlags): void {
  const usage = (message: string, suggestions: string[] = []) =>
    new ApidxError('ERR_USAGE', message, { suggestions })
  if (f.scenario !== undefined && !f.mock)
    throw usage(`"${f.scenario}" is an emulator scenario, which needs --mock.`, [
      `apidx check --provider ${f.provider ?? '<id>'} --mock ${f.scenario}`,
    ])
  if (f.mock && f.endpoint)
    throw usage('--mock and --endpoint cannot be combined: the emulator chooses its own loopback address.')
  if (f.all && f.targets) throw usage('--all and --targets cannot be combined: choose one list of targets.')
  if (!f.targets && !f.provider)
    throw usage('Name a provider with --provider, or a targets file with --targets.')
  if (f.targets && (f.provider || f.service || f.version || f.endpoint))
    throw usage('--targets names every target itself: drop --provider, --service, --version and --endpoint.')
  if (f.all && (f.service || f.version || f.endpoint))
    throw usage(
      '--all checks every service at its default version: drop --service, --version and --endpoint.',
    )
}

/** The options of a single check. */
export function singleOptions(f: CheckFlags, settings: Settings): CheckOptions {
  return {
    provider: f.provider!,
    config: settings.config,
    allowInsecure: f['allow-insecure'],
    proxy: proxyOption(f),
    ...(f.service ? { service: f.service } : {}),
    ...(f.version ? { version: f.version } : {}),
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    ...(f.timeout ? { timeoutMs: f.timeout } : {}),
    ...(f.mock ? { mock: f.scenario ?? true } : {}),
  }
}

/** The targets of `--all` or `--targets`, the file's concurrency, and the file results point at. */
export async function fleetOptions(
  f: CheckFlags,
  settings: Settings,
): Promise<{ targets: FleetTarget[]; concurrency?: number; artifact?: string }> {
  const common = {
    config: settings.config,
    allowInsecure: f['allow-insecure'],
    proxy: proxyOption(f),
    ...(f.timeout ? { timeoutMs: f.timeout } : {}),
    ...(f.mock ? { mock: f.scenario ?? true } : {}),
  }
  if (f.all) {
    const loaded = await loadProvider({ provider: f.provider!, config: settings.config })
    const targets = Object.keys(loaded.pack.services).map((service) => ({
      ...common,
      provider: loaded,
      service,
    }))
    return { targets, ...(settings.file ? { artifact: relative(settings.file) } : {}) }
  }
  const file = f.targets!
  const loaded = await loadTargets(file)
  // Under --mock every target runs against its own emulator, so the file's endpoints do not apply.
  const targets = loaded.targets.map(({ endpoint, ...t }) => ({
    ...t,
    ...common,
    ...(endpoint && !f.mock ? { endpoint } : {}),
    ...(t.timeoutMs ? { timeoutMs: t.timeoutMs } : {}),
  }))
  return {
    targets,
    ...(loaded.concurrency ? { concurrency: loaded.concurrency } : {}),
    artifact: relative(file),
  }
}

/** A path as code scanning wants it: relative to the working directory (the checkout), `/` separators. */
function relative(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/')
}

/** --proxy and --no-proxy as the library's proxy option. */
function proxyOption(f: CheckFlags): { url?: string; disabled: boolean } {
  return { ...(f.proxy ? { url: f.proxy } : {}), disabled: Boolean(f['no-proxy']) }
}
