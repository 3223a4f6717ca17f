// The acceptance corpus: real integration snippets from public repositories (test/corpus/lint, each
// with its repository, path, commit and lines), labelled by rule and line. apidx lint must find at
// least 85% of the labelled problems with at most 3 false positives in all. missing-doc-header is left
// out: no snippet from the wild carries an apidx header, so it would fire on every integration file.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { lintText, RULES } from '../../src/lint/index.js'
import { builtinFacts } from './rule-tester.js'

interface Snippet {
  file: string
  source: { repo: string; path: string; commit: string; startLine: number; endLine: number }
  labels: { rule: string; line: number }[]
}

const dir = new URL('../../../../test/corpus/lint/', import.meta.url)
const corpus = JSON.parse(readFileSync(new URL('corpus.json', dir), 'utf8')) as { snippets: Snippet[] }
const rules = Object.keys(RULES).filter((r) => r !== 'missing-doc-header')

test('the corpus has at least 40 sourced snippets and clean counterexamples', () => {
  expect(corpus.snippets.length).toBeGreaterThanOrEqual(40)
  for (const s of corpus.snippets) {
    expect(s.source.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(s.source.endLine - s.source.startLine).toBeLessThan(120)
  }
  expect(corpus.snippets.filter((s) => s.labels.length === 0).length).toBeGreaterThanOrEqual(8)
})

test('lint finds at least 85% of the labelled problems with at most 3 false positives', async () => {
  const facts = await builtinFacts()
  let labelled = 0
  let found = 0
  const falsePositives: string[] = []
  const missed: string[] = []
  for (const s of corpus.snippets) {
    const text = readFileSync(new URL(s.file, dir), 'utf8')
    const result = await lintText(s.file, text, facts, rules)
    expect(result.error, `${s.file} parses`).toBeUndefined()
    const key = (rule: string, line: number) => `${rule}@${line}`
    const expected = new Set(s.labels.map((l) => key(l.rule, l.line)))
    const got = new Set(result.findings.map((f) => key(f.rule, f.line)))
    labelled += expected.size
    for (const k of expected) (got.has(k) ? () => found++ : () => missed.push(`${s.file} ${k}`))()
    for (const k of got) if (!expected.has(k)) falsePositives.push(`${s.file} ${k}`)
  }
  const recall = found / labelled
  console.log(
    `corpus: ${found}/${labelled} found (${(recall * 100).toFixed(1)}%), missed ${JSON.stringify(missed)}, false positives ${JSON.stringify(falsePositives)}`,
  )
  expect(recall).toBeGreaterThanOrEqual(0.85)
  expect(falsePositives.length).toBeLessThanOrEqual(3)
})
