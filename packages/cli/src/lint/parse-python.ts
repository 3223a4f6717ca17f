// Python onto the lint tree, with web-tree-sitter and the tree-sitter-python grammar's wasm (both
// from npm: nothing native to build). Python 2 files (print statements) parse too: old vendor demos
// are written in it.
import { createRequire } from 'node:module'
import type { Node as TsNode, Parser as TsParser } from 'web-tree-sitter'
import { ParseError } from './parse-ts.js'
import {
  adopt,
  node,
  TEXT_CAP,
  type LintComment,
  type LintNode,
  type NodeKind,
  type ParsedFile,
} from './tree.js'

let parserPromise: Promise<TsParser> | undefined

/** Loads the runtime and the grammar once per process. */
function pythonParser(): Promise<TsParser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter')
    await Parser.init()
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm')
    const parser = new Parser()
    parser.setLanguage(await Language.load(wasm))
    return parser
  })()
  return parserPromise
}

/** Parses Python text; throws ParseError at the first syntax error. */
export async function parsePython(text: string): Promise<ParsedFile> {
  const parser = await pythonParser()
  const tree = parser.parse(text)
  if (!tree) throw new ParseError(1, 1, 'the Python parser gave no tree')
  try {
    const rootTs = tree.rootNode
    if (rootTs.hasError) {
      const bad = firstError(rootTs)
      throw new ParseError(
        (bad?.startPosition.row ?? 0) + 1,
        (bad?.startPosition.column ?? 0) + 1,
        'invalid Python syntax',
      )
    }
    const comments: LintComment[] = []
    source = text
    const root = make('program', rootTs)
    liftChildren(rootTs, root, comments)
    return { root, comments }
  } finally {
    tree.delete()
  }
}

function firstError(n: TsNode): TsNode | undefined {
  if (n.type === 'ERROR' || n.isMissing) return n
  for (const c of n.children) {
    if (c && c.hasError) return firstError(c) ?? c
  }
  return undefined
}

let source = ''

function make(kind: NodeKind, n: TsNode): LintNode {
  // Sliced from the source to the cap: n.text would copy a whole function's text for every node.
  const text = source.slice(n.startIndex, Math.min(n.endIndex, n.startIndex + TEXT_CAP))
  return node(kind, n.startPosition.row + 1, n.startPosition.column + 1, text)
}

function liftChildren(n: TsNode, parent: LintNode, comments: LintComment[]): void {
  for (const c of n.namedChildren) if (c) visit(c, parent, comments)
}

function visit(n: TsNode, parent: LintNode, comments: LintComment[]): void {
  if (n.type === 'comment') {
    comments.push({ line: n.startPosition.row + 1, text: n.text })
    return
  }
  const mapped = map(n, comments)
  if (mapped) adopt(parent, mapped)
  else liftChildren(n, parent, comments)
}

/** Node types mapped one to one, their children lifted under them. */
const SIMPLE: Record<string, NodeKind> = {
  try_statement: 'try',
  except_clause: 'catch',
  finally_clause: 'block',
  raise_statement: 'throw',
  return_statement: 'return',
  pass_statement: 'pass',
  continue_statement: 'continue',
  await: 'await',
  yield: 'yield',
  integer: 'number',
  float: 'number',
  block: 'block',
}

