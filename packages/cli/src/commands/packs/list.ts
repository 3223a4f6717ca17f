// `apidx packs list`: every provider pack apidx can see, with where it came from.
import path from 'node:path'
import { ApidxCommand } from '../../base.js'
import { packOptions } from '../../packs.js'
import { loadSettings } from '../../settings.js'
import { renderPackList, type BrokenRow, type PackRow } from '../../render/packs.js'

export default class PacksList extends ApidxCommand {
  static override description =
    'List the provider packs apidx can use: built-in, installed, and paths named in config.'
  static override examples = ['<%= config.bin %> packs list', '<%= config.bin %> packs list --json']

  async run(): Promise<{ packs: PackRow[]; broken: BrokenRow[] }> {
    await this.parse(PacksList)
    const { listPacks, checkInstalledIntegrity } = await import('@apidx/core')
    const settings = await loadSettings()
    const brokenPacks: Parameters<typeof listPacks>[1] = []
    const loaded = await listPacks(packOptions(settings.packPaths), brokenPacks)
    const packs: PackRow[] = []
    for (const { pack, file, source } of loaded) {
      // An installed pack whose bytes no longer match its install record was edited or replaced by hand.
      const edited =
        source.kind === 'installed' &&
        (await checkInstalledIntegrity(path.basename(path.dirname(file)))).ok === false
      packs.push({
        id: pack.id,
        name: pack.name,
        packVersion: pack.packVersion,
        services: Object.keys(pack.services),
        source: source.kind,
        location: file,
        ...(edited ? { edited: true } : {}),
      })
    }
    const broken = brokenPacks!.map((b) => ({
      location: b.file,
      source: b.source.kind,
      problems: b.problems,
    }))
    this.show(renderPackList(packs, broken))
    return { packs, broken }
  }
}
