// ProbeTester, on the model of ESLint's RuleTester, for whoever writes a probe: `valid` cases (the
// probe runs and finds nothing) and `invalid` cases (it finds exactly these codes), each played in
// the real chain against the emulator (a scenario) or a fixture server (a reply), with a fake clock
// when the case moves the machine's time. Beyond each case it checks what a user depends on: the
// meta is well formed, every code the probe declares has a case, no two cases are the same, the
// probe never crashes, and no secret reaches the report in any form.
import { buildReport, createRedactor, createRegistry, resolveTarget, runChecks, validatePackFile, type CheckReport, type EngineFinding, type Probe, type ProviderPack, type RunOptions, type RunResult, type Severity } from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { demoCredentials, startSession } from '@apidx/mock'
import { fakeClock, offsetClock } from './clock.js'
import { toPath } from './files.js'
import { startFixture, type FixtureReply, type FixtureTls } from './fixture-server.js'

/** One case: where the chain connects, as whom and when, and (for an invalid case) what the probe must find. */
export interface ProbeCase {
  name: string
  /** Another pack than the suite's, for a case only that vendor's facts can play. */
  pack?: ProviderPack | string | URL
  /** The pack's service and version (defaults: the first service, its default version). */
  service?: string
  version?: string
  /** An emulator scenario (`@apidx/mock`: `clock-skew`, `vendor-error:10165`, …) … */
  scenario?: string
  /** … or a fixture server's reply, for an answer the emulator does not play. */
  reply?: FixtureReply
  /** The fixture's certificate (wss://, https://); plain ws:// or http:// on loopback when absent. */
  tls?: FixtureTls
  /** The path (and query) requested from the fixture; the version URL's own by default. */
  path?: string
  /** The fixture's URL names a host (`fixture.apidx.test`) that does not resolve, or whose lookup never answers. */
  resolve?: 'not-found' | 'hang'
  /** The scheme the client dials the fixture with (default: wss/https with tls, else ws/http); `wss` to a plain fixture fails TLS. */
  scheme?: 'ws' | 'wss' | 'http' | 'https'
  /** The credentials the client signs with (default: the emulator's demo ones); `{}` for none. */
  credentials?: Record<string, string>
  /** The local clock's distance from the real time, in ms (negative: the machine is behind). */
  clockOffsetMs?: number
  /** The local clock stands still at this instant. */
  now?: number | string
}

/** A finding an invalid case expects from the probe, in the order it reports them. */
export interface ExpectedFinding {
  code: string
  severity?: Severity
  messageIncludes?: string
  fixIncludes?: string
}

export interface InvalidProbeCase extends ProbeCase {
  findings: ExpectedFinding[]
}

export interface ProbeTestSpec {
  /** The pack the cases run against: a pack object or the path of a pack.json. */
  pack: ProviderPack | string | URL
  /** The service (and version) of cases that do not name one (nor another pack); the pack's first service by default. */
  service?: string
  version?: string
  valid?: ProbeCase[]
  invalid?: InvalidProbeCase[]
  /** The probes of the chain around this one (default: the built-in ones; one with the same id is replaced). */
  chain?: readonly Probe[]
  /** Declared codes no case can reach yet, each with the reason; the coverage test names them. */
  untested?: Record<string, string>
  /** Base deadline per phase, ms (default 2000): loopback answers at once, a hang should fail fast. */
  timeoutMs?: number
}

/** A probe test that failed: the message says what differs. */
export class ProbeTestFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProbeTestFailure'
  }
}

export interface PlannedProbeTest {
  group: 'probe' | 'valid' | 'invalid'
  name: string
  run(): Promise<void>
}

export interface ProbeTestResult {
  group: PlannedProbeTest['group']
  name: string
  ok: boolean
  message?: string
}

/** A reserved `.test` name (RFC 6761): never a real host, and only the case's own resolver sees it. */
const UNRESOLVED_HOST = 'fixture.apidx.test'
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/
const SEVERITIES = new Set(['error', 'warning', 'info'])

