// Re-exports for the baidu pack tests, and a reader of the canonical query and path steps.
import { signRequest, type ProviderPack } from '@apidx/core'
export { signRequest, validatePackFile, type ProviderPack } from '@apidx/core'

/** The canonical query and path the bce-auth-v1 scheme computes for a URL. */
export function canonicalQueryFor(pack: ProviderPack, url: string): { query?: string; path?: string } {
  const r = signRequest(pack, 'bce-auth-v1', { url }, { accessKeyId: 'a', secretAccessKey: 'b' }, 0)
  return {
    query: r.steps.find((s) => s.name === 'canonicalQuery')?.value,
    path: r.steps.find((s) => s.name === 'path')?.value,
  }
}
