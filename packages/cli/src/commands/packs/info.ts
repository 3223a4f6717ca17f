// `apidx packs info <id>`: a pack's services, versions with status, auth schemes, hosts and error counts.
import { Args } from '@oclif/core'
import { ApidxCommand } from '../../base.js'
import { packOptions } from '../../packs.js'
import { loadSettings } from '../../settings.js'
import { renderPackInfo, type PackInfo } from '../../render/packs.js'

export default class PacksInfo extends ApidxCommand {
  static override description =
    "Show a provider pack's services, versions, auth schemes, hosts and error codes."
  static override examples = [
    '<%= config.bin %> packs info iflytek',
    '<%= config.bin %> packs info ./my-pack --json',
  ]
  static override args = { id: Args.string({ description: 'pack id or path', required: true }) }

  async run(): Promise<PackInfo> {
    const { args } = await this.parse(PacksInfo)
    const { loadPack } = await import('@apidx/core')
    const settings = await loadSettings()
    const { pack, file, source } = await loadPack(args.id, packOptions(settings.packPaths))
    const usedBy = (scheme: string) =>
      Object.entries(pack.services).flatMap(([s, svc]) =>
        Object.entries(svc.versions)
          .filter(([, v]) => v.auth === scheme)
          .map(([v]) => `${s}/${v}`),
      )
    const info: PackInfo = {
      id: pack.id,
      name: pack.name,
      packVersion: pack.packVersion,
      verified: pack.verified,
      docs: pack.docs,
      source: source.kind,
      location: file,
      hosts: pack.hosts,
      credentials: Object.entries(pack.credentials).map(([name, c]) => ({
        name,
        env: c.env,
        secret: c.secret,
      })),
      authSchemes: Object.entries(pack.auth).map(([id, a]) => ({
        id,
        description: (a as { description?: string }).description,
        usedBy: usedBy(id),
      })),
      services: Object.entries(pack.services).map(([id, s]) => ({
        id,
        title: s.title,
        defaultVersion: s.defaultVersion,
        errorCodes: Object.keys(s.errors ?? {}).length,
        versions: Object.entries(s.versions).map(([vid, v]) => ({
          id: vid,
          url: v.url,
          protocol: v.protocol,
          status: v.status,
          auth: v.auth,
          ...(v.successor ? { successor: `${v.successor.service ?? id}/${v.successor.version}` } : {}),
          ...(v.confidence ? { confidence: v.confidence } : {}),
        })),
      })),
      handshakeRules: (pack.handshakeErrors ?? []).length,
    }
    this.show(renderPackInfo(info))
    return info
  }
}
