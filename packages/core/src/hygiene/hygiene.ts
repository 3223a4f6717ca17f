// Credential hygiene: what a credential value's own shape says before any request is sent — stray
// whitespace or quotes, a length the vendor does not issue, characters or a prefix it never uses,
// another vendor's key, or a key and secret swapped. Static and offline, so `check` reports it even
// when the network fails, and `sign` (and `doctor`) reuse it. No value is ever put in a message.
import type { EngineFinding } from '../engine/types.js'
import type { Credential, ProviderPack } from '../generated/index.js'
import { maskSecret } from '../redact.js'
import { CHARSETS, FOREIGN_SHAPES, type ForeignShape } from './shapes.js'

/** The finding codes of credential hygiene (docs/findings.md#credentials). */
export type HygieneCode =
  'credentials/whitespace' | 'credentials/wrong-length' | 'credentials/wrong-shape' | 'credentials/swapped'

/** What hygiene found, and the values every output must mask besides the pack's secrets. */
export interface HygieneResult {
  findings: (EngineFinding & { code: HygieneCode })[]
  /**
   * Values to mask although their credential is not secret: a secret pasted into a key-id variable
   * would otherwise be printed wherever the key id is (the Credential= of a signed request).
   */
  alsoSecret: string[]
}

const QUOTES = new Set(['"', "'", '`'])
const SPACES = new Set([' ', '\t', '\r', '\n', '\u00a0', '\ufeff', '\u200b'])

/**
 * Checks the credential values against the pack's declarations (`length`, `prefix`, `charset`).
 * `names` limits the check to the credentials a signing scheme uses; every value given otherwise.
 */
export function checkCredentialHygiene(
  pack: ProviderPack,
  values: Readonly<Record<string, string>>,
  names: readonly string[] = Object.keys(values),
): HygieneResult {
  const findings: HygieneResult['findings'] = []
  const alsoSecret = new Set<string>()
  const present = names.filter(
    (n) => typeof values[n] === 'string' && values[n] !== '' && pack.credentials[n],
  )
  const swapped = swappedPairs(pack, values, present)
  for (const [a, b] of swapped) {
    findings.push(swappedFinding(pack, a, b))
    for (const n of [a, b]) alsoSecret.add(values[n]!)
  }
  const inPair = new Set(swapped.flat())
  for (const name of present) {
    const value = values[name]!
    const decl = pack.credentials[name]!
    const problem = whitespaceProblem(value)
    if (problem) {
      findings.push(whitespaceFinding(pack, name, decl, problem))
      continue // the other checks would only repeat the stray characters
    }
    if (inPair.has(name)) continue
    const foreign = foreignShape(decl, value)
    const shape = foreign ? undefined : shapeProblem(decl, value)
    if (foreign || shape) {
      findings.push(shapeFinding(pack, name, decl, value, foreign, shape))
    }
    if (decl.length !== undefined && value.length !== decl.length && !foreign)
      findings.push(lengthFinding(pack, name, decl, value))
  }
  return { findings, alsoSecret: [...alsoSecret] }
}

type WhitespaceProblem = 'leading-space' | 'trailing-space' | 'quoted' | 'line-break'

function whitespaceProblem(value: string): WhitespaceProblem | undefined {
  const first = value[0]!
  const last = value[value.length - 1]!
  if (value.length >= 2 && QUOTES.has(first) && first === last) return 'quoted'
  if (SPACES.has(first) || QUOTES.has(first)) return 'leading-space'
  if (SPACES.has(last) || QUOTES.has(last)) return 'trailing-space'
  if (value.includes('\n') || value.includes('\r')) return 'line-break'
  return undefined
}

/** Why a value does not fit its declaration (prefix, then characters), or undefined when it fits. */
function shapeProblem(decl: Credential, value: string): string | undefined {
  const prefix = decl.prefix?.find((p) => value.startsWith(p))
  if (decl.prefix && prefix === undefined)
    return `does not start with ${decl.prefix.map((p) => `"${p}"`).join(' or ')}`
  if (decl.charset) {
    const allowed = CHARSETS[decl.charset]
    const rest = value.slice(prefix?.length ?? 0)
    const bad = [...rest].findIndex((c) => !allowed.includes(c))
    if (bad >= 0)
      return `has a character outside ${decl.charset} at position ${bad + 1 + (prefix?.length ?? 0)}`
  }
  return undefined
}

/** Whether the value fits a declaration entirely (length, prefix, characters). */
function fits(decl: Credential, value: string): boolean {
  if (decl.length === undefined && decl.prefix === undefined && decl.charset === undefined) return false
  if (decl.length !== undefined && value.length !== decl.length) return false
  return shapeProblem(decl, value) === undefined
}

