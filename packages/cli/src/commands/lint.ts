// `apidx lint [paths…]`: the user's integration code (JS/TS and Python) checked against the packs:
// swallowed errors, start-up blocked on a vendor, stale endpoints, timestamps of the wrong unit or
// zone, committed credentials (masked), missing doc headers. The work is lintFiles (../lint);
// rendering is render/lint.ts and render/lint-sarif.ts.
import { Args, Flags } from '@oclif/core'
import { ApidxError } from '@apidx/core'
import { ApidxCommand, EXIT } from '../base.js'
import { printError, printJson } from '../output.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { colorEnabled } from '../style.js'
import { lintFiles, RULES, type LintResult } from '../lint/index.js'
import { renderLint } from '../render/lint.js'
import { renderLintSarif } from '../render/lint-sarif.js'

export default class Lint extends ApidxCommand {
  static override description =
    'Check integration code (JavaScript, TypeScript, Python) against the provider packs: swallowed errors, blocking start-up, stale endpoints, timestamp units and zones, hard-coded credentials, doc headers.'
  static override examples = [
    '<%= config.bin %> lint src/',
    '<%= config.bin %> lint asr_client.py --json',
    '<%= config.bin %> lint . --format sarif > apidx.sarif',
    '<%= config.bin %> lint . --rule missing-doc-header=off',
  ]
  static override strict = false
  static override args = {
    paths: Args.string({ description: 'files or folders to lint (default: the current folder)' }),
  }
  static override flags = {
    format: Flags.string({
      options: ['pretty', 'json', 'sarif'],
      default: 'pretty',
      description: 'output format',
    }),
    rule: Flags.string({
      multiple: true,
      description: 'run only this rule (repeatable), or turn one off with <rule>=off',
    }),
  }

  async run(): Promise<LintResult> {
    const { argv, flags } = await this.parse(Lint)
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.']
    const settings = await loadSettings()
    const rules = selectRules(flags.rule ?? [], settings.config.lint?.rules ?? {})
    const core = await import('@apidx/core')
    const packs = (await core.listPacks(packOptions(settings.packPaths))).map((p) => p.pack)
    const result = await lintFiles(paths, { packs, rules })
    for (const f of result.files)
      if (f.error)
        printError(`Skipped ${f.path}: cannot parse (${f.error.line}:${f.error.column} ${f.error.message})`)
    if (result.files.some((f) => f.findings.some((x) => x.severity === 'error'))) this.setExit(EXIT.fault)
    if (flags.format === 'sarif' && !this.jsonEnabled())
      printJson(renderLintSarif(result, pick(rules), { version: this.config.version, base: process.cwd() }))
    else if (flags.format === 'json' && !this.jsonEnabled()) printJson(result)
    else this.show(renderLint(result, colorEnabled()))
    return result
  }
}

/** The rules to run: --rule names (all when none), minus those set off by --rule x=off or config. */
export function selectRules(flags: string[], config: Record<string, string>): string[] {
  const known = Object.keys(RULES)
  const only: string[] = []
  const off = new Set(
    Object.entries(config)
      .filter(([, v]) => v === 'off')
      .map(([k]) => k),
  )
  for (const f of flags) {
    const [id = '', state] = f.split(/[=:]/)
    if (!known.includes(id))
      throw new ApidxError('ERR_USAGE', `Unknown lint rule "${id}".`, {
        suggestions: [`Rules: ${known.join(', ')}`],
      })
    if (state === 'off') off.add(id)
    else only.push(id)
  }
  return (only.length > 0 ? only : known).filter((r) => !off.has(r))
}

function pick(ids: string[]): typeof RULES {
  return Object.fromEntries(ids.map((id) => [id, RULES[id]])) as typeof RULES
}
