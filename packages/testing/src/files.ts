// Reading a pack and its cases file for PackTester: synchronously (test files register their cases
// while they load) and safely (the same size and depth caps and duplicate-key checks as every pack).
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_LIMITS, parseJson, type Problem } from '@apidx/core'

/** A JSON document read from disk, or the problems that stopped it. */
export type ReadJson = { ok: true; value: unknown; text: string } | { ok: false; problems: Problem[] }

/** Reads and parses a JSON file under the pack size cap; never throws. */
export function readJsonFile(file: string): ReadJson {
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return fail(file, 'is not a regular file', 'Point at a JSON file.')
    if (stat.size > DEFAULT_LIMITS.maxBytes)
      return fail(
        file,
        `file is ${stat.size} bytes, over the ${DEFAULT_LIMITS.maxBytes}-byte limit`,
        'Split or trim the file.',
      )
    const raw = readFileSync(file, 'utf8')
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    const parsed = parseJson(text, DEFAULT_LIMITS)
    if (!parsed.ok)
      return {
        ok: false,
        problems: parsed.issues.map(({ pointer, message, remedy }) => ({ file, pointer, message, remedy })),
      }
    return { ok: true, value: parsed.value, text }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return fail(
      file,
      code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`,
      'Check the path.',
    )
  }
}

function fail(file: string, message: string, remedy: string): ReadJson {
  return { ok: false, problems: [{ file, pointer: '', message, remedy }] }
}

/** Where a pack's cases live: `test/cases.json` beside its pack.json. */
export function defaultCasesFile(packFile: string): string {
  return path.join(path.dirname(packFile), 'test', 'cases.json')
}

/** A pack reference as PackTester takes it: a path, a file: URL, or a URL object. */
export function toPath(ref: string | URL): string {
  if (ref instanceof URL) return fileURLToPath(ref)
  return ref.startsWith('file:') ? fileURLToPath(ref) : path.resolve(ref)
}
