// Lints one file's text: parse, compute what the file tells about its vendor, run the enabled rules
// over the tree, drop findings an inline `apidx-disable-next-line <rule>` comment silences.
import type { PackFacts } from './facts.js'
import { fileFacts } from './file-facts.js'
import { parsePython } from './parse-python.js'
import { ParseError, parseTypeScript } from './parse-ts.js'
import {
  fillTemplate,
  type Finding,
  type Language,
  type Rule,
  type RuleContext,
  type Visitors,
} from './rule.js'
import { RULES } from './rules/index.js'
import { descendants, type LintComment, type ParsedFile } from './tree.js'

export interface FileResult {
  path: string
  findings: Finding[]
  /** Set when the file could not be parsed (it was skipped). */
  error?: { line: number; column: number; message: string }
}

export const LANGUAGES: Record<string, Language> = {
  '.py': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'javascript',
  '.mts': 'javascript',
  '.cts': 'javascript',
  '.tsx': 'javascript',
}

export function languageOf(file: string): Language | undefined {
  const m = /\.[a-z]+$/i.exec(file)
  return m ? LANGUAGES[m[0].toLowerCase()] : undefined
}

async function parse(file: string, language: Language, text: string): Promise<ParsedFile> {
  return language === 'python' ? parsePython(text) : parseTypeScript(file, text)
}

/** Lints a file's text with the rules named in `rules` (all built-in rules by default). */
export async function lintText(
  file: string,
  text: string,
  facts: PackFacts,
  rules: string[] = Object.keys(RULES),
): Promise<FileResult> {
  const language = languageOf(file) ?? 'javascript'
  let parsed: ParsedFile
  try {
    parsed = await parse(file, language, text)
  } catch (err) {
    if (!(err instanceof ParseError)) throw err
    return {
      path: safeText(file),
      findings: [],
      error: { line: err.line, column: err.column, message: safeText(err.message) },
    }
  }
  const found: Finding[] = []
  const file_ = fileFacts(parsed.root, facts)
  const all: { id: string; visitors: Visitors }[] = []
  for (const id of rules) {
    const rule: Rule | undefined = RULES[id]
    if (!rule) continue
    const context: RuleContext = {
      path: file,
      language,
      text,
      comments: parsed.comments,
      facts,
      file: file_,
      report: ({ node, messageId, data }) =>
        found.push({
          rule: id,
          line: node.line,
          column: node.column,
          severity: rule.meta.severity,
          message: safeText(fillTemplate(rule.meta.messages[messageId] ?? messageId, data)),
          fix: safeText(fillTemplate(rule.meta.fixes[messageId] ?? '', data)),
        }),
    }
    all.push({ id, visitors: rule.create(context) })
  }
  for (const n of descendants(parsed.root)) for (const { visitors } of all) visitors[n.kind]?.(n)
  for (const { visitors } of all) visitors['program:exit']?.(parsed.root)
  const disabled = disabledLines(parsed.comments)
  const findings = found
    .filter((f) => !disabled.get(f.line)?.some((r) => r === f.rule || r === '*'))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
  return { path: safeText(file), findings }
}

/** The one boundary for text from the user's files (source excerpts, paths): control characters
 * (terminal escapes among them) are shown as \\uXXXX and the length is capped. */
export function safeText(text: string, cap = 1000): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return clean.length > cap ? `${clean.slice(0, cap)}…` : clean
}

/** Lines silenced by `apidx-disable-next-line rule[, rule]` comments (no rule: every rule). */
export function disabledLines(comments: LintComment[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const c of comments) {
    const m = /apidx-disable-next-line\b([^\n*]*)/.exec(c.text)
    if (!m) continue
    const rules = (m[1] ?? '').split(/[\s,]+/).filter((r) => /^[a-z][a-z-]*$/.test(r))
    out.set(c.line + 1, rules.length > 0 ? rules : ['*'])
  }
  return out
}
