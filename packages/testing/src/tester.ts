// PackTester, on the model of ESLint's RuleTester: `run()` registers a pack's suite with the test
// framework in use (describe/it), and `testPack()` runs it directly for `apidx packs test`.
import { planPackTests, PackTestFailure, type TestGroup } from './plan.js'

type Describe = (name: string, fn: () => void) => void
type It = (name: string, fn: () => Promise<void>) => void

/** One test's outcome. */
export interface PackTestResult {
  group: TestGroup
  name: string
  ok: boolean
  /** What differs, for a failed test. */
  message?: string
  ms: number
}

/** A pack suite's outcome, in plan order. */
export interface PackTestReport {
  pack: string
  packFile: string
  casesFile: string
  results: PackTestResult[]
  passed: number
  failed: number
}

export interface TestPackOptions {
  /** Cases run at once (each has its own emulator on its own port). Default 4. */
  concurrency?: number
  /** Called as each test finishes, in completion order (progress). */
  onResult?(result: PackTestResult): void
}

export class PackTester {
  /** The framework's `describe`; the global one (vitest globals, mocha, jest) when unset. */
  static describe?: Describe
  /** The framework's `it`; the global one when unset. */
  static it?: It

  /** Registers the suite of the pack at `pack` (pack.json or its folder), cases from `cases` (default test/cases.json beside it). */
  run(pack: string | URL, cases?: string | URL): void {
    const g = globalThis as { describe?: Describe; it?: It }
    const describe = PackTester.describe ?? g.describe
    const it = PackTester.it ?? g.it
    if (!describe || !it)
      throw new Error(
        'PackTester.run() needs a test framework: set PackTester.describe and PackTester.it (e.g. from vitest), or call testPack().',
      )
    const plan = planPackTests(pack, cases)
    describe(`pack ${plan.title}`, () => {
      for (const test of plan.tests) it(test.name, test.run)
    })
  }
}

/** Runs a pack's suite and returns every result; never throws for a failing test. */
export async function testPack(
  pack: string | URL,
  cases?: string | URL,
  options: TestPackOptions = {},
): Promise<PackTestReport> {
  const plan = planPackTests(pack, cases)
  const results: PackTestResult[] = new Array(plan.tests.length)
  let next = 0
  const worker = async () => {
    while (next < plan.tests.length) {
      const i = next++
      const test = plan.tests[i]!
      const start = performance.now()
      let result: PackTestResult
      try {
        await test.run()
        result = { group: test.group, name: test.name, ok: true, ms: Math.round(performance.now() - start) }
      } catch (err) {
        // A PackTestFailure is the expected kind; anything else is a bug in apidx, reported as such.
        const message =
          err instanceof PackTestFailure
            ? err.message
            : `apidx failed while running the test: ${err instanceof Error ? err.message : String(err)}`
        result = {
          group: test.group,
          name: test.name,
          ok: false,
          message,
          ms: Math.round(performance.now() - start),
        }
      }
      results[i] = result
      options.onResult?.(result)
    }
  }
  const width = Math.max(1, Math.min(options.concurrency ?? 4, 16))
  await Promise.all(Array.from({ length: width }, worker))
  const failed = results.filter((r) => !r.ok).length
  return {
    pack: plan.title,
    packFile: plan.packFile,
    casesFile: plan.casesFile,
    results,
    passed: results.length - failed,
    failed,
  }
}
