// oclif's command_not_found hook: `apidx chekc` is a usage error (exit 2, DESIGN §7) that names the
// nearest command. Unlike @oclif/plugin-not-found it never prompts, so scripts and pipes behave the same.
import type { Hook } from '@oclif/core'
import { ApidxError, closeNames, didYouMean } from '@apidx/core'
import { EXIT } from '../base.js'
import { printError } from '../output.js'
import { renderError } from '../render/error.js'

/** The usage error for an unknown command id, with the nearest commands apidx has. */
export function unknownCommand(id: string, commands: string[]): ApidxError {
  const typed = id.replaceAll(':', ' ')
  const close = closeNames(typed, commands)
  return new ApidxError('ERR_USAGE', `"${typed}" is not an apidx command.`, {
    suggestions: [...(close.length ? [didYouMean(close)] : []), 'Run apidx help for every command.'],
  })
}

const hook: Hook<'command_not_found'> = async function (opts) {
  const commands = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id.replaceAll(':', ' '))
  printError(renderError(unknownCommand(opts.id, commands)))
  process.exitCode = EXIT.usage
}

export default hook
