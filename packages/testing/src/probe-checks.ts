// The checks of a ProbeTester suite that need no network: the probe's meta, duplicate cases, and a case
// for every code the probe declares.
import type { Probe } from '@apidx/core'
import type { InvalidProbeCase, ProbeCase } from './probe-cases.js'

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/
const SEVERITIES = new Set(['error', 'warning', 'info'])

/** What is wrong with the probe's meta: ids and codes in their forms, severities, descriptions, `after` links in the chain. */
export function metaProblems(probe: Probe, chain: readonly Probe[]): string[] {
  const m = probe.meta
  if (!m || typeof m !== 'object') return ['the probe has no meta']
  const out: string[] = []
  if (typeof m.id !== 'string' || !ID.test(m.id))
    out.push(`meta.id ${JSON.stringify(m.id)} is not a lower-case kebab-case id`)
  if (!m.title) out.push('meta.title is empty')
  if (!m.description) out.push('meta.description is empty')
  if (typeof probe.run !== 'function') out.push('the probe has no run function')
  const codes = Object.entries(m.findings ?? {})
  if (codes.length === 0) out.push('meta.findings declares no code')
  for (const [code, spec] of codes) {
    if (!CODE.test(code)) out.push(`finding code "${code}" is not <area>/<kebab-name>`)
    if (!SEVERITIES.has(spec?.severity))
      out.push(
        `finding code "${code}" has severity ${JSON.stringify(spec?.severity)}, not error, warning or info`,
      )
    if (!spec?.description) out.push(`finding code "${code}" has no description`)
  }
  const ids = new Set(chain.map((p) => p.meta.id))
  for (const a of m.after ?? []) {
    if (a === m.id) out.push('meta.after names the probe itself')
    else if (!ids.has(a))
      out.push(`meta.after names "${a}", which is not in the chain (${[...ids].join(', ')})`)
  }
  return out
}

/** Case names used twice, and cases with the same setup (they repeat or contradict each other). */
export function duplicateProblems(cases: ProbeCase[]): string[] {
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

/** Declared error and warning codes no invalid case expects (unless `untested` gives the reason), and `untested` entries that are wrong. */
export function coverageProblems(
  probe: Probe,
  invalid: InvalidProbeCase[],
  untested: Record<string, string>,
): string[] {
  const declared = Object.entries(probe.meta?.findings ?? {})
    .filter(([, s]) => s.severity !== 'info')
    .map(([code]) => code)
  const covered = new Set(invalid.flatMap((c) => c.findings.map((f) => f.code)))
  const out: string[] = []
  const missing = declared.filter((code) => !covered.has(code) && !(code in untested))
  if (missing.length) out.push(`no invalid case finds ${missing.join(', ')}`)
  for (const code of Object.keys(untested)) {
    if (!declared.includes(code))
      out.push(`untested names "${code}", which the probe does not declare (or declares as info)`)
    else if (covered.has(code))
      out.push(`untested names "${code}", which a case covers: remove it from untested`)
  }
  for (const code of covered)
    if (!(code in (probe.meta?.findings ?? {})))
      out.push(`a case expects "${code}", which the probe does not declare`)
  return out
}
