// The files `apidx lint` reads: the given files, and under given folders every JS/TS/Python file,
// skipping node_modules, .git and symbolic links. Every read is of a regular file under a size cap.
import { lstat, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { languageOf } from './run.js'

/** Files larger than this are not linted (generated bundles, minified code). */
export const MAX_FILE_BYTES = 1024 * 1024
/** A walk stops after this many files, so a mistaken path (/) cannot run forever. */
export const MAX_FILES = 50_000
const SKIP_DIRS = new Set(['node_modules', '.git'])

export type ReadOutcome = { text: string } | { skipped: string }

/** Every lintable file under the paths, in a stable order. */
export async function collectFiles(
  paths: string[],
): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
  const files: string[] = []
  const skipped: { path: string; reason: string }[] = []
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    if (files.length >= MAX_FILES) return
    const info = await lstat(p).catch(() => undefined)
    if (!info) {
      skipped.push({ path: p, reason: 'not found' })
      return
    }
    if (info.isDirectory()) {
      if (!explicit && SKIP_DIRS.has(path.basename(p))) return
      const entries = (await readdir(p)).sort()
      for (const e of entries) await walk(path.join(p, e), false)
      return
    }
    if (!info.isFile()) {
      if (explicit) skipped.push({ path: p, reason: 'not a regular file' })
      return
    }
    if (languageOf(p) || explicit) files.push(p)
  }
  for (const p of paths) await walk(p, true)
  return { files, skipped }
}

/** Reads one file if it is a regular file within the size cap. */
export async function readSourceFile(file: string): Promise<ReadOutcome> {
  const info = await lstat(file).catch(() => undefined)
  if (!info?.isFile()) return { skipped: 'not a regular file' }
  if (info.size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES} bytes` }
  if (!languageOf(file)) return { skipped: 'not a JavaScript, TypeScript or Python file' }
  const text = await readFile(file, 'utf8')
  return text.length > MAX_FILE_BYTES ? { skipped: `larger than ${MAX_FILE_BYTES} bytes` } : { text }
}