/** Another vendor's key shape the value has and its own declaration does not claim. */
function foreignShape(decl: Credential, value: string): ForeignShape | undefined {
  const own = decl.prefix?.filter((p) => value.startsWith(p)) ?? []
  return FOREIGN_SHAPES.find(
    (f) => value.startsWith(f.prefix) && !own.some((p) => p.length >= f.prefix.length),
  )
}

/** Pairs (a, b) where a's value fails a's shape but fits b's, and b's value fits a's shape. */
function swappedPairs(
  pack: ProviderPack,
  values: Readonly<Record<string, string>>,
  names: string[],
): [string, string][] {
  const out: [string, string][] = []
  for (const a of names)
    for (const b of names) {
      if (a >= b) continue
      const da = pack.credentials[a]!
      const db = pack.credentials[b]!
      const va = values[a]!
      const vb = values[b]!
      const aWrong = !fits(da, va) && fits(db, va) && fits(da, vb)
      const bWrong = !fits(db, vb) && fits(da, vb) && fits(db, va)
      if (aWrong || bWrong) out.push([a, b])
    }
  return out
}

const vendor = (pack: ProviderPack) => pack.name.split(/\s+/)[0] ?? pack.id

/** How a value may be shown: only what the report's masking would show, and only for secrets' masks. */
function shown(decl: Credential, value: string): string {
  return `${value.length} characters, ${maskSecret(value)}${decl.secret === false ? '' : ' (masked)'}`
}

function whitespaceFinding(
  pack: ProviderPack,
  name: string,
  decl: Credential,
  problem: WhitespaceProblem,
): HygieneResult['findings'][number] {
  const what = {
    'leading-space': 'starts with whitespace or a stray quote',
    'trailing-space': 'ends with whitespace (often a line break) or a stray quote',
    quoted: 'is wrapped in quotes, which became part of the value',
    'line-break': 'contains a line break',
  }[problem]
  return {
    code: 'credentials/whitespace',
    severity: 'error',
    probe: 'credentials',
    message: `${decl.env} (${name}) ${what}: ${vendor(pack)} sees those characters as part of the ${decl.secret === false ? 'value' : 'secret'} and rejects it.`,
    fix: `Set ${decl.env} to the value alone, without spaces, quotes or line breaks (an .env file needs no quotes; \`export ${decl.env}=…\` copies what you paste).`,
    data: { credential: name, env: decl.env, problem },
  }
}

function lengthFinding(
  pack: ProviderPack,
  name: string,
  decl: Credential,
  value: string,
): HygieneResult['findings'][number] {
  return {
    code: 'credentials/wrong-length',
    severity: 'error',
    probe: 'credentials',
    message: `${decl.env} (${name}) is ${value.length} characters; ${vendor(pack)} issues ${decl.length}. Part of it was cut off or doubled when it was copied.`,
    fix: `Copy ${name} again from the ${vendor(pack)} console (${decl.description.split('.')[0]}).`,
    data: {
      credential: name,
      env: decl.env,
      length: value.length,
      expected: decl.length,
      ...(decl.shapeSource ? { source: decl.shapeSource } : {}),
    },
  }
}

function shapeFinding(
  pack: ProviderPack,
  name: string,
  decl: Credential,
  value: string,
  foreign: ForeignShape | undefined,
  problem: string | undefined,
): HygieneResult['findings'][number] {
  const message = foreign
    ? `${decl.env} (${name}) has the shape of ${foreign.looksLike}, not of a ${vendor(pack)} ${name}: ${vendor(pack)} will not know it.`
    : `${decl.env} (${name}) ${problem} (${shown(decl, value)}): ${vendor(pack)} never issues such a ${name}.`
  return {
    code: 'credentials/wrong-shape',
    // Another vendor's key is certainly wrong; a shape the pack's facts may describe too narrowly is a warning.
    severity: foreign ? 'error' : 'warning',
    probe: 'credentials',
    message,
    fix: `Set ${decl.env} to the ${name} from the ${vendor(pack)} console${foreign ? ` (the value set is ${foreign.looksLike})` : ''}.`,
    data: {
      credential: name,
      env: decl.env,
      problem: foreign ? 'foreign-prefix' : (problem ?? ''),
      ...(foreign ? { looksLike: foreign.looksLike, source: foreign.source } : {}),
      ...(!foreign && decl.shapeSource ? { source: decl.shapeSource } : {}),
    },
  }
}

function swappedFinding(pack: ProviderPack, a: string, b: string): HygieneResult['findings'][number] {
  const da = pack.credentials[a]!
  const db = pack.credentials[b]!
  return {
    code: 'credentials/swapped',
    severity: 'error',
    probe: 'credentials',
    message: `${da.env} (${a}) and ${db.env} (${b}) look swapped: each value has the shape ${vendor(pack)} documents for the other.`,
    fix: `Exchange the values of ${da.env} and ${db.env}.`,
    data: { credentials: [a, b], env: [da.env, db.env] },
  }
}
