// `apidx scaffold`: writes the troubleshooting method's minimal standalone test script for one service
// (Python with the signing written out, or JavaScript/TypeScript through the apidx library), generated
// from the pack; `--header-only` prints the header comment for an existing integration file.
import { Flags } from '@oclif/core'
import { ApidxError } from '@apidx/core'
import { ApidxCommand } from '../base.js'
import { packOptions } from '../packs.js'
import { loadSettings } from '../settings.js'
import { renderScaffold, type ScaffoldOutput } from '../render/scaffold.js'
import { writeScaffold } from '../scaffold/write.js'

export default class Scaffold extends ApidxCommand {
  static override description =
    'Write a minimal standalone test script for one service (connect, authenticate, send the documented first request, print the raw answer), or print the header comment for an integration file.'
  static override examples = [
    '<%= config.bin %> scaffold --provider iflytek --service iat --lang python --out ./iat-check',
    '<%= config.bin %> scaffold --provider openai --service models --lang ts',
    '<%= config.bin %> scaffold --provider iflytek --service tts --header-only --lang js',
  ]
  static override flags = {
    provider: Flags.string({ char: 'p', description: 'provider pack id or path', required: true }),
    service: Flags.string({ char: 's', description: "the pack's service id (e.g. iat)", required: true }),
    version: Flags.string({ description: "the service's version id; the default version when absent" }),
    lang: Flags.string({
      description: 'the script language',
      options: ['python', 'js', 'ts'],
      default: 'python',
    }),
    out: Flags.string({
      description: 'the folder to write into (created; existing files are not overwritten)',
      default: '.',
    }),
    'header-only': Flags.boolean({
      description: 'print only the header comment for an existing integration file',
    }),
    force: Flags.boolean({ description: 'overwrite files that already exist' }),
  }

  async run(): Promise<ScaffoldOutput> {
    const { flags } = await this.parse(Scaffold)
    const core = await import('@apidx/core')
    const { scaffold, scaffoldHeader } = await import('../scaffold/index.js')
    const settings = await loadSettings()
    const { pack } = await core.loadPack(flags.provider, packOptions(settings.packPaths))
    const lang = flags.lang as 'python' | 'js' | 'ts'
    const options = { service: flags.service, lang, ...(flags.version ? { version: flags.version } : {}) }
    if (flags['header-only']) {
      const output: ScaffoldOutput = { header: scaffoldHeader(pack, options), written: [] }
      this.show(renderScaffold(output))
      return output
    }
    const files = scaffold(pack, options)
    const written = await writeScaffold(flags.out, files, flags.force).catch((error: Error) => {
      throw new ApidxError('ERR_USAGE', error.message, {
        suggestions: ['Choose another --out folder, or pass --force.'],
      })
    })
    const output: ScaffoldOutput = { written, run: runLine(lang, flags.out) }
    this.show(renderScaffold(output))
    return output
  }
}

function runLine(lang: 'python' | 'js' | 'ts', out: string): string {
  if (lang === 'python') return `python3 ${out}/check.py`
  return `cd ${out} && npm install && npm run check`
}
