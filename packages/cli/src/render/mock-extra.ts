// Renders the returning modes of `apidx mock`: --list, --print-env and --detach. Pure functions.
import type { MockInfo } from './mock.js'

/** `apidx mock --list`: every scenario id with its one-line description. */
export interface ScenarioList {
  provider: string
  scenarios: { id: string; description: string; expect: string | null }[]
}

/** `apidx mock --print-env`: export lines for `eval`. */
export interface EnvExports {
  provider: string
  env: string[]
}

/** `apidx mock --detach`: the running emulator, its pid file and how to stop it. */
export interface DetachedMock extends MockInfo {
  env: string[]
  pid: number
  pidFile: string
  stopCommand: string
}

export function renderScenarioList(list: ScenarioList): string {
  const width = Math.max(...list.scenarios.map((s) => s.id.length))
  return [
    `Scenarios of the ${list.provider} emulator (apidx mock --scenario <id>, apidx check --mock <id>):`,
    ...list.scenarios.map((s) => `  ${s.id.padEnd(width)}  ${s.description}`),
    `  ${'vendor-error:<code>'.padEnd(width)}  The vendor answers with one of the pack's error codes (#<n> picks a message variant).`,
  ].join('\n')
}

/** Only the export lines, so `eval "$(apidx mock … --print-env)"` runs nothing else. */
export function renderExports(info: EnvExports): string {
  return info.env.join('\n')
}

export function renderDetached(info: DetachedMock): string {
  return [
    `# apidx mock is running in the background (pid ${info.pid}, in ${info.pidFile}): ${info.url}`,
    ...info.env,
    `# Try: ${info.tryCommand}`,
    `# Stop: ${info.stopCommand}`,
  ].join('\n')
}
