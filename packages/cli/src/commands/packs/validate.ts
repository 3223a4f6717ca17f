// `apidx packs validate <path…>`: checks pack files (shape and meaning); exit 1 when any is invalid.
import path from 'node:path'
import { Args } from '@oclif/core'
import { ApidxCommand, EXIT } from '../../base.js'
import { renderValidation, type ValidationRow } from '../../render/packs.js'

export default class PacksValidate extends ApidxCommand {
  static override description =
    'Validate provider pack files: every problem, with file, JSON pointer and remedy.'
  static override examples = [
    '<%= config.bin %> packs validate providers/iflytek/pack.json',
    '<%= config.bin %> packs validate ./my-pack --json',
  ]
  static override strict = false
  static override args = {
    path: Args.string({ description: 'pack file or folder holding pack.json', required: true }),
  }

  async run(): Promise<{ valid: boolean; results: ValidationRow[] }> {
    const { argv } = await this.parse(PacksValidate)
    const { validatePackFile } = await import('@apidx/core')
    const { packFile } = await import('../../paths.js')
    const results: ValidationRow[] = []
    for (const arg of argv as string[]) {
      const file = await packFile(arg)
      const shown = path.isAbsolute(arg) ? file : path.relative(process.cwd(), file) || file
      const v = await validatePackFile(file)
      results.push({
        file: shown,
        valid: Boolean(v.pack),
        ...(v.pack ? { id: v.pack.id } : {}),
        problems: v.problems.map((p) => ({ ...p, file: shown })),
        ...(v.warnings ? { warnings: v.warnings.map((p) => ({ ...p, file: shown })) } : {}),
      })
    }
    const valid = results.every((r) => r.valid)
    if (!valid) this.setExit(EXIT.fault)
    this.show(renderValidation(results))
    return { valid, results }
  }
}
