// `apidx packs uninstall <id>`: removes a pack from the user's data dir; built-in packs stay.
import { Args } from '@oclif/core'
import { ApidxCommand } from '../../base.js'
import { packOptions } from '../../packs.js'
import { renderUninstall, type UninstallView } from '../../render/install.js'

export default class PacksUninstall extends ApidxCommand {
  static override description =
    "Remove an installed provider pack from apidx's data dir. Built-in packs cannot be removed."
  static override examples = ['<%= config.bin %> packs uninstall acme']
  static override args = { id: Args.string({ description: 'id of the installed pack', required: true }) }

  async run(): Promise<UninstallView> {
    const { args } = await this.parse(PacksUninstall)
    const { uninstallPack } = await import('@apidx/core')
    const { builtins } = packOptions()
    const result = await uninstallPack(args.id, { ...(builtins ? { builtins } : {}) })
    this.show(renderUninstall(result))
    return result
  }
}
