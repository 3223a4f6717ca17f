// Resolves a user-given pack path: a folder means its pack.json.
import { stat } from 'node:fs/promises'
import path from 'node:path'

export async function packFile(arg: string): Promise<string> {
  const full = path.resolve(arg)
  const info = await stat(full).catch(() => undefined)
  return info?.isDirectory() ? path.join(full, 'pack.json') : full
}
