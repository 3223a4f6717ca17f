// The one tree every lint rule reads, whatever the language: the TypeScript and tree-sitter parsers
// are mapped onto these few node kinds, so a rule is written once for JavaScript, TypeScript and Python.
// Nodes the rules do not care about are dropped and their children lifted, so source order is kept.

/** The node kinds rules visit. `call` covers `new X()` too (with `isNew`). */
export type NodeKind =
  | 'program'
  | 'function'
  | 'call'
  | 'string'
  | 'try'
  | 'catch'
  | 'throw'
  | 'return'
  | 'pass'
  | 'continue'
  | 'await'
  | 'assign'
  | 'property'
  | 'keyword'
  | 'member'
  | 'identifier'
  | 'number'
  | 'binary'
  | 'yield'
  | 'block'

export interface LintNode {
  kind: NodeKind
  /** 1-based line and column of the node's first character. */
  line: number
  column: number
  /** The node's source text, cut at TEXT_CAP characters. */
  text: string
  /** call: the callee's text; function: its name (or the name it is assigned to); assign, property,
   * keyword: the target's name; identifier, member: the text; binary: the operator. */
  name?: string
  /** string: the literal's value, with `{}` standing for each interpolation. */
  value?: string
  /** string: true when the literal has interpolations or is one operand of a `+`. */
  partial?: boolean
  isNew?: boolean
  async?: boolean
  /** function: the decorators' texts (Python `@app.on_event("startup")`, TS `@Injectable()`). */
  decorators?: string[]
  /** call: the arguments, in order (also among children). */
  args?: LintNode[]
  children: LintNode[]
  parent?: LintNode
}

/** A comment, for inline disables and the doc header. */
export interface LintComment {
  line: number
  text: string
}

export interface ParsedFile {
  root: LintNode
  comments: LintComment[]
}

export const TEXT_CAP = 400

/** Creates a node; the adapters fill in children and parent links. */
export function node(kind: NodeKind, line: number, column: number, text: string): LintNode {
  return { kind, line, column, text: text.length > TEXT_CAP ? text.slice(0, TEXT_CAP) : text, children: [] }
}

/** Appends a child and links its parent. */
export function adopt(parent: LintNode, child: LintNode): void {
  child.parent = parent
  parent.children.push(child)
}

/** Every node under (and including) root, depth first, in source order. */
export function* descendants(root: LintNode): Generator<LintNode> {
  const stack: LintNode[] = [root]
  while (stack.length > 0) {
    const n = stack.pop() as LintNode
    yield n
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as LintNode)
  }
}

/** Descendants that belong to root's own body: nested functions are not entered. */
export function* ownDescendants(root: LintNode): Generator<LintNode> {
  for (const child of root.children) {
    yield child
    if (child.kind !== 'function') yield* ownDescendants(child)
  }
}

/** The nearest enclosing node of a kind, or undefined. */
export function enclosing(n: LintNode, kind: NodeKind): LintNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.kind === kind) return p
  return undefined
}

/** The last segment of a callee or member text: `self.ws.connect` → `connect`. */
export function lastSegment(text: string): string {
  const m = /([A-Za-z_$][\w$]*)\s*$/.exec(text.replace(/\(\s*\)\s*$/, ''))
  return m ? (m[1] as string) : text
}

/** Splits an identifier into lower-case words: `xfApiSecret` / `XF_API_SECRET` → xf, api, secret. */
export function words(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
}

/** An identifier without case or separators: `API_SECRET`, `apiSecret` → apisecret. */
export function flat(identifier: string): string {
  return identifier.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
}
