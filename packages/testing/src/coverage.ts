// The static half of PackTester: cases that name what the pack does not have, duplicate cases, and
// what the pack declares that no case replays (error codes, handshake rules, whole services).
import {
  rankedMatches,
  rulesInForce as coreRulesInForce,
  type HandshakeRule,
  type PackTests,
  type ProviderPack,
  type Service,
  type VendorError,
  type Version,
} from '@apidx/core'
import { findScenario } from '@apidx/mock'

export type InvalidCase = PackTests['invalid'][number]
export type ValidCase = PackTests['valid'][number]
export type AnyCase = ValidCase | InvalidCase

/** A case with its service and version resolved against the pack, or why it cannot be. */
export interface ResolvedCase {
  kind: 'valid' | 'invalid'
  index: number
  case: AnyCase
  service?: Service
  versionId?: string
  version?: Version
  /** Why the case names nothing the pack has. */
  problem?: string
}

/** Resolves every case's service and default version. */
export function resolveCases(pack: ProviderPack, cases: PackTests): ResolvedCase[] {
  const all: ResolvedCase[] = [
    ...cases.valid.map((c, index) => ({ kind: 'valid' as const, index, case: c })),
    ...cases.invalid.map((c, index) => ({ kind: 'invalid' as const, index, case: c })),
  ]
  return all.map((r) => {
    const service = Object.prototype.hasOwnProperty.call(pack.services, r.case.service)
      ? pack.services[r.case.service]
      : undefined
    if (!service)
      return {
        ...r,
        problem: `the pack has no service "${r.case.service}" (services: ${Object.keys(pack.services).join(', ')})`,
      }
    const versionId = r.case.version ?? service.defaultVersion
    const version = Object.prototype.hasOwnProperty.call(service.versions, versionId)
      ? service.versions[versionId]
      : undefined
    if (!version)
      return {
        ...r,
        service,
        problem: `${r.case.service} has no version "${versionId}" (versions: ${Object.keys(service.versions).join(', ')})`,
      }
    return { ...r, service, versionId, version }
  })
}

/** The vendor-error scenario a case plays, read by the emulator's own parser; undefined for any other case. */
function vendorScenario(c: AnyCase): { vendorCode?: string; vendorVariant?: number } | undefined {
  if (!('scenario' in c) || !c.scenario?.startsWith('vendor-error:')) return undefined
  try {
    return findScenario(c.scenario)
  } catch {
    return undefined // a malformed id is the cases schema's to report
  }
}

/** The vendor code a case replays, when its scenario is `vendor-error:<code>` (or `…#<n>`). */
export function replayedCode(c: AnyCase): string | undefined {
  return vendorScenario(c)?.vendorCode
}

/** The `byMessage` meaning a `vendor-error:<code>#<n>` case replays; undefined for the code's own message. */
export function replayedVariant(c: AnyCase): number | undefined {
  return vendorScenario(c)?.vendorVariant
}

/** The handshake rules in force for a version, in scope order (core rulesInForce). */
export function rulesInForce(pack: ProviderPack, service: Service, version: Version): HandshakeRule[] {
  return coreRulesInForce(pack, service, version)
}

/** The rule apidx picks for a status and body: the most specific match (core rankedMatches). */
export function firstMatch(rules: HandshakeRule[], status: number, body: string): HandshakeRule | undefined {
  return rankedMatches(rules, status, body)[0]
}

/** Duplicate names, and cases that replay the same thing under another name (RuleTester rejects both). */
export function duplicates(resolved: ResolvedCase[]): string[] {
  const out: string[] = []
  const names = new Map<string, ResolvedCase>()
  const contents = new Map<string, ResolvedCase>()
  for (const r of resolved) {
    const label = `${r.kind}[${r.index}]`
    const seen = names.get(r.case.name)
    if (seen) out.push(`${label} has the same name as ${seen.kind}[${seen.index}]: "${r.case.name}"`)
    else names.set(r.case.name, r)
    const what =
      'handshake' in r.case && r.case.handshake
        ? `handshake ${r.case.handshake.status} ${r.case.handshake.body}`
        : `scenario ${('scenario' in r.case && r.case.scenario) || 'healthy'}`
    const key = `${r.case.service}\u0000${r.versionId ?? r.case.version ?? ''}\u0000${what}`
    const same = contents.get(key)
    if (same)
      out.push(
        `${label} "${r.case.name}" replays the same exchange as ${same.kind}[${same.index}] "${same.case.name}"`,
      )
    else contents.set(key, r)
  }
  return out
}