function map(n: TsNode, comments: LintComment[]): LintNode | undefined {
  const simple = SIMPLE[n.type]
  if (simple) return withChildren(simple, n, comments)
  switch (n.type) {
    case 'call':
      return call(n, comments)
    case 'string':
    case 'concatenated_string':
      return string(n, comments)
    case 'function_definition':
    case 'lambda':
      return func(n, [], comments)
    case 'decorated_definition':
      return decorated(n, comments)
    case 'assignment':
    case 'augmented_assignment':
      return named(
        'assign',
        n,
        n.childForFieldName('left')?.text ?? '',
        n.childForFieldName('right'),
        comments,
      )
    case 'keyword_argument':
      return named(
        'keyword',
        n,
        n.childForFieldName('name')?.text ?? '',
        n.childForFieldName('value'),
        comments,
      )
    case 'pair': {
      const key = n.childForFieldName('key')
      const name = key?.text.replace(/^[rbuf]*['"]+|['"]+$/gi, '') ?? ''
      return named('property', n, name, n.childForFieldName('value'), comments)
    }
    case 'attribute':
      return withChildren('member', n, comments, n.text)
    case 'identifier':
      return withChildren('identifier', n, comments, n.text)
    case 'binary_operator': {
      const b = withChildren('binary', n, comments, n.childForFieldName('operator')?.text ?? '')
      if (b.name === '+') for (const c of b.children) if (c.kind === 'string') c.partial = true
      return b
    }
    default:
      return undefined
  }
}

function withChildren(kind: NodeKind, n: TsNode, comments: LintComment[], name?: string): LintNode {
  const m = make(kind, n)
  if (name !== undefined) m.name = name
  liftChildren(n, m, comments)
  return m
}

function named(
  kind: NodeKind,
  n: TsNode,
  name: string,
  value: TsNode | null,
  comments: LintComment[],
): LintNode {
  const m = make(kind, n)
  m.name = name
  if (value) visit(value, m, comments)
  return m
}

/** A string's value: its literal parts, `{}` for each f-string interpolation. */
function stringValue(n: TsNode): { value: string; partial: boolean } {
  let value = ''
  let partial = false
  const walk = (s: TsNode): void => {
    for (const c of s.namedChildren) {
      if (!c) continue
      if (c.type === 'string_content' || c.type === 'escape_sequence') value += unescape(c)
      else if (c.type === 'interpolation') {
        value += '{}'
        partial = true
      } else if (c.type === 'string') walk(c)
    }
  }
  walk(n)
  return { value, partial }
}

function unescape(c: TsNode): string {
  if (c.type !== 'escape_sequence') return c.text
  const map: Record<string, string> = {
    '\\n': '\n',
    '\\t': '\t',
    '\\r': '\r',
    '\\\\': '\\',
    "\\'": "'",
    '\\"': '"',
  }
  return map[c.text] ?? c.text
}

function string(n: TsNode, comments: LintComment[]): LintNode {
  const m = make('string', n)
  const { value, partial } = stringValue(n)
  m.value = value
  if (partial) {
    m.partial = true
    for (const c of n.descendantsOfType('interpolation')) if (c) liftChildren(c, m, comments)
  }
  return m
}

function call(n: TsNode, comments: LintComment[]): LintNode {
  const m = make('call', n)
  const fn = n.childForFieldName('function')
  m.name = fn?.text ?? ''
  if (fn) visit(fn, m, comments)
  const args: LintNode[] = []
  for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a) continue
    const before = m.children.length
    visit(a, m, comments)
    args.push(...m.children.slice(before))
  }
  m.args = args
  return m
}

function decorated(n: TsNode, comments: LintComment[]): LintNode | undefined {
  const def = n.childForFieldName('definition')
  const decorators = n.namedChildren
    .filter((c): c is TsNode => c?.type === 'decorator')
    .map((d) => d.text.replace(/^@\s*/, ''))
  if (def?.type === 'function_definition') return func(def, decorators, comments)
  return undefined
}

function func(n: TsNode, decorators: string[], comments: LintComment[]): LintNode {
  const m = make('function', n)
  const name = n.childForFieldName('name')?.text
  if (name) m.name = name
  else if (n.parent?.type === 'keyword_argument') m.name = n.parent.childForFieldName('name')?.text ?? ''
  if (n.children[0]?.type === 'async') m.async = true
  if (decorators.length > 0) m.decorators = decorators
  const body = n.childForFieldName('body')
  if (body?.type === 'block') liftChildren(body, m, comments)
  else if (body) visit(body, m, comments)
  return m
}
