// RuleTester, after ESLint's: every rule proves valid cases (no finding) and invalid cases (exactly
// the expected findings, by line and message id) in Python and in JavaScript/TypeScript.
import { listPacks } from '@apidx/core'
import { describe, expect, test } from 'vitest'
import { packOptions } from '../../src/packs.js'
import { lintText, packFacts, RULES, type PackFacts } from '../../src/lint/index.js'

export interface Case {
  name: string
  file: string
  code: string
}
export interface InvalidCase extends Case {
  errors: { line: number; messageId: string }[]
}

let facts: PackFacts | undefined
export async function builtinFacts(): Promise<PackFacts> {
  facts ??= packFacts((await listPacks(packOptions())).map((p) => p.pack))
  return facts
}

/** The text a message id renders to before its first placeholder: enough to tell ids apart. */
function messageStart(rule: string, messageId: string): string {
  const template = RULES[rule]?.meta.messages[messageId] ?? `<no message ${messageId}>`
  return template.split('{')[0] as string
}

export function ruleTester(rule: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    for (const c of cases.valid)
      test(`valid: ${c.name}`, async () => {
        const r = await lintText(c.file, c.code, await builtinFacts(), [rule])
        expect(r.error).toBeUndefined()
        expect(r.findings).toEqual([])
      })
    for (const c of cases.invalid)
      test(`invalid: ${c.name}`, async () => {
        const r = await lintText(c.file, c.code, await builtinFacts(), [rule])
        expect(r.error).toBeUndefined()
        expect(r.findings.map((f) => f.line)).toEqual(c.errors.map((e) => e.line))
        r.findings.forEach((f, i) => {
          expect(
            f.message.startsWith(messageStart(rule, (c.errors[i] as { messageId: string }).messageId)),
          ).toBe(true)
          expect(f.fix.length).toBeGreaterThan(0)
        })
      })
    test('has valid and invalid cases in both languages', () => {
      for (const list of [cases.valid, cases.invalid]) {
        expect(list.some((c) => c.file.endsWith('.py'))).toBe(true)
        expect(list.some((c) => /\.[jt]sx?$/.test(c.file))).toBe(true)
      }
    })
  })
}
