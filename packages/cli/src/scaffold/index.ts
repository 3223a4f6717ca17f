// `apidx scaffold`: the troubleshooting method's minimal standalone test script for one service,
// generated from its pack, in Python or JavaScript/TypeScript; or the integration-file header alone.
import type { ProviderPack } from '@apidx/core'
import { headerComment, headerLines } from './header.js'
import { javascriptScript } from './javascript.js'
import { planScript, type ScriptPlan } from './plan.js'
import { pythonScript } from './python.js'

export type ScaffoldLang = 'python' | 'js' | 'ts'

/** One file the scaffold writes: a path relative to the output folder and its text. */
export interface ScaffoldFile {
  path: string
  content: string
  executable?: boolean
}

export interface ScaffoldOptions {
  service: string
  version?: string
  lang: ScaffoldLang
}

const SCRIPT_NAME: Record<ScaffoldLang, string> = { python: 'check.py', js: 'check.mjs', ts: 'check.ts' }

/** The files of a scaffolded check: the script, and the dependency list it needs. */
export function scaffold(pack: ProviderPack, options: ScaffoldOptions): ScaffoldFile[] {
  const plan = planScript(pack, options.service, options.version)
  const header = headerLines(pack, plan.service, plan.version)
  if (options.lang === 'python')
    return [{ path: SCRIPT_NAME.python, content: pythonScript(pack, plan, header), executable: true }]
  return [
    { path: SCRIPT_NAME[options.lang], content: javascriptScript(plan, header, options.lang) },
    { path: 'package.json', content: packageJson(plan, options.lang) },
  ]
}

/** Only the header comment, for an existing integration file. */
export function scaffoldHeader(pack: ProviderPack, options: ScaffoldOptions): string {
  const plan = planScript(pack, options.service, options.version)
  return headerComment(headerLines(pack, plan.service, plan.version), options.lang) + '\n'
}

function packageJson(plan: ScriptPlan, lang: ScaffoldLang): string {
  const deps: Record<string, string> = { apidx: '^0.1.0' }
  if (plan.protocol === 'websocket') deps.ws = '^8.18.3'
  const dev = lang === 'ts' ? { devDependencies: { tsx: '^4.20.0', '@types/ws': '^8.18.1' } } : {}
  const script = lang === 'ts' ? 'tsx check.ts' : 'node check.mjs'
  const pkg = {
    name: `${plan.provider}-${plan.service}-check`,
    private: true,
    type: 'module',
    scripts: { check: script },
    dependencies: deps,
    ...dev,
  }
  return JSON.stringify(pkg, null, 2) + '\n'
}
