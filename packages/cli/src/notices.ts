// Notices a command prints on stderr before its result, whatever the format: a pack that shadows a
// built-in id (its hosts now receive that vendor's credentials), and config provider keys that match
// no pack (a typo there is otherwise silently ignored).
import { realpath } from 'node:fs/promises'
import { closeNames, listPacks, resolvePackage, type LoadedPack } from '@apidx/core'
import { BUILTIN_PACKS, packOptions } from './packs.js'
import type { Settings } from './settings.js'

/** The ids of the built-in packs, from their package names (`@apidx/provider-<id>`). */
export const BUILTIN_IDS = BUILTIN_PACKS.map((name) => name.replace(/^@apidx\/provider-/, ''))

/** A notice when `loaded` is not the built-in pack of the same id (the same file by another path is); undefined otherwise. */
export async function shadowNotice(loaded: LoadedPack): Promise<string | undefined> {
  if (loaded.source.kind === 'builtin' || !BUILTIN_IDS.includes(loaded.pack.id)) return undefined
  const builtin = resolvePackage(`@apidx/provider-${loaded.pack.id}`, import.meta.url)
  const real = (file: string) => realpath(file).catch(() => file)
  if (builtin && (await real(builtin)) === (await real(loaded.file))) return undefined
  return `Notice: the ${loaded.pack.id} pack in use is ${loaded.file} (${loaded.source.kind}), not the built-in one; ${loaded.pack.id} credentials go to its hosts: ${loaded.pack.hosts.join(', ')}.`
}

/** One warning per config provider key that names no pack apidx can see, with the nearest id. */
export async function unknownProviderWarnings(settings: Settings): Promise<string[]> {
  const keys = Object.keys(settings.config.providers ?? {}).filter((k) => !BUILTIN_IDS.includes(k))
  if (!keys.length) return []
  const known = (await listPacks(packOptions(settings.packPaths))).map((p) => p.pack.id)
  return keys
    .filter((k) => !known.includes(k))
    .map((k) => {
      const close = closeNames(k, known)
      const hint = close.length ? ` Did you mean "${close[0]}"?` : ` Packs available: ${known.join(', ')}.`
      return `Warning: ${settings.file} configures providers.${k}, which matches no pack, so it is ignored.${hint}`
    })
}
