// JavaScript and TypeScript onto the lint tree, with the TypeScript compiler's parser (no type
// checking: one file at a time, so a 1,000-file tree lints in seconds).
import type * as TS from 'typescript'
import {
  adopt,
  node,
  TEXT_CAP,
  type LintComment,
  type LintNode,
  type NodeKind,
  type ParsedFile,
} from './tree.js'

export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message)
  }
}

let tsModule: typeof TS | undefined

/** Loads the compiler on first use: it is large, and only `apidx lint` needs it. */
async function compiler(): Promise<typeof TS> {
  if (!tsModule) {
    const mod = (await import('typescript')) as unknown as { default?: typeof TS }
    tsModule = mod.default ?? (mod as unknown as typeof TS)
  }
  return tsModule
}

/** The script kind for a file name: JSX is allowed in every JavaScript file. */
function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX
  if (/\.[mc]?ts$/i.test(file)) return ts.ScriptKind.TS
  return ts.ScriptKind.JSX
}

/** Parses JS/TS text; throws ParseError at the first syntax error. */
export async function parseTypeScript(file: string, text: string): Promise<ParsedFile> {
  const ts = await compiler()
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file))
  // parseDiagnostics is not in the public typings but is how the compiler reports syntax errors.
  const diagnostics = (sf as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? []
  const first = diagnostics[0]
  if (first) {
    const at = sf.getLineAndCharacterOfPosition(first.start ?? 0)
    throw new ParseError(
      at.line + 1,
      at.character + 1,
      ts.flattenDiagnosticMessageText(first.messageText, ' '),
    )
  }
  const mapper = new TsMapper(ts, sf)
  const root = mapper.make('program', sf)
  mapper.lift(sf, root)
  return { root, comments: mapper.comments }
}

class TsMapper {
  readonly comments: LintComment[] = []
  private readonly seenComments = new Set<number>()

  constructor(
    private readonly ts: typeof TS,
    private readonly sf: TS.SourceFile,
  ) {}

  make(kind: NodeKind, n: TS.Node): LintNode {
    const start = n.getStart(this.sf)
    const at = this.sf.getLineAndCharacterOfPosition(start)
    // Sliced to the cap here: getText() would copy a whole function's text for every node.
    return node(
      kind,
      at.line + 1,
      at.character + 1,
      this.sf.text.slice(start, Math.min(n.end, start + TEXT_CAP)),
    )
  }

  /** Maps n's children under parent (n itself is already represented by parent). */
  lift(n: TS.Node, parent: LintNode): void {
    this.collectComments(n)
    n.forEachChild((c) => this.visit(c, parent))
    if (n.kind === this.ts.SyntaxKind.SourceFile) this.collectComments((n as TS.SourceFile).endOfFileToken)
  }

  private collectComments(n: TS.Node): void {
    const ranges = this.ts.getLeadingCommentRanges(this.sf.text, n.pos) ?? []
    for (const r of ranges) {
      if (this.seenComments.has(r.pos)) continue
      this.seenComments.add(r.pos)
      const line = this.sf.getLineAndCharacterOfPosition(r.pos).line + 1
      this.comments.push({ line, text: this.sf.text.slice(r.pos, r.end) })
    }
  }

  private visit(n: TS.Node, parent: LintNode): void {
    const mapped = this.map(n)
    if (!mapped) {
      this.lift(n, parent)
      return
    }
    adopt(parent, mapped)
  }