/**
 * Declared error codes no `vendor-error:<code>` case replays, as `service[/version] code`, and each
 * `byMessage` meaning no `vendor-error:<code>#<n>` case replays, as `service[/version] code#n`.
 */
export function uncoveredCodes(pack: ProviderPack, resolved: ResolvedCase[]): string[] {
  const replayed = resolved.filter((r) => r.kind === 'invalid' && r.version)
  const out: string[] = []
  const check = (sid: string, vid: string | undefined, table: Record<string, VendorError> | undefined) => {
    for (const [code, entry] of Object.entries(table ?? {})) {
      const here = (r: ResolvedCase) =>
        r.case.service === sid && (vid === undefined || r.versionId === vid) && replayedCode(r.case) === code
      const label = `${sid}${vid === undefined ? '' : `/${vid}`} ${code}`
      if (!replayed.some((r) => here(r) && replayedVariant(r.case) === undefined)) out.push(label)
      ;(entry.byMessage ?? []).forEach((_, n) => {
        if (!replayed.some((r) => here(r) && replayedVariant(r.case) === n)) out.push(`${label}#${n}`)
      })
    }
  }
  for (const [sid, service] of Object.entries(pack.services)) {
    check(sid, undefined, service.errors)
    for (const [vid, version] of Object.entries(service.versions)) check(sid, vid, version.errors)
  }
  return out
}

/** Handshake rules that no handshake case reaches first, named by where they are declared. */
export function uncoveredRules(pack: ProviderPack, resolved: ResolvedCase[]): string[] {
  const reached = new Set<HandshakeRule>()
  for (const r of resolved) {
    if (!r.version || !r.service || !('handshake' in r.case) || !r.case.handshake) continue
    const rule = firstMatch(
      rulesInForce(pack, r.service, r.version),
      r.case.handshake.status,
      r.case.handshake.body,
    )
    if (rule) reached.add(rule)
  }
  const out: string[] = []
  const check = (rules: HandshakeRule[] | undefined, where: string) =>
    (rules ?? []).forEach((rule, i) => {
      if (!reached.has(rule))
        out.push(
          `${where}/handshakeErrors/${i} (${rule.status}${rule.bodyContains ? ` "${rule.bodyContains}"` : ''} → ${rule.diagnosis})`,
        )
    })
  check(pack.handshakeErrors, '')
  for (const [sid, service] of Object.entries(pack.services)) {
    check(service.handshakeErrors, `/services/${sid}`)
    for (const [vid, version] of Object.entries(service.versions))
      check(version.handshakeErrors, `/services/${sid}/versions/${vid}`)
  }
  return out
}

/** Services no case exercises at all. */
export function servicesWithoutCase(pack: ProviderPack, resolved: ResolvedCase[]): string[] {
  return Object.keys(pack.services).filter((sid) => !resolved.some((r) => r.case.service === sid))
}

/**
 * Rules whose own example body is taken by an earlier rule with another diagnosis: apidx could never
 * report them as written. Checked in every version the rule is in force for.
 */
export function shadowedRules(pack: ProviderPack): string[] {
  const out = new Set<string>()
  for (const [sid, service] of Object.entries(pack.services)) {
    for (const [vid, version] of Object.entries(service.versions)) {
      const rules = rulesInForce(pack, service, version)
      for (const rule of rules) {
        if (rule.example === undefined) continue
        const first = firstMatch(rules, rule.status, rule.example)
        if (first && first !== rule && first.diagnosis !== rule.diagnosis) {
          out.add(
            `in ${sid}/${vid}, the ${rule.status} rule for ${rule.diagnosis} ("${rule.bodyContains ?? 'any body'}") is shadowed: its example matches an earlier rule for ${first.diagnosis} ("${first.bodyContains ?? 'any body'}")`,
          )
        }
      }
    }
  }
  return [...out]
}
