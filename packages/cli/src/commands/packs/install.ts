// `apidx packs install <npm name | path | tarball>`: adds a pack to the user's data dir without
// running any package script; validated before anything is written.
import { Args, Flags } from '@oclif/core'
import { ApidxCommand } from '../../base.js'
import { packOptions } from '../../packs.js'
import { renderInstall, type InstallView } from '../../render/install.js'

export default class PacksInstall extends ApidxCommand {
  static override description =
    "Install a provider pack into apidx's data dir from npm, a folder, a pack file or a .tgz. Package scripts never run; only the pack file is copied."
  static override examples = [
    '<%= config.bin %> packs install apidx-provider-acme',
    '<%= config.bin %> packs install ./acme',
    '<%= config.bin %> packs install ./apidx-provider-acme-0.1.0.tgz',
    '<%= config.bin %> packs install ./acme --force',
  ]
  static override args = {
    source: Args.string({
      description: 'npm package name (with optional @version), folder, pack.json or .tgz',
      required: true,
    }),
  }
  static override flags = {
    force: Flags.boolean({
      description: 'replace an installed pack of the same id, or shadow a built-in one',
    }),
  }

  async run(): Promise<InstallView> {
    const { args, flags } = await this.parse(PacksInstall)
    const { installPack } = await import('@apidx/core')
    const { builtins } = packOptions()
    const result = await installPack(args.source, { force: flags.force, ...(builtins ? { builtins } : {}) })
    this.show(renderInstall(result))
    return result
  }
}