  /** Maps one TS node to a lint node (with its subtree), or undefined to lift its children. */
  private map(n: TS.Node): LintNode | undefined {
    const ts = this.ts
    const K = ts.SyntaxKind
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) return this.call(n)
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return this.string(n, n.text, false)
    if (ts.isTemplateExpression(n))
      return this.string(n, n.head.text + n.templateSpans.map((s) => '{}' + s.literal.text).join(''), true)
    if (ts.isFunctionLike(n) && 'body' in n && n.body) return this.func(n as TS.FunctionLikeDeclaration)
    if (ts.isTryStatement(n)) return this.withChildren('try', n)
    if (ts.isCatchClause(n))
      return this.withChildren('catch', n, n.variableDeclaration?.name.getText(this.sf))
    if (ts.isThrowStatement(n)) return this.withChildren('throw', n)
    if (ts.isReturnStatement(n)) return this.withChildren('return', n)
    if (ts.isContinueStatement(n)) return this.make('continue', n)
    if (ts.isAwaitExpression(n)) return this.withChildren('await', n)
    if (ts.isYieldExpression(n)) return this.withChildren('yield', n)
    if (ts.isVariableDeclaration(n) && n.initializer)
      return this.named('assign', n, n.name.getText(this.sf), n.initializer)
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind
      if (op === K.EqualsToken || op === K.QuestionQuestionEqualsToken || op === K.BarBarEqualsToken)
        return this.named('assign', n, n.left.getText(this.sf), n.right)
      const b = this.withChildren('binary', n, n.operatorToken.getText(this.sf))
      if (op === K.PlusToken) for (const c of b.children) if (c.kind === 'string') c.partial = true
      return b
    }
    if (ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n)) {
      const key = n.name.getText(this.sf).replace(/^['"`]|['"`]$/g, '')
      return n.initializer ? this.named('property', n, key, n.initializer) : undefined
    }
    if (ts.isPropertyAccessExpression(n)) return this.withChildren('member', n, n.getText(this.sf))
    if (ts.isIdentifier(n)) return this.withChildren('identifier', n, n.text)
    if (ts.isNumericLiteral(n)) return this.make('number', n)
    if (ts.isBlock(n)) return this.withChildren('block', n)
    return undefined
  }

  private withChildren(kind: NodeKind, n: TS.Node, name?: string): LintNode {
    const m = this.make(kind, n)
    if (name !== undefined) m.name = name
    this.lift(n, m)
    return m
  }

  private named(kind: NodeKind, n: TS.Node, name: string, value: TS.Node): LintNode {
    const m = this.make(kind, n)
    m.name = name
    this.collectComments(n)
    this.visit(value, m)
    return m
  }

  private string(n: TS.Node, value: string, partial: boolean): LintNode {
    const m = this.make('string', n)
    m.value = value
    if (partial) m.partial = true
    if (this.ts.isTemplateExpression(n)) this.lift(n, m)
    return m
  }

  private call(n: TS.CallExpression | TS.NewExpression): LintNode {
    const m = this.make('call', n)
    m.name = n.expression.getText(this.sf)
    if (this.ts.isNewExpression(n)) m.isNew = true
    this.collectComments(n)
    this.visit(n.expression, m)
    const args: LintNode[] = []
    for (const a of n.arguments ?? []) {
      const before = m.children.length
      this.visit(a, m)
      args.push(...m.children.slice(before))
    }
    m.args = args
    return m
  }

  private func(n: TS.FunctionLikeDeclaration): LintNode {
    const ts = this.ts
    const m = this.make('function', n)
    const own = n.name?.getText(this.sf)
    const p = n.parent
    const assigned =
      p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) ? p.name.getText(this.sf) : undefined
    const name = own ?? assigned
    if (name !== undefined) m.name = name
    if (n.modifiers?.some((x) => x.kind === ts.SyntaxKind.AsyncKeyword)) m.async = true
    const decorators = ts.canHaveDecorators(n) ? (ts.getDecorators(n) ?? []) : []
    if (decorators.length > 0) m.decorators = decorators.map((d) => d.expression.getText(this.sf))
    this.collectComments(n)
    if (n.body) this.visit(n.body, m)
    // A block body is one 'block' child: flatten it so the function's children are its statements.
    const only = m.children[0]
    if (m.children.length === 1 && only?.kind === 'block') {
      m.children = only.children
      for (const c of m.children) c.parent = m
    }
    return m
  }
}