/** The tests of a probe's suite, in order: meta, duplicates, coverage, then one per case. */
export function planProbeTests(probe: Probe, spec: ProbeTestSpec): PlannedProbeTest[] {
  const id = probe.meta?.id ?? '(no id)'
  const chain = [...(spec.chain ?? builtinProbes).filter((p) => p.meta.id !== id), probe]
  const valid = spec.valid ?? []
  const invalid = spec.invalid ?? []
  // Each pack is read and validated once per suite, whichever cases use it.
  const loads = new Map<unknown, Promise<ProviderPack>>()
  const pack = (ref: ProbeTestSpec['pack'] = spec.pack) => {
    const key = typeof ref === 'object' && !(ref instanceof URL) ? ref : toPath(ref)
    if (!loads.has(key)) loads.set(key, loadPack(ref))
    return loads.get(key)!
  }
  const fail = (problems: string[]) => {
    if (problems.length) throw new ProbeTestFailure(problems.join('\n'))
  }
  const tests: PlannedProbeTest[] = [
    { group: 'probe', name: 'the meta is well formed', run: async () => fail(metaProblems(probe, chain)) },
    { group: 'probe', name: 'no two cases are the same', run: async () => fail(duplicateProblems([...valid, ...invalid])) },
    { group: 'probe', name: `every finding code has an invalid case${spec.untested ? ` (untested: ${Object.entries(spec.untested).map(([c, why]) => `${c}, ${why}`).join('; ')})` : ''}`, run: async () => fail(coverageProblems(probe, invalid, spec.untested ?? {})) },
  ]
  const defaults = { ...(spec.service ? { service: spec.service } : {}), ...(spec.version ? { version: spec.version } : {}) }
  for (const c of valid) tests.push({ group: 'valid', name: c.name, run: async () => fail(await caseProblems(probe, chain, await pack(c.pack), { ...(c.pack ? {} : defaults), ...c }, undefined, spec.timeoutMs)) })
  for (const c of invalid) tests.push({ group: 'invalid', name: c.name, run: async () => fail(await caseProblems(probe, chain, await pack(c.pack), { ...(c.pack ? {} : defaults), ...c }, c.findings, spec.timeoutMs)) })
  return tests
}

type Describe = (name: string, fn: () => void) => void
type It = (name: string, fn: () => Promise<void>) => void

export class ProbeTester {
  /** The framework's `describe`; the global one (vitest globals, mocha, jest) when unset. */
  static describe?: Describe
  /** The framework's `it`; the global one when unset. */
  static it?: It

  /** Registers the probe's suite with the test framework. */
  run(probe: Probe, spec: ProbeTestSpec): void {
    const g = globalThis as { describe?: Describe; it?: It }
    const describe = ProbeTester.describe ?? g.describe
    const it = ProbeTester.it ?? g.it
    if (!describe || !it) throw new Error('ProbeTester.run() needs a test framework: set ProbeTester.describe and ProbeTester.it (e.g. from vitest), or call testProbe().')
    const tests = planProbeTests(probe, spec)
    describe(`probe ${probe.meta?.id ?? '(no id)'}`, () => {
      for (const t of tests) it(t.name, t.run)
    })
  }
}

/** Runs a probe's suite one test at a time and returns every result; never throws for a failing test. */
export async function testProbe(probe: Probe, spec: ProbeTestSpec): Promise<{ probe: string; results: ProbeTestResult[]; passed: number; failed: number }> {
  const results: ProbeTestResult[] = []
  for (const t of planProbeTests(probe, spec)) {
    try {
      await t.run()
      results.push({ group: t.group, name: t.name, ok: true })
    } catch (err) {
      const message = err instanceof ProbeTestFailure ? err.message : `apidx failed while running the test: ${err instanceof Error ? err.message : String(err)}`
      results.push({ group: t.group, name: t.name, ok: false, message })
    }
  }
  const failed = results.filter((r) => !r.ok).length
  return { probe: probe.meta?.id ?? '(no id)', results, passed: results.length - failed, failed }
}

async function loadPack(ref: ProbeTestSpec['pack']): Promise<ProviderPack> {
  if (typeof ref === 'object' && !(ref instanceof URL)) return ref
  const file = toPath(ref)
  const v = await validatePackFile(file)
  if (!v.pack) throw new ProbeTestFailure(`the pack ${file} is not valid:\n${v.problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n')}`)
  return v.pack
}

