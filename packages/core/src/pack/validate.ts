// Validates a provider pack in the three steps every rejection shares: safe parse (size, depth,
// duplicate and prototype keys), shape (ajv) and meaning (references, hosts). All problems, not the first.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Problem } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'
import { DEFAULT_LIMITS, parseJson } from './safe-json.js'
import { checkShape } from './shape.js'
import { checkMeaning } from './meaning.js'
import { shadowWarnings } from './rules.js'

/** The result of validating one pack: the pack when valid, else every problem. */
export interface PackValidation {
  file: string
  pack?: ProviderPack
  problems: Problem[]
  /** What a valid pack should still change (a general rule shadowing a specific one); never fatal. */
  warnings?: Problem[]
}

/** Validates pack text already in memory, labelled `file` in every problem. */
export async function validatePackText(text: string, file: string): Promise<PackValidation> {
  const parsed = parseJson(text, DEFAULT_LIMITS)
  if (!parsed.ok)
    return {
      file,
      problems: parsed.issues.map(({ pointer, message, remedy }) => ({ file, pointer, message, remedy })),
    }
  const shape = await checkShape('provider-pack', parsed.value, file)
  const pack = parsed.value as ProviderPack
  if (shape.length) return { file, problems: [...shape, ...meaningBesideShape(pack, file, shape)] }
  const meaning = checkMeaning(pack, file)
  if (meaning.length) return { file, problems: meaning }
  const warnings = shadowWarnings(pack, file)
  return { file, pack, problems: [], ...(warnings.length ? { warnings } : {}) }
}

/**
 * The meaning problems of a pack whose shape is wrong, so one `packs validate` run reports both
 * kinds. Problems under a pointer the shape already rejected are left out (they follow from it), and
 * a meaning check that cannot run on the broken shape adds nothing.
 */
function meaningBesideShape(pack: ProviderPack, file: string, shape: Problem[]): Problem[] {
  let meaning: Problem[]
  try {
    meaning = checkMeaning(pack, file)
  } catch {
    return []
  }
  const broken = shape.map((p) => p.pointer)
  // A rejected top-level field (`/hosts`) that a meaning problem cites is its cause, not a second problem.
  const cited = [...new Set(broken.map((b) => b.split('/').slice(0, 2).join('/')).filter(Boolean))]
  return meaning.filter(
    (m) =>
      !broken.some(
        (b) => m.pointer === b || m.pointer.startsWith(`${b}/`) || b.startsWith(`${m.pointer}/`),
      ) && !cited.some((c) => `${m.message} ${m.remedy}`.includes(c)),
  )
}

/**
 * Reads and validates a pack file. A file over the size cap is rejected from its size alone, and
 * never more than the cap plus one byte is read, so a 10 MB (or endless) file costs nothing.
 */
export async function validatePackFile(file: string): Promise<PackValidation> {
  const read = await readCapped(file, DEFAULT_LIMITS.maxBytes)
  if ('problem' in read) return { file, problems: [read.problem] }
  return validatePackText(read.text, file)
}

/** Reads at most `limit` bytes of a file, or explains why it could not. */
export async function readCapped(
  file: string,
  limit: number,
): Promise<{ text: string } | { problem: Problem }> {
  let handle
  try {
    // O_NONBLOCK: opening a FIFO planted where a pack should be must not hang (regular files ignore it).
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${code ?? 'error'})`
    return { problem: { file, pointer: '', message, remedy: 'Check the path.' } }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile())
      return {
        problem: {
          file,
          pointer: '',
          message: 'is not a regular file',
          remedy: 'Point at a pack.json file or the folder that holds it.',
        },
      }
    if (stat.size > limit)
      return {
        problem: {
          file,
          pointer: '',
          message: `file is ${stat.size} bytes, over the ${limit}-byte limit`,
          remedy: 'Packs are small JSON documents; split or trim the file.',
        },
      }
    // Read until EOF or one byte past the cap: the file may have grown since the stat.
    const buffer = Buffer.alloc(limit + 1)
    let bytesRead = 0
    for (;;) {
      const { bytesRead: n } = await handle.read(buffer, bytesRead, limit + 1 - bytesRead, bytesRead)
      bytesRead += n
      if (n === 0 || bytesRead > limit) break
    }
    if (bytesRead > limit)
      return {
        problem: {
          file,
          pointer: '',
          message: `file is over the ${limit}-byte limit`,
          remedy: 'Packs are small JSON documents; split or trim the file.',
        },
      }
    const text = buffer.subarray(0, bytesRead).toString('utf8')
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
  } finally {
    await handle.close()
  }
}
