// `apidx config trust`: lets the project config found from here choose where credentials go (its
// endpoints, packs and `${env:}` references), like `direnv allow`. The file's path and hash are
// recorded in the user's data dir; an edited file needs trusting again.
import { ApidxCommand } from '../../base.js'
import { renderTrust, type TrustView } from '../../render/config.js'
import { loadSettings } from '../../settings.js'

export default class ConfigTrust extends ApidxCommand {
  static override description =
    'Trust the project config found from this folder (.apidxrc…): its endpoints, packs and ${env:} references may then direct your credentials. Recorded by path and hash; an edited file must be trusted again.'
  static override examples = ['<%= config.bin %> config trust']

  async run(): Promise<TrustView> {
    await this.parse(ConfigTrust)
    const core = await import('@apidx/core')
    const settings = await loadSettings()
    if (!settings.file)
      throw new core.ApidxError(
        'ERR_USAGE',
        'No apidx config file applies to this folder: nothing to trust.',
        {
          suggestions: [`apidx reads ${core.DATA_PLACES.join(', ')} here and in the parent folders.`],
        },
      )
    const view: TrustView = {
      file: settings.file,
      scope: settings.scope ?? 'project',
      hash: null,
      alreadyTrusted: settings.trusted,
    }
    // A user-level config is the user speaking; it needs no record.
    if (view.scope === 'project') view.hash = await core.trustConfig(settings.file, settings.text ?? '')
    this.show(renderTrust(view))
    return view
  }
}