function metaProblems(probe: Probe, chain: readonly Probe[]): string[] {
  const m = probe.meta
  if (!m || typeof m !== 'object') return ['the probe has no meta']
  const out: string[] = []
  if (typeof m.id !== 'string' || !ID.test(m.id)) out.push(`meta.id ${JSON.stringify(m.id)} is not a lower-case kebab-case id`)
  if (!m.title) out.push('meta.title is empty')
  if (!m.description) out.push('meta.description is empty')
  if (typeof probe.run !== 'function') out.push('the probe has no run function')
  const codes = Object.entries(m.findings ?? {})
  if (codes.length === 0) out.push('meta.findings declares no code')
  for (const [code, spec] of codes) {
    if (!CODE.test(code)) out.push(`finding code "${code}" is not <area>/<kebab-name>`)
    if (!SEVERITIES.has(spec?.severity)) out.push(`finding code "${code}" has severity ${JSON.stringify(spec?.severity)}, not error, warning or info`)
    if (!spec?.description) out.push(`finding code "${code}" has no description`)
  }
  const ids = new Set(chain.map((p) => p.meta.id))
  for (const a of m.after ?? []) {
    if (a === m.id) out.push('meta.after names the probe itself')
    else if (!ids.has(a)) out.push(`meta.after names "${a}", which is not in the chain (${[...ids].join(', ')})`)
  }
  return out
}

function duplicateProblems(cases: ProbeCase[]): string[] {
  const out: string[] = []
  const names = new Map<string, number>()
  const setups = new Map<string, string>()
  for (const c of cases) {
    names.set(c.name, (names.get(c.name) ?? 0) + 1)
    // Two cases with the same setup either repeat each other or contradict each other.
    const { name: _name, findings: _findings, ...setup } = c as InvalidProbeCase
    const key = JSON.stringify(setup, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))
    const earlier = setups.get(key)
    if (earlier !== undefined) out.push(`"${c.name}" has the same setup as "${earlier}"`)
    else setups.set(key, c.name)
  }
  for (const [name, n] of names) if (n > 1) out.push(`the case name "${name}" is used ${n} times`)
  return out
}

function coverageProblems(probe: Probe, invalid: InvalidProbeCase[], untested: Record<string, string>): string[] {
  const declared = Object.entries(probe.meta?.findings ?? {}).filter(([, s]) => s.severity !== 'info').map(([code]) => code)
  const covered = new Set(invalid.flatMap((c) => c.findings.map((f) => f.code)))
  const out: string[] = []
  const missing = declared.filter((code) => !covered.has(code) && !(code in untested))
  if (missing.length) out.push(`no invalid case finds ${missing.join(', ')}`)
  for (const code of Object.keys(untested)) {
    if (!declared.includes(code)) out.push(`untested names "${code}", which the probe does not declare (or declares as info)`)
    else if (covered.has(code)) out.push(`untested names "${code}", which a case covers: remove it from untested`)
  }
  for (const code of covered) if (!(code in (probe.meta?.findings ?? {}))) out.push(`a case expects "${code}", which the probe does not declare`)
  return out
}

interface Played {
  run: RunResult
  report: CheckReport
  secrets: string[]
}

