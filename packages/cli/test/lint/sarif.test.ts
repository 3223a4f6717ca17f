// apidx lint --format sarif validates against the OASIS SARIF 2.1.0 schema, with a finding, a file
// that cannot be parsed, and an empty run.
import { readFileSync } from 'node:fs'
import Ajv from 'ajv-draft-04'
import { expect, test } from 'vitest'
import { lintText, RULES } from '../../src/lint/index.js'
import { renderLintSarif } from '../../src/render/lint-sarif.js'
import { builtinFacts } from './rule-tester.js'

const schema = JSON.parse(
  readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
)
// Formats (uri, date-time) are not checked: ajv-formats is not a dependency; the structure is.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
const validate = ajv.compile(schema)

test('a run with findings and an unparseable file validates as SARIF 2.1.0', async () => {
  const facts = await builtinFacts()
  const bad = await lintText('src/b.py', 'def broken(:\n', facts)
  const good = await lintText(
    'src/a b.py',
    'try:\n    ws.connect("ws://iat-api.xfyun.cn/v2/iat")\nexcept:\n    pass\n',
    facts,
  )
  const sarif = renderLintSarif({ files: [good, bad], skipped: [] }, RULES, {
    version: '0.1.0',
    base: process.cwd(),
  }) as {
    runs: {
      results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]
    }[]
  }
  expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
  const run = sarif.runs[0]
  expect(run?.results.map((r) => r.ruleId).sort()).toEqual([
    'missing-doc-header',
    'stale-endpoint',
    'swallowed-error',
  ])
  expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/a%20b.py')
})

test('an empty run validates too', () => {
  const sarif = renderLintSarif({ files: [], skipped: [] }, RULES, { version: '0.1.0', base: '/' })
  expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
})

test('the schema rejects a broken log, so the check can fail', () => {
  expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false)
})

test('text from the user file reaches findings with control characters escaped', async () => {
  const { lintText: lint } = await import('../../src/lint/index.js')
  const r = await lint(
    'a\u001b[31m.py',
    'URL = "wss://rtasr.xfyun.cn/v1/ws"\nts = str(time.time()*1000)  \n',
    await builtinFacts(),
  )
  expect(r.path).toBe('a\\u001b[31m.py')
  for (const f of r.findings) expect(f.message + f.fix).not.toMatch(/[\u0000-\u001f]/)
})
