// The pack authoring guide runs its examples: every ```json pack block validates as a pack, and the
// documented install.json has exactly the fields installPack writes.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { installPack } from '../../src/install/install.js'
import { validatePackText } from '../../src/pack/validate.js'
import { packText, tempDir } from './fixtures.js'
import { tgz } from './tar-writer.js'

const GUIDE = fileURLToPath(new URL('../../../../docs/pack-authoring.md', import.meta.url))

/** The fenced blocks of a markdown text whose info string is exactly `info`. */
function blocks(markdown: string, info: string): string[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)]
    .filter((m) => m[1]!.trim() === info)
    .map((m) => m[2]!)
}

/** The shape of a JSON value: its keys, recursively, with leaves as their type. */
function shape(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(),
    )
  return typeof value
}

describe('docs/pack-authoring.md', () => {
  it('has at least one complete example pack, and every one validates', async () => {
    const packs = blocks(await readFile(GUIDE, 'utf8'), 'json pack')
    expect(packs.length).toBeGreaterThan(0)
    for (const [i, text] of packs.entries()) {
      const v = await validatePackText(text, `docs/pack-authoring.md block ${i + 1}`)
      expect(v.problems).toEqual([])
    }
  })

  it('documents install.json with exactly the fields a tarball install writes', async () => {
    const documented = blocks(await readFile(GUIDE, 'utf8'), 'json')
      .map((b) => JSON.parse(b))
      .find((b) => b.recordVersion === 1)
    const root = await tempDir()
    await writeFile(
      path.join(root, 'acme.tgz'),
      tgz([
        { name: 'package/package.json', data: '{"name":"apidx-provider-acme","version":"0.1.0"}' },
        { name: 'package/pack.json', data: packText() },
      ]),
    )
    const { record } = await installPack(path.join(root, 'acme.tgz'), {
      env: { APIDX_DATA_DIR: path.join(root, 'data') },
    })
    expect(shape(documented)).toEqual(shape(record))
  })
})
