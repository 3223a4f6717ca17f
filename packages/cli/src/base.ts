// The base of every apidx command: --json, exit codes (DESIGN §7) and the rendering of errors.
// Commands implement run() and return data; under --json that data is the whole of stdout.
import { Command } from '@oclif/core'
import { ApidxError, printable, type LoadedPack } from '@apidx/core'
import { shadowNotice, unknownProviderWarnings } from './notices.js'
import { print, printError, printJson } from './output.js'
import { errorJson, renderError } from './render/error.js'
import type { Settings } from './settings.js'

/** Exit codes: 0 healthy, 1 a fault diagnosed (or invalid input under validation), 2 usage, config or pack error. */
export const EXIT = { ok: 0, fault: 1, usage: 2 } as const

export abstract class ApidxCommand extends Command {
  static override enableJsonFlag = true

  /** Prints rendered text unless --json is on (then the returned data is printed instead). */
  protected show(text: string): void {
    if (!this.jsonEnabled()) print(text)
  }

  /**
   * Notices on stderr, in every format: a pack shadowing a built-in id, config provider keys that
   * match no pack. stdout stays the result.
   */
  protected async notices(settings: Settings, loaded?: LoadedPack): Promise<void> {
    const shadow = loaded ? await shadowNotice(loaded) : undefined
    for (const text of [...(shadow ? [shadow] : []), ...(await unknownProviderWarnings(settings))])
      printError(printable(text))
  }

  /** Sets the process exit code without stopping, so --json output is still printed. */
  protected setExit(code: number): void {
    process.exitCode = code
  }

  protected override logJson(json: unknown): void {
    printJson(json)
  }

  protected override toSuccessJson(result: unknown): unknown {
    return result
  }

  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<void> {
    if (err instanceof ApidxError) {
      process.exitCode = err.exitCode
      if (this.jsonEnabled()) printJson(errorJson(err))
      else printError(renderError(err))
      return
    }
    // oclif's own parse errors (unknown flag, missing argument) are usage errors: exit 2.
    if (err.oclif !== undefined && err.constructor.name !== 'Error') {
      process.exitCode = err.oclif.exit === 0 ? 0 : EXIT.usage
      if (this.jsonEnabled())
        printJson({ error: { code: 'ERR_USAGE', message: err.message, problems: [], suggestions: [] } })
      else printError(`Error [ERR_USAGE] ${err.message}\n  → See --help.`)
      return
    }
    // Anything else is a bug. Its message may come from a library that saw a request, so it is not
    // printed unless the user asks for the stack explicitly.
    process.exitCode = EXIT.usage
    const hint = process.env.APIDX_DEBUG
      ? `\n${err.stack ?? ''}`
      : ' Set APIDX_DEBUG=1 to print the stack trace.'
    const text = `apidx hit an internal error (${err.name}). This is a bug; please report it.${hint}`
    if (this.jsonEnabled())
      printJson({ error: { code: 'ERR_INTERNAL', message: text, problems: [], suggestions: [] } })
    else printError(text)
  }
}
