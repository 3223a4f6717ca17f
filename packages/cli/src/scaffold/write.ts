// Writes scaffolded files into a folder without ever clobbering the user's work: an existing file is
// refused unless `force`, and nothing is written until every path has been checked.
import { lstat, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ScaffoldFile } from './index.js'

/** Writes the files; returns their paths. Throws an Error naming the first file that exists. */
export async function writeScaffold(folder: string, files: ScaffoldFile[], force = false): Promise<string[]> {
  const paths = files.map((f) => join(folder, f.path))
  if (!force) {
    for (const path of paths) {
      const exists = await lstat(path).then(
        () => true,
        () => false,
      )
      if (exists) throw new Error(`${path} already exists; apidx scaffold does not overwrite files.`)
    }
  }
  await mkdir(folder, { recursive: true })
  for (const [i, file] of files.entries())
    await writeFile(paths[i]!, file.content, { mode: file.executable ? 0o755 : 0o644 })
  return paths
}
