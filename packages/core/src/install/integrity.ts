// Integrity hashes in the Subresource Integrity form npm uses (`sha512-<base64>`), so an installed
// pack can be compared with a registry's `dist.integrity` and re-checked later.
import { createHash } from 'node:crypto'

/** `sha512-<base64 digest>` of the bytes, the form of npm's `integrity` field. */
export function integrityOf(bytes: Buffer | string): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`
}
