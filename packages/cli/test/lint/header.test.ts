// The header `apidx scaffold --header-only` prints is the one missing-doc-header accepts: the two
// commands share one definition (src/scaffold/header.ts), tested end to end here in both languages.
import { listPacks } from '@apidx/core'
import { expect, test } from 'vitest'
import { packOptions } from '../../src/packs.js'
import { scaffoldHeader } from '../../src/scaffold/index.js'
import { lintText } from '../../src/lint/index.js'
import { builtinFacts } from './rule-tester.js'

test('a file headed by scaffold --header-only passes missing-doc-header; without it, it does not', async () => {
  const pack = (await listPacks(packOptions())).find((p) => p.pack.id === 'iflytek')?.pack
  if (!pack) throw new Error('the iflytek pack is built in')
  const facts = await builtinFacts()
  const cases = [
    { file: 'asr.py', lang: 'python' as const, body: 'URL = "wss://iat-api.xfyun.cn/v2/iat"\n' },
    { file: 'asr.ts', lang: 'ts' as const, body: "const URL = 'wss://iat-api.xfyun.cn/v2/iat'\n" },
  ]
  for (const c of cases) {
    const header = scaffoldHeader(pack, { service: 'iat', lang: c.lang })
    const withHeader = await lintText(c.file, header + c.body, facts, ['missing-doc-header'])
    expect(withHeader.findings).toEqual([])
    const without = await lintText(c.file, c.body, facts, ['missing-doc-header'])
    expect(without.findings.map((f) => f.fix)).toEqual([
      `Put the header at the top of the file; print it with: npx apidx scaffold --provider iflytek --service iat --version v2 --lang ${c.lang} --header-only`,
    ])
  }
})
