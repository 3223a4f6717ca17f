// Size-capped reads of user-given files (tarballs, pack files), so a huge or endless file costs nothing.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'

/** Reads at most `limit` bytes of a regular file; `problem` completes "The file …". */
export async function readBytesCapped(
  file: string,
  limit: number,
): Promise<{ bytes: Buffer } | { problem: string }> {
  let handle
  try {
    // O_NONBLOCK: a FIFO planted where a file should be must not hang the open (regular files ignore it).
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return {
      problem:
        code === 'ENOENT'
          ? 'does not exist'
          : code === 'EISDIR'
            ? 'is not a regular file'
            : `cannot be read (${code ?? 'error'})`,
    }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { problem: 'is not a regular file' }
    if (stat.size > limit) return { problem: `is ${stat.size} bytes, over the ${limit}-byte limit` }
    const buffer = Buffer.alloc(limit + 1)
    const { bytesRead } = await handle.read(buffer, 0, limit + 1, 0)
    if (bytesRead > limit) return { problem: `is over the ${limit}-byte limit` }
    return { bytes: buffer.subarray(0, bytesRead) }
  } finally {
    await handle.close()
  }
}
