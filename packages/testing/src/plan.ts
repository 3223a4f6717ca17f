// A pack's PackTester suite as a list of named tests: the pack and its cases validate, no duplicate
// cases, every service, error code and handshake rule covered, no rule shadowed, then one test per
// case and per signing vector. Built synchronously (a test file registers its tests while it loads);
// the tests share one lazy validation.
import path from 'node:path'
import { checkShape, validatePackText, type PackTests, type Problem, type ProviderPack } from '@apidx/core'
import {
  duplicates,
  resolveCases,
  servicesWithoutCase,
  shadowedRules,
  uncoveredCodes,
  uncoveredRules,
  type ResolvedCase,
} from './coverage.js'
import { defaultCasesFile, readJsonFile, toPath, type ReadJson } from './files.js'
import { compare, replay } from './replay.js'
import { checkVector } from './vectors.js'

/** A test that failed: the message says what differs, in the case's terms. */
export class PackTestFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PackTestFailure'
  }
}

export type TestGroup = 'pack' | 'valid' | 'invalid' | 'vectors'

export interface PlannedTest {
  group: TestGroup
  name: string
  /** Resolves when the test passes; rejects with a PackTestFailure saying what differs. */
  run(): Promise<void>
}

export interface PackPlan {
  /** The pack's id when it can be read, else its folder name. */
  title: string
  packFile: string
  casesFile: string
  tests: PlannedTest[]
}

interface Prepared {
  pack: ProviderPack
  cases: PackTests
  resolved: ResolvedCase[]
}

/** Plans the suite of the pack at `packRef` (its pack.json or folder) with the cases at `casesRef` (default test/cases.json). */
export function planPackTests(packRef: string | URL, casesRef?: string | URL): PackPlan {
  let packFile = toPath(packRef)
  if (!packFile.endsWith('.json')) packFile = path.join(packFile, 'pack.json')
  const casesFile = casesRef === undefined ? defaultCasesFile(packFile) : toPath(casesRef)
  const packRead = readJsonFile(packFile)
  const casesRead = readJsonFile(casesFile)
  const rawPack = packRead.ok ? (packRead.value as { id?: unknown }) : undefined
  const title = typeof rawPack?.id === 'string' ? rawPack.id : path.basename(path.dirname(packFile))

  // Each file is validated once, lazily; every later test needs both and says so in one line.
  let packCheck: Promise<ProviderPack> | undefined
  let casesCheck: Promise<PackTests> | undefined
  const pack = () => (packCheck ??= validatePack(packFile, packRead))
  const cases = () => (casesCheck ??= validateCases(casesFile, casesRead))
  let prepared: Promise<Prepared> | undefined
  const ready = () =>
    (prepared ??= Promise.all([pack(), cases()]).then(
      ([p, c]) => ({ pack: p, cases: c, resolved: resolveCases(p, c) }),
      () => {
        throw new PackTestFailure('the pack or its cases file does not validate (see the first two tests)')
      },
    ))
  const expectNone = (items: string[], what: string) => {
    if (items.length) throw new PackTestFailure(`${what}:\n  ${items.join('\n  ')}`)
  }

  const tests: PlannedTest[] = [
    {
      group: 'pack',
      name: 'pack.json is a valid provider pack',
      run: async () => {
        await pack()
      },
    },
    {
      group: 'pack',
      name: `${path.basename(casesFile)} matches the pack-tests schema`,
      run: async () => {
        await cases()
      },
    },
    {
      group: 'pack',
      name: 'no case is duplicated',
      run: async () => expectNone(duplicates((await ready()).resolved), 'duplicate cases'),
    },
    {
      group: 'pack',
      name: 'every service has a case',
      run: async () => {
        const p = await ready()
        expectNone(servicesWithoutCase(p.pack, p.resolved), 'services without a case')
      },
    },
    {
      group: 'pack',
      name: 'every declared error code is replayed',
      run: async () => {
        const p = await ready()
        expectNone(
          uncoveredCodes(p.pack, p.resolved).map(
            (c) => `${c} (add an invalid case with "scenario": "vendor-error:${c.split(' ')[1]}")`,
          ),
          'error codes without a vendor-error case',
        )
      },
    },
    {
      group: 'pack',
      name: 'every handshake rule is replayed',
      run: async () => {
        const p = await ready()
        expectNone(
          uncoveredRules(p.pack, p.resolved),
          'handshake rules no case replays (add an invalid case with "handshake": {"status", "body"})',
        )
      },
    },
    {
      group: 'pack',
      name: 'no handshake rule is shadowed by an earlier one',
      run: async () => expectNone(shadowedRules((await ready()).pack), 'shadowed rules'),
    },
  ]

  const raw = casesRead.ok
    ? (casesRead.value as Partial<Record<'valid' | 'invalid' | 'vectors', unknown>>)
    : {}
  for (const kind of ['valid', 'invalid'] as const) {
    const items = Array.isArray(raw[kind]) ? (raw[kind] as { name?: unknown }[]) : []
    items.forEach((item, index) => {
      tests.push({
        group: kind,
        name: `${kind}: ${typeof item?.name === 'string' ? item.name : `#${index}`}`,
        run: async () => {
          const p = await ready()
          const r = p.resolved.find((x) => x.kind === kind && x.index === index)!
          if (r.problem) throw new PackTestFailure(r.problem)
          const report = await replay(p.pack, r)
          expectNone(
            compare(p.pack, r, report),
            `${kind}[${index}] "${r.case.name}" (${r.case.service}/${r.versionId})`,
          )
        },
      })
    })
  }
  const vectors = Array.isArray(raw.vectors) ? (raw.vectors as { name?: unknown }[]) : []
  vectors.forEach((item, index) => {
    tests.push({
      group: 'vectors',
      name: `vector: ${typeof item?.name === 'string' ? item.name : `#${index}`}`,
      run: async () => {
        const p = await ready()
        const v = p.cases.vectors![index]!
        expectNone(checkVector(p.pack, v), `vectors[${index}] "${v.name}" (${v.source})`)
      },
    })
  })
  return { title, packFile, casesFile, tests }
}

function describeProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.file}${p.pointer ? ` at ${p.pointer}` : ''}: ${p.message}. ${p.remedy}`)
    .join('\n  ')
}

async function validatePack(file: string, read: ReadJson): Promise<ProviderPack> {
  const checked = read.ok
    ? await validatePackText(read.text, file)
    : { problems: read.problems, pack: undefined }
  if (!checked.pack)
    throw new PackTestFailure(`the pack does not validate:\n  ${describeProblems(checked.problems)}`)
  return checked.pack
}

async function validateCases(file: string, read: ReadJson): Promise<PackTests> {
  const problems = read.ok ? await checkShape('pack-tests', read.value, file) : read.problems
  if (problems.length)
    throw new PackTestFailure(`the cases file does not validate:\n  ${describeProblems(problems)}`)
  return (read as { value: unknown }).value as PackTests
}
