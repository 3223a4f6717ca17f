// Compiles a pack's signing steps (DESIGN §4) into plain Python statements, one or a few per step, so
// the scaffolded script shows the whole signature computation in the user's own language. The
// operations themselves are the runtime functions in assets/scaffold/runtime.py.
import { parseTemplate, type AuthScheme, type Step } from '@apidx/core'

const py = (value: unknown): string => JSON.stringify(value)

/** The Python expression for one `{ref}` of a template. */
function refExpr(ref: string, optional = false): string {
  const [head, ...rest] = ref.split('.')
  const tail = rest.join('.')
  if (head === 'cred') return optional ? `cred.get(${py(tail)})` : `cred[${py(tail)}]`
  if (head === 'param') return `param[${py(tail)}]`
  if (head === 'method') return 'req["method"]'
  if (head === 'body') return 'req["body"]'
  if (head === 'header') return `(header(req, ${py(tail)}) or "")`
  if (head === 'query') return `query(req, ${py(tail)})`
  if (head === 'url') return `url_part(req, ${py(tail)})`
  return `v[${py(ref)}]`
}

/** A template as a Python expression: a single reference keeps its value (bytes stay bytes). */
export function templateExpr(text: string): string {
  const segments = parseTemplate(text)
  const first = segments[0]
  if (segments.length === 1 && first && 'ref' in first) return refExpr(first.ref)
  const parts = segments.map((s) => ('text' in s ? py(s.text) : `as_text(${refExpr(s.ref)})`))
  return parts.length ? `"".join([${parts.join(', ')}])` : '""'
}

function kwargs(pairs: [string, unknown][]): string {
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `, ${name}=${pyLiteral(value)}`)
    .join('')
}

/** A JSON value as a Python literal, laid out over lines (4-space indent) when it is long. */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value !== 'object') return py(value)
  const inner = indent + '    '
  const items = Array.isArray(value)
    ? value.map((v) => pyLiteral(v, inner))
    : Object.entries(value).map(([k, v]) => `${py(k)}: ${pyLiteral(v, inner)}`)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  const flat = `${open}${items.join(', ')}${close}`
  if (flat.length <= 80 && !flat.includes('\n')) return flat
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`
}

function setLines(step: Extract<Step, { op: 'set' }>): string[] {
  const lines: string[] = []
  for (const [kind, map] of [
    ['query', step.query],
    ['header', step.header],
  ] as const) {
    for (const [name, template] of Object.entries(map ?? {})) {
      const write = `set_${kind}(req, ${py(name)}, as_text(${templateExpr(template)}))`
      const guards: string[] = []
      if (step.ifAbsent)
        guards.push(
          kind === 'query' ? `${py(name)} not in dict(req["query"])` : `header(req, ${py(name)}) is None`,
        )
      if (step.optional) {
        const refs = parseTemplate(template).flatMap((s) => ('ref' in s ? [s.ref] : []))
        guards.push(...refs.map((r) => `${refExpr(r, true)} not in (None, "")`))
      }
      lines.push(guards.length ? `if ${guards.join(' and ')}:\n        ${write}` : write)
    }
  }
  return lines
}

/** The Python statements of one step; `name` is the step's id (or its position). */
function stepLines(step: Step, name: string): string[] {
  const target = `v[${py(name)}]`
  switch (step.op) {
    case 'time':
      return [
        `${target} = format_time(now_ms + ${(step.addSeconds ?? 0) * 1000}, ${py(step.format)}${kwargs([
          ['offset', step.offset],
          ['zone', step.zone],
        ])})`,
      ]
    case 'nonce':
      return [
        `${target} = nonce(${py(step.format)}${kwargs([
          ['digits', step.digits],
          ['size', step.bytes],
        ])})`,
      ]
    case 'template':
      return [`${target} = ${templateExpr(step.text)}`]
    case 'hash':
      return [
        `${target} = digest_out(hashlib.new(${py(step.alg)}, as_bytes(${templateExpr(step.data)})).digest(), ${py(step.out)})`,
      ]
    case 'hmac':
      return [
        `${target} = digest_out(hmac.new(as_bytes(${templateExpr(step.key)}), as_bytes(${templateExpr(step.data)}), ${py(step.alg)}).digest(), ${py(step.out)})`,
      ]
    case 'encode':
      return [`${target} = encode(${templateExpr(step.data)}, ${py(step.to)})`]
    case 'canonicalQuery':
      return canonicalQueryLines(step, target)
    case 'canonicalHeaders':
      return [
        `${target}, v[${py(`${name}.names`)}] = canonical_headers(req${kwargs([
          ['include', step.include],
          ['exclude', step.exclude],
          ['trim', step.trim],
          ['value_case', step.valueCase],
          ['value_encode', step.valueEncode],
          ['sort', step.sort],
        ])})`,
        `v[${py(`${name}.lines`)}] = ${target}`,
      ]
    case 'canonicalPath':
      return [
        `${target} = canonical_path(url_part(req, "path"), ${py(step.encode)}${kwargs([
          ['times', step.times],
          ['normalize', step.normalize],
          ['empty_as', step.emptyAs],
        ])})`,
      ]
    case 'set':
      return setLines(step)
  }
}

function canonicalQueryLines(step: Extract<Step, { op: 'canonicalQuery' }>, target: string): string[] {
  const extra = Object.entries(step.add ?? {}).map(([k, t]) => `(${py(k)}, as_text(${templateExpr(t)}))`)
  return [
    `${target} = canonical_query(req["query"], ${py(step.encode)}${kwargs([
      ['sort', step.sort],
      ['include', step.include],
      ['exclude', step.exclude],
      ['skip_empty', step.skipEmpty],
    ])}, extra=[${extra.join(', ')}])`,
  ]
}

/** `def sign(req, cred, param, now_ms)`: the scheme's steps, then its placement into the request. */
export function signFunction(id: string, scheme: AuthScheme): string {
  const body: string[] = ['v = {}']
  scheme.steps.forEach((step, i) => {
    const name = step.id ?? `${step.op} #${i + 1}`
    body.push(`# ${name} (${step.op})`, ...stepLines(step, name))
  })
  for (const [key, template] of Object.entries(scheme.place.query ?? {}))
    body.push(`set_query(req, ${py(key)}, as_text(${templateExpr(template)}))`)
  for (const [key, template] of Object.entries(scheme.place.header ?? {}))
    body.push(`set_header(req, ${py(key)}, as_text(${templateExpr(template)}))`)
  const doc = `"""Signs req in place with the ${id} scheme${scheme.source ? ` (${scheme.source})` : ''}."""`
  return [`def sign(req, cred, param, now_ms):`, `    ${doc}`, ...body.map((l) => `    ${l}`)].join('\n')
}
