// `apidx packs new <id>`: scaffolds a provider pack folder that validates at once.
import { Args, Flags } from '@oclif/core'
import { ApidxCommand } from '../../base.js'
import { BUILTIN_IDS } from '../../notices.js'
import { printError } from '../../output.js'
import { renderScaffold, type ScaffoldView } from '../../render/install.js'

export default class PacksNew extends ApidxCommand {
  static override description =
    'Create a provider pack folder: pack.json (placeholders that validate), package.json, test file, README with the sources to fill.'
  static override examples = [
    '<%= config.bin %> packs new acme',
    '<%= config.bin %> packs new acme-cloud --dir providers/acme-cloud',
  ]
  static override args = {
    id: Args.string({
      description: 'pack id: lower-case letters, digits and single hyphens',
      required: true,
    }),
  }
  static override flags = {
    dir: Flags.string({ description: 'folder to create (default: ./<id>); must not exist or be empty' }),
  }

  async run(): Promise<ScaffoldView> {
    const { args, flags } = await this.parse(PacksNew)
    const { scaffoldPackFolder } = await import('@apidx/core')
    if (BUILTIN_IDS.includes(args.id))
      printError(
        `Warning: "${args.id}" is the id of a built-in pack. Once installed or listed in config, this pack shadows it, and ${args.id} credentials go to its hosts. Choose another id unless you mean to replace the built-in pack.`,
      )
    const result = await scaffoldPackFolder(args.id, { ...(flags.dir ? { dir: flags.dir } : {}) })
    this.show(renderScaffold(result, process.cwd()))
    return result
  }
}
