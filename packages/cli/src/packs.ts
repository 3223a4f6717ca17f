// The packs this CLI ships, and the load options every command passes to core.
import type { LoadOptions } from '@apidx/core'

/** Built-in provider packs: an explicit list of the packages the CLI depends on, never a scan. */
export const BUILTIN_PACKS = [
  '@apidx/provider-iflytek',
  '@apidx/provider-aws',
  '@apidx/provider-tencentcloud',
  '@apidx/provider-aliyun',
  '@apidx/provider-baidu',
  '@apidx/provider-openai',
]

/** Load options for core: built-ins resolved from this package, plus config-named paths. */
export function packOptions(extraPaths: string[] = []): LoadOptions {
  return { builtins: { packages: BUILTIN_PACKS, resolveFrom: import.meta.url }, extraPaths }
}
