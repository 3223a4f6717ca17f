// `apidx packs test <path…>`: runs PackTester on packs (in the repo or not): the pack and its
// test/cases.json validate, every service, error code and handshake rule is covered, every case
// replayed through the emulator is diagnosed as it says, every signing vector reproduced. Exit 1 on any failure.
import path from 'node:path'
import { Args, Flags } from '@oclif/core'
import type { PackTestReport } from '@apidx/testing'
import { ApidxCommand, EXIT } from '../../base.js'
import { renderPackTests, renderPackTestsTotal } from '../../render/pack-tests.js'

export default class PacksTest extends ApidxCommand {
  static override description =
    "Run a pack's PackTester cases (test/cases.json) against the built-in emulator: coverage, diagnoses, signing vectors."
  static override examples = [
    '<%= config.bin %> packs test ./acme',
    '<%= config.bin %> packs test providers/*',
    '<%= config.bin %> packs test ./acme/pack.json --cases ./acme/test/more-cases.json --all',
  ]
  static override strict = false
  static override args = {
    path: Args.string({ description: 'pack folder (or its pack.json); several allowed', required: true }),
  }
  static override flags = {
    cases: Flags.string({
      description: 'cases file; test/cases.json beside the pack when absent (one pack only)',
    }),
    all: Flags.boolean({ description: 'list passing tests too, not only failures' }),
    concurrency: Flags.integer({
      description: 'cases replayed at once, each against its own emulator',
      min: 1,
      max: 16,
      default: 4,
    }),
  }

  async run(): Promise<{ passed: number; failed: number; packs: PackTestReport[] }> {
    const { argv, flags } = await this.parse(PacksTest)
    const paths = argv as string[]
    const { ApidxError } = await import('@apidx/core')
    if (flags.cases && paths.length > 1)
      throw new ApidxError('ERR_USAGE', '--cases applies to one pack; several were given.', {
        suggestions: [
          "Test one pack at a time with --cases, or put each pack's cases in its test/cases.json.",
        ],
      })
    const { testPack } = await import('@apidx/testing')
    const { packFile } = await import('../../paths.js')
    const reports: PackTestReport[] = []
    for (const arg of paths) {
      const file = await packFile(arg)
      const report = await testPack(file, flags.cases ? path.resolve(flags.cases) : undefined, {
        concurrency: flags.concurrency,
      })
      reports.push(report)
      this.show(
        renderPackTests(
          report,
          path.isAbsolute(arg) ? file : path.relative(process.cwd(), file) || file,
          flags.all,
        ),
      )
    }
    const result = {
      passed: reports.reduce((n, r) => n + r.passed, 0),
      failed: reports.reduce((n, r) => n + r.failed, 0),
      packs: reports,
    }
    if (paths.length > 1) this.show(renderPackTestsTotal(reports))
    if (result.failed) this.setExit(EXIT.fault)
    return result
  }
}
