// One ProbeTester case played: the emulator or a fixture server started, the real chain run with the
// case's credentials and clock, the report built as apidx check builds it, and the probe's part of it
// compared with what the case expects. Whatever the outcome, the server is closed.
import {
  buildReport,
  createRedactor,
  createRegistry,
  resolveTarget,
  runChecks,
  secretValues,
  type CheckReport,
  type EngineFinding,
  type Probe,
  type ProviderPack,
  type RunOptions,
  type RunResult,
} from '@apidx/core'
import { demoCredentials, notFoundResolver, startSession } from '@apidx/mock'
import { fakeClock, offsetClock } from './clock.js'
import { startFixture } from './fixture-server.js'
import { ProbeTestFailure, type ExpectedFinding, type ProbeCase } from './probe-cases.js'

/** No name resolves at all: glibc's EAI_AGAIN when no DNS server answers. */
const noResolver = async (): Promise<never> => {
  throw Object.assign(new Error('no resolver'), { code: 'EAI_AGAIN' })
}

/** A reserved `.test` name (RFC 6761): never a real host, and only the case's own resolver sees it. */
const UNRESOLVED_HOST = 'fixture.apidx.test'

interface Played {
  run: RunResult
  report: CheckReport
  secrets: string[]
}

/** Plays one case through the chain; the fixture or emulator is always closed. */
async function play(
  chain: readonly Probe[],
  pack: ProviderPack,
  c: ProbeCase,
  timeoutMs: number,
): Promise<Played> {
  if ((c.scenario === undefined) === (c.reply === undefined))
    throw new ProbeTestFailure(
      'the case needs exactly one of scenario (the emulator) and reply (a fixture server)',
    )
  if (
    c.scenario !== undefined &&
    (c.tls !== undefined || c.path !== undefined || c.scheme !== undefined || c.resolve !== undefined)
  )
    throw new ProbeTestFailure(
      'tls, path, scheme and resolve belong to a fixture reply; an emulator scenario sets its own',
    )
  const wanted = resolveTarget(pack, {
    service: c.service ?? Object.keys(pack.services)[0]!,
    ...(c.version ? { version: c.version } : {}),
  })
  const where = { service: wanted.serviceId, version: wanted.versionId }
  const clock =
    c.now !== undefined
      ? fakeClock(c.now)
      : c.clockOffsetMs !== undefined
        ? offsetClock(c.clockOffsetMs)
        : undefined
  const base: Partial<RunOptions> = {
    registry: createRegistry(chain),
    timeoutMs,
    ...(clock ? { clock } : {}),
  }
  let close: () => Promise<void>
  let options: RunOptions
  if (c.scenario !== undefined) {
    const session = await startSession({ pack, ...where, scenario: c.scenario })
    close = () => session.close()
    options = {
      ...base,
      ...session.options,
      target: session.target,
      credentials: c.credentials ?? session.credentials,
    } as RunOptions
  } else {
    const fixture = await startFixture(c.reply!, c.tls ? { tls: c.tls } : {})
    close = () => fixture.close()
    const documented = new URL(wanted.version.url)
    const http = wanted.version.protocol === 'http'
    const scheme = c.scheme ?? (c.tls ? (http ? 'https' : 'wss') : http ? 'http' : 'ws')
    let endpoint = fixture.url(c.path ?? `${documented.pathname}${documented.search}`, scheme)
    if (c.resolve) endpoint = endpoint.replace('//127.0.0.1:', `//${UNRESOLVED_HOST}:`)
    const resolver =
      c.resolve === 'hang'
        ? () => new Promise<never>(() => {})
        : c.resolve === 'not-found'
          ? notFoundResolver
          : c.resolve === 'no-resolver'
            ? noResolver
            : undefined
    options = {
      ...base,
      ...fixture.engine,
      ...(resolver ? { resolver } : {}),
      target: resolveTarget(pack, { ...where, endpoint }),
      credentials: c.credentials ?? demoCredentials(pack),
    } as RunOptions
  }
  try {
    const run = await runChecks(options)
    const secrets = secretValues(pack, options.credentials ?? {})
    const report = buildReport(run, { redact: createRedactor(secrets).redact, mock: c.scenario ?? null })
    return { run, report, secrets: [...secrets, ...run.requestSecrets] }
  } finally {
    await close()
  }
}

/** Everything wrong with the probe's behaviour in one case; `expected` undefined for a valid case. */
export async function caseProblems(
  probe: Probe,
  chain: readonly Probe[],
  pack: ProviderPack,
  c: ProbeCase,
  expected: ExpectedFinding[] | undefined,
  timeoutMs = 2000,
): Promise<string[]> {
  const { run, report, secrets } = await play(chain, pack, c, timeoutMs)
  const id = probe.meta.id
  const out: string[] = []
  const link = run.links.find((l) => l.id === id)
  if (!link)
    return [
      `the probe is not in the chain for ${run.target.serviceId} ${run.target.versionId} (its meta.appliesTo leaves it out)`,
    ]
  if (link.status === 'skip') out.push(`the probe did not run: ${link.reason ?? 'skipped'}`)
  const mine = run.findings.filter((f) => f.probe === id)
  for (const crash of mine.filter((f) => f.code === 'engine/probe-crashed'))
    out.push(`the probe crashed: ${crash.message}`)
  const own = mine.filter((f) => f.severity !== 'info' && f.code !== 'engine/probe-crashed')
  if (expected === undefined) {
    if (own.length) out.push(`a valid case, but the probe found ${list(own)}`)
  } else {
    if (own.length !== expected.length)
      out.push(
        `expected ${expected.length} finding${expected.length === 1 ? '' : 's'} (${expected.map((e) => e.code).join(', ') || 'none'}), got ${own.length}: ${list(own)}`,
      )
    expected.forEach((want, i) => {
      const got = own[i]
      if (!got) return
      const at = `finding ${i + 1}`
      if (got.code !== want.code)
        out.push(`${at}: expected ${want.code}, got ${got.code} ("${short(got.message)}")`)
      if (want.severity && got.severity !== want.severity)
        out.push(`${at}: expected severity ${want.severity}, got ${got.severity}`)
      if (want.messageIncludes !== undefined && !got.message.includes(want.messageIncludes))
        out.push(`${at}: the message does not include "${want.messageIncludes}": "${short(got.message)}"`)
      if (want.fixIncludes !== undefined && !(got.fix ?? '').includes(want.fixIncludes))
        out.push(`${at}: the fix does not include "${want.fixIncludes}": "${short(got.fix ?? '')}"`)
    })
  }
  for (const f of own) {
    if (!f.message.trim()) out.push(`${f.code} has an empty message`)
    if (f.severity === 'error' && !f.fix?.trim())
      out.push(`${f.code} is an error without a fix: say what the user should do`)
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
  const shows = (value: unknown) => {
    const text = JSON.stringify(value)
    return redactor.leaks(text) || redactor.leaks(text.replace(/[\s:.,|-]+/g, ''))
  }
  const finding = report.findings.find(shows)
  if (finding) return `in the ${finding.code} finding of ${finding.probe}`
  return shows({ ...report, findings: [] }) ? 'outside the findings' : undefined
}

function list(findings: EngineFinding[]): string {
  return findings.length ? findings.map((f) => f.code).join(', ') : 'none'
}

function short(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}
