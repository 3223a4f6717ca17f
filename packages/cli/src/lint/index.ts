// apidx lint: the user's integration code checked against the packs' facts. lintFiles is the API the
// command calls; rendering lives in ../render/lint.ts and ../render/lint-sarif.ts.
import type { ProviderPack } from '@apidx/core'
import { packFacts } from './facts.js'
import { collectFiles, readSourceFile } from './files.js'
import { lintText, type FileResult } from './run.js'
import { RULES } from './rules/index.js'

export { RULES } from './rules/index.js'
export { lintText, type FileResult } from './run.js'
export { packFacts, type PackFacts } from './facts.js'
export type { Finding, Rule, Severity } from './rule.js'

export interface LintResult {
  files: FileResult[]
  /** Files named or found that were not linted, with the reason. */
  skipped: { path: string; reason: string }[]
}

export interface LintOptions {
  packs: ProviderPack[]
  /** Rule ids to run; all built-in rules when absent. */
  rules?: string[]
}

export async function lintFiles(paths: string[], options: LintOptions): Promise<LintResult> {
  const facts = packFacts(options.packs)
  const rules = options.rules ?? Object.keys(RULES)
  const { files, skipped } = await collectFiles(paths)
  const results: FileResult[] = []
  for (const file of files) {
    const read = await readSourceFile(file)
    if ('skipped' in read) skipped.push({ path: file, reason: read.skipped })
    else results.push(await lintText(file, read.text, facts, rules))
  }
  return { files: results, skipped }
}
