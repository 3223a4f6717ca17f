// `apidx packs new <id>`: writes a pack folder that validates at once. Refuses to write into a
// non-empty folder; points `$schema` at the repo's schema inside an apidx checkout, else at copies
// of the schemas written beside the pack, so editors complete and validate offline.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { readBytesCapped } from './files.js'
import path from 'node:path'
import { ApidxError } from '../errors.js'
import { authSchemeSchema, packTestsSchema, providerPackSchema } from '../generated/schemas.js'
import { scaffoldPack } from './template.js'
import { scaffoldCases, scaffoldManifest, scaffoldReadme } from './template-files.js'

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export interface ScaffoldOptions {
  /** The folder to create; `./<id>` when absent. */
  dir?: string
  cwd?: string
  /** The `verified` date (YYYY-MM-DD); today (UTC) when absent. */
  today?: string
}

export interface ScaffoldResult {
  id: string
  dir: string
  /** Files written, relative to `dir`. */
  files: string[]
  /** Where the pack's `$schema` points: copies beside the pack, or the schema of the apidx checkout it is in. */
  schema: { kind: 'copied' | 'repo'; ref: string }
}

/** Throws ERR_USAGE unless `id` is a valid pack id (the schema's pattern). */
export function checkPackId(id: string): void {
  if (!ID.test(id) || id.length > 40) {
    throw new ApidxError('ERR_USAGE', `"${id}" is not a valid pack id.`, {
      suggestions: [
        'Use lower-case letters, digits and single hyphens, starting with a letter, at most 40 characters (e.g. acme or acme-cloud).',
      ],
    })
  }
}

/** Scaffolds a provider pack folder for `id`. */
export async function scaffoldPackFolder(id: string, options: ScaffoldOptions = {}): Promise<ScaffoldResult> {
  checkPackId(id)
  const dir = path.resolve(options.cwd ?? process.cwd(), options.dir ?? id)
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return []
    throw new ApidxError('ERR_USAGE', `${dir} cannot be used (${err.code ?? 'error'}).`, {
      suggestions: ['Pick another folder with --dir.'],
    })
  })
  if (entries.length)
    throw new ApidxError('ERR_USAGE', `${dir} already exists and is not empty; nothing was written.`, {
      suggestions: ['Pick another folder with --dir, or remove this one.'],
    })

  const repoSchema = await checkoutSchema(dir)
  const schema = repoSchema
    ? { kind: 'repo' as const, ref: repoSchema }
    : { kind: 'copied' as const, ref: './provider-pack.schema.json' }
  const note = repoSchema
    ? `\`$schema\` points at apidx's own \`schemas/provider-pack.schema.json\`, so editors complete and validate the file.`
    : `\`provider-pack.schema.json\`, \`auth-scheme.schema.json\` and \`pack-tests.schema.json\` are copies of the schemas of the apidx that made this folder; \`$schema\` points at them so editors complete and validate offline. Refresh them with a newer \`apidx packs new\` when the format changes; they are not published.`
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const files: [string, string][] = [
    ['pack.json', JSON.stringify(scaffoldPack(id, today, schema.ref), null, 2) + '\n'],
    ['package.json', scaffoldManifest(id)],
    ['README.md', scaffoldReadme(id, note)],
    // The cases file sits one folder down: its `$schema` is the pack's, one level up, for pack-tests.
    [
      'test/cases.json',
      scaffoldCases(
        id,
        `../${schema.ref.replace(/^\.\//, '').replace(/provider-pack\.schema\.json$/, 'pack-tests.schema.json')}`,
      ),
    ],
  ]
  if (!repoSchema) {
    files.push(['provider-pack.schema.json', JSON.stringify(providerPackSchema, null, 2) + '\n'])
    files.push(['auth-scheme.schema.json', JSON.stringify(authSchemeSchema, null, 2) + '\n'])
    files.push(['pack-tests.schema.json', JSON.stringify(packTestsSchema, null, 2) + '\n'])
  }
  await mkdir(path.join(dir, 'test'), { recursive: true })
  for (const [name, text] of files) await writeFile(path.join(dir, name), text, { flag: 'wx' })
  return { id, dir, files: files.map(([name]) => name), schema }
}

/** The relative path from `dir` to the provider-pack schema of the apidx checkout `dir` is in, if any. */
async function checkoutSchema(dir: string): Promise<string | undefined> {
  for (let at = path.dirname(dir); ; at = path.dirname(at)) {
    const read = await readBytesCapped(path.join(at, 'package.json'), 1024 * 1024)
    const manifest = 'bytes' in read ? read.bytes.toString('utf8') : undefined
    if (manifest !== undefined && nameOf(manifest) === 'apidx-monorepo') {
      const schema = path.join(at, 'schemas', 'provider-pack.schema.json')
      const found = 'bytes' in (await readBytesCapped(schema, 1024 * 1024))
      return found ? path.relative(dir, schema).split(path.sep).join('/') : undefined
    }
    if (path.dirname(at) === at) return undefined
  }
}

function nameOf(manifest: string): unknown {
  try {
    return (JSON.parse(manifest) as { name?: unknown }).name
  } catch {
    return undefined
  }
}
