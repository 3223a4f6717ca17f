// The lint rule contract, ESLint's shape: a rule is a plain object `{ meta, create }`; meta is data
// (docs, severity, message and fix templates by id); create(context) returns visitors by node kind,
// and a rule reports `{ node, messageId, data }`. The runner adds the rule id, severity and text.
import type { Endpoint, PackFacts, Scheme } from './facts.js'
import type { LintComment, LintNode, NodeKind } from './tree.js'

export type Severity = 'error' | 'warning' | 'info'
export type Language = 'javascript' | 'python'

export interface RuleMeta {
  docs: { description: string; url: string }
  severity: Severity
  /** Message templates by id; `{name}` is filled from the report's data. */
  messages: Record<string, string>
  /** The fix for each message id, a template like the message. */
  fixes: Record<string, string>
}

/** What a file tells about the vendor it talks to, computed once before the rules run. */
export interface FileFacts {
  /** Endpoints whose host a string literal of the file names. */
  endpoints: Endpoint[]
  /** Signing schemes the file uses: those of its endpoints and those whose markers it holds. */
  schemes: Scheme[]
  /** True when the file names a pack host or holds a scheme marker: it integrates a vendor. */
  integration: boolean
}

export interface Report {
  node: LintNode
  messageId: string
  data?: Record<string, string | number>
}

export interface RuleContext {
  path: string
  language: Language
  text: string
  comments: LintComment[]
  facts: PackFacts
  file: FileFacts
  report(r: Report): void
}

export type Visitors = Partial<Record<NodeKind | 'program:exit', (n: LintNode) => void>>

export interface Rule {
  meta: RuleMeta
  create(context: RuleContext): Visitors
}

/** One finding, as `--json` prints it. */
export interface Finding {
  rule: string
  line: number
  column: number
  severity: Severity
  message: string
  fix: string
}

/** Fills `{name}` placeholders from data; unknown names are left as written. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in data ? String(data[k]) : all))
}