/** Plays one case through the chain; the fixture or emulator is always closed. */
async function play(chain: readonly Probe[], pack: ProviderPack, c: ProbeCase, timeoutMs: number): Promise<Played> {
  if ((c.scenario === undefined) === (c.reply === undefined)) throw new ProbeTestFailure('the case needs exactly one of scenario (the emulator) and reply (a fixture server)')
  if (c.scenario !== undefined && (c.tls !== undefined || c.path !== undefined || c.scheme !== undefined || c.resolve !== undefined)) throw new ProbeTestFailure('tls, path, scheme and resolve belong to a fixture reply; an emulator scenario sets its own')
  const wanted = resolveTarget(pack, { service: c.service ?? Object.keys(pack.services)[0]!, ...(c.version ? { version: c.version } : {}) })
  const where = { service: wanted.serviceId, version: wanted.versionId }
  const clock = c.now !== undefined ? fakeClock(c.now) : c.clockOffsetMs !== undefined ? offsetClock(c.clockOffsetMs) : undefined
  const base: Partial<RunOptions> = { registry: createRegistry(chain), timeoutMs, ...(clock ? { clock } : {}) }
  let close: () => Promise<void>
  let options: RunOptions
  if (c.scenario !== undefined) {
    const session = await startSession({ pack, ...where, scenario: c.scenario })
    close = () => session.close()
    options = { ...base, ...session.options, target: session.target, credentials: c.credentials ?? session.credentials } as RunOptions
  } else {
    const fixture = await startFixture(c.reply!, c.tls ? { tls: c.tls } : {})
    close = () => fixture.close()
    const documented = new URL(wanted.version.url)
    const http = wanted.version.protocol === 'http'
    const scheme = c.scheme ?? (c.tls ? (http ? 'https' : 'wss') : http ? 'http' : 'ws')
    let endpoint = fixture.url(c.path ?? `${documented.pathname}${documented.search}`, scheme)
    if (c.resolve) endpoint = endpoint.replace('//127.0.0.1:', `//${UNRESOLVED_HOST}:`)
    const resolver = c.resolve === 'hang' ? () => new Promise<never>(() => {}) : c.resolve === 'not-found' ? async () => { throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' }) } : undefined
    options = { ...base, ...fixture.engine, ...(resolver ? { resolver } : {}), target: resolveTarget(pack, { ...where, endpoint }), credentials: c.credentials ?? demoCredentials(pack) } as RunOptions
  }
  try {
    const run = await runChecks(options)
    const secrets = Object.entries(options.credentials ?? {}).filter(([name]) => pack.credentials[name]?.secret !== false).map(([, v]) => v)
    const report = buildReport(run, { redact: createRedactor(secrets).redact, mock: c.scenario ?? null })
    return { run, report, secrets: [...secrets, ...run.requestSecrets] }
  } finally {
    await close()
  }
}

/** Everything wrong with the probe's behaviour in one case; `expected` undefined for a valid case. */
async function caseProblems(probe: Probe, chain: readonly Probe[], pack: ProviderPack, c: ProbeCase, expected: ExpectedFinding[] | undefined, timeoutMs = 2000): Promise<string[]> {
  const { run, report, secrets } = await play(chain, pack, c, timeoutMs)
  const id = probe.meta.id
  const out: string[] = []
  const link = run.links.find((l) => l.id === id)
  if (!link) return [`the probe is not in the chain for ${run.target.serviceId} ${run.target.versionId} (its meta.appliesTo leaves it out)`]
  if (link.status === 'skip') out.push(`the probe did not run: ${link.reason ?? 'skipped'}`)
  const mine = run.findings.filter((f) => f.probe === id)
  for (const crash of mine.filter((f) => f.code === 'engine/probe-crashed')) out.push(`the probe crashed: ${crash.message}`)
  const own = mine.filter((f) => f.severity !== 'info' && f.code !== 'engine/probe-crashed')
  if (expected === undefined) {
    if (own.length) out.push(`a valid case, but the probe found ${list(own)}`)
  } else {
    if (own.length !== expected.length) out.push(`expected ${expected.length} finding${expected.length === 1 ? '' : 's'} (${expected.map((e) => e.code).join(', ') || 'none'}), got ${own.length}: ${list(own)}`)
    expected.forEach((want, i) => {
      const got = own[i]
      if (!got) return
      const at = `finding ${i + 1}`
      if (got.code !== want.code) out.push(`${at}: expected ${want.code}, got ${got.code} ("${short(got.message)}")`)
      if (want.severity && got.severity !== want.severity) out.push(`${at}: expected severity ${want.severity}, got ${got.severity}`)
      if (want.messageIncludes !== undefined && !got.message.includes(want.messageIncludes)) out.push(`${at}: the message does not include "${want.messageIncludes}": "${short(got.message)}"`)
      if (want.fixIncludes !== undefined && !(got.fix ?? '').includes(want.fixIncludes)) out.push(`${at}: the fix does not include "${want.fixIncludes}": "${short(got.fix ?? '')}"`)
    })
  }
  for (const f of own) {
    if (!f.message.trim()) out.push(`${f.code} has an empty message`)
    if (f.severity === 'error' && !f.fix?.trim()) out.push(`${f.code} is an error without a fix: say what the user should do`)
  }
  const leak = leakIn(report, secrets)
  if (leak) out.push(`the report shows a secret ${leak}`)
  return out
}

/**
 * Where the report holds a secret, or undefined. Stricter than the redactor it tests: the text is also
 * read with separators removed, so a hex dump ("61 70 69 …") or a split token still counts.
 */
function leakIn(report: CheckReport, secrets: string[]): string | undefined {
  const redactor = createRedactor(secrets)
  for (const f of report.findings) {
    const text = JSON.stringify(f)
    if (redactor.leaks(text) || redactor.leaks(text.replace(/[\s:.,|-]+/g, ''))) return `in the ${f.code} finding of ${f.probe}`
  }
  const text = JSON.stringify({ ...report, findings: [] })
  if (redactor.leaks(text) || redactor.leaks(text.replace(/[\s:.,|-]+/g, ''))) return 'outside the findings'
  return undefined
}

function list(findings: EngineFinding[]): string {
  return findings.length ? findings.map((f) => f.code).join(', ') : 'none'
}

function short(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}
