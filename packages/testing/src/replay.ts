// The live half of PackTester: a case replayed through apidx's emulator and check engine, exactly as
// `apidx check --mock` runs it, and the report compared with what the case says apidx must find.
import {
  buildReport,
  createRedactor,
  createRegistry,
  errorEntry,
  resolveError,
  runChecks,
  secretValues,
  sentMessage,
  type CheckReport,
  type ProviderPack,
} from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { startSession } from '@apidx/mock'
import { firstMatch, replayedCode, replayedVariant, rulesInForce, type ResolvedCase } from './coverage.js'

type Finding = CheckReport['findings'][number]

/** Base deadline per phase for a replay: loopback answers in milliseconds, a hang should fail fast. */
const REPLAY_TIMEOUT_MS = 3000

/** Runs one resolved case against the emulator and returns apidx's report. */
export async function replay(pack: ProviderPack, r: ResolvedCase): Promise<CheckReport> {
  const c = r.case
  const session = await startSession({
    pack,
    service: c.service,
    version: r.versionId!,
    ...('scenario' in c && c.scenario ? { scenario: c.scenario } : {}),
    ...('handshake' in c && c.handshake ? { reply: c.handshake } : {}),
  })
  try {
    const run = await runChecks({
      target: session.target,
      registry: createRegistry(builtinProbes),
      credentials: session.credentials,
      timeoutMs: REPLAY_TIMEOUT_MS,
      ...session.options,
    })
    // Demo credentials only, but masked all the same: what a test prints is what a user would see.
    return buildReport(run, {
      redact: createRedactor(secretValues(pack, session.credentials)).redact,
      mock: session.scenario,
    })
  } finally {
    await session.close()
  }
}

/** The ways a report differs from the case; empty when apidx found exactly what the case says. */
export function compare(pack: ProviderPack, r: ResolvedCase, report: CheckReport): string[] {
  const errors = report.findings.filter((f) => f.severity === 'error')
  if (r.kind === 'valid') {
    if (report.verdict === 'pass' && errors.length === 0) return []
    return [`expected a healthy exchange (verdict pass), got ${report.verdict} with ${list(errors)}`]
  }
  const c = r.case as Extract<ResolvedCase['case'], { findings: unknown }>
  const out: string[] = []
  if (errors.length !== c.findings.length) {
    out.push(
      `should have ${c.findings.length} error finding${c.findings.length === 1 ? '' : 's'} but had ${errors.length}: ${list(errors)}`,
    )
  }
  c.findings.forEach((want, i) => {
    const got = errors[i]
    if (!got) return
    const where = `finding ${i + 1}`
    if (got.code !== want.code)
      out.push(`${where}: expected ${want.code}, got ${got.code} ("${short(got.message)}")`)
    const vendorCode = got.data.vendorCode === undefined ? undefined : String(got.data.vendorCode)
    if (want.vendorCode !== undefined && vendorCode !== want.vendorCode)
      out.push(`${where}: expected vendorCode ${want.vendorCode}, got ${vendorCode ?? 'none'}`)
    if (want.messageIncludes !== undefined && !got.message.includes(want.messageIncludes))
      out.push(`${where}: the message does not include "${want.messageIncludes}": "${short(got.message)}"`)
  })
  if (report.rootCause && c.findings[0] && report.rootCause.code !== c.findings[0].code)
    out.push(`root cause: expected ${c.findings[0].code}, got ${report.rootCause.code}`)
  out.push(...meaningProblems(pack, r, errors))
  return out
}

/**
 * Whatever the case expects, the replayed fact must come back with the pack's meaning: a replayed
 * code must be found in the table (so the pack's error pointer, code type and frames really work),
 * and a replayed handshake must be explained by the rule that matches it. A pack that "passes on
 * garbage" (wrong pointer, rule never applied) fails here even with a careless case.
 */
function meaningProblems(pack: ProviderPack, r: ResolvedCase, errors: Finding[]): string[] {
  const code = replayedCode(r.case)
  if (code !== undefined) {
    const declared = errorEntry(r.version!, r.service!, code)
    // The meaning the message the emulator sent selects, as the vendor-error probe resolves it.
    const entry = declared && resolveError(declared, sentMessage(declared, replayedVariant(r.case)))
    const carrier = errors.find((f) => String(f.data.vendorCode) === code)
    if (!carrier)
      return [
        `no error finding carries vendor code ${code}: apidx did not read the code where the pack says it is (response.errorCode, codeType, examples.errorFrame)`,
      ]
    if (entry && carrier.data.meaning !== entry.meaning)
      return [
        `vendor code ${code} was not explained with the pack's meaning ("${short(entry.meaning)}"): ${short(carrier.message)}`,
      ]
    return []
  }
  if ('handshake' in r.case && r.case.handshake) {
    const rule = firstMatch(
      rulesInForce(pack, r.service!, r.version!),
      r.case.handshake.status,
      r.case.handshake.body,
    )
    const root = errors[0]
    if (rule && root && root.code !== rule.diagnosis)
      return [
        `the handshake matches the rule for ${rule.diagnosis} ("${rule.bodyContains ?? 'any body'}"), but apidx reported ${root.code}`,
      ]
  }
  return []
}

function list(findings: Finding[]): string {
  return findings.length
    ? findings
        .map((f) => `${f.code}${f.data.vendorCode !== undefined ? ` (${String(f.data.vendorCode)})` : ''}`)
        .join(', ')
    : 'none'
}

function short(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}
