// ProbeTester, on the model of ESLint's RuleTester, for whoever writes a probe: `valid` cases (the
// probe runs and finds nothing) and `invalid` cases (it finds exactly these codes), each played in
// the real chain against the emulator (a scenario) or a fixture server (a reply), with a fake clock
// when the case moves the machine's time. Beyond each case it checks what a user depends on: the
// meta is well formed, every code the probe declares has a case, no two cases are the same, the
// probe never crashes, and no secret reaches the report in any form.
import { validatePackFile, type Probe, type ProviderPack } from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { toPath } from './files.js'
import {
  ProbeTestFailure,
  type PlannedProbeTest,
  type ProbeTestResult,
  type ProbeTestSpec,
} from './probe-cases.js'
import { coverageProblems, duplicateProblems, metaProblems } from './probe-checks.js'
import { caseProblems } from './probe-play.js'

export {
  ProbeTestFailure,
  type ExpectedFinding,
  type InvalidProbeCase,
  type PlannedProbeTest,
  type ProbeCase,
  type ProbeTestResult,
  type ProbeTestSpec,
} from './probe-cases.js'

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
    {
      group: 'probe',
      name: 'no two cases are the same',
      run: async () => fail(duplicateProblems([...valid, ...invalid])),
    },
    {
      group: 'probe',
      name: `every finding code has an invalid case${
        spec.untested
          ? ` (untested: ${Object.entries(spec.untested)
              .map(([c, why]) => `${c}, ${why}`)
              .join('; ')})`
          : ''
      }`,
      run: async () => fail(coverageProblems(probe, invalid, spec.untested ?? {})),
    },
  ]
  const defaults = {
    ...(spec.service ? { service: spec.service } : {}),
    ...(spec.version ? { version: spec.version } : {}),
  }
  for (const c of valid)
    tests.push({
      group: 'valid',
      name: c.name,
      run: async () =>
        fail(
          await caseProblems(
            probe,
            chain,
            await pack(c.pack),
            { ...(c.pack ? {} : defaults), ...c },
            undefined,
            spec.timeoutMs,
          ),
        ),
    })
  for (const c of invalid)
    tests.push({
      group: 'invalid',
      name: c.name,
      run: async () =>
        fail(
          await caseProblems(
            probe,
            chain,
            await pack(c.pack),
            { ...(c.pack ? {} : defaults), ...c },
            c.findings,
            spec.timeoutMs,
          ),
        ),
    })
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
    if (!describe || !it)
      throw new Error(
        'ProbeTester.run() needs a test framework: set ProbeTester.describe and ProbeTester.it (e.g. from vitest), or call testProbe().',
      )
    const tests = planProbeTests(probe, spec)
    describe(`probe ${probe.meta?.id ?? '(no id)'}`, () => {
      for (const t of tests) it(t.name, t.run)
    })
  }
}

/** Runs a probe's suite one test at a time and returns every result; never throws for a failing test. */
export async function testProbe(
  probe: Probe,
  spec: ProbeTestSpec,
): Promise<{ probe: string; results: ProbeTestResult[]; passed: number; failed: number }> {
  const results: ProbeTestResult[] = []
  for (const t of planProbeTests(probe, spec)) {
    try {
      await t.run()
      results.push({ group: t.group, name: t.name, ok: true })
    } catch (err) {
      const message =
        err instanceof ProbeTestFailure
          ? err.message
          : `apidx failed while running the test: ${err instanceof Error ? err.message : String(err)}`
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
  if (!v.pack)
    throw new ProbeTestFailure(
      `the pack ${file} is not valid:\n${v.problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n')}`,
    )
  return v.pack
}
