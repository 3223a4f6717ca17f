// Renders tool errors (ApidxError) for people and for --json, one line per problem.
import { formatProblem, printable, type ApidxError } from '@apidx/core'

/** printable() per line: a message may span lines; every other control character is escaped. */
const safe = (text: string) => text.split('\n').map(printable).join('\n')
import { paint } from '../style.js'

/** The text shown on stderr for an ApidxError. */
export function renderError(err: ApidxError): string {
  // Messages and pointers quote pack keys and user input: control characters must not reach the terminal.
  const lines = [`${paint('red', 'Error')} ${paint('dim', `[${err.code}]`)} ${safe(err.message)}`]
  for (const p of err.problems) lines.push(`  ${safe(formatProblem(p))}`)
  for (const s of err.suggestions) lines.push(`  ${paint('cyan', '→')} ${safe(s)}`)
  return lines.join('\n')
}

/** The JSON document printed on stdout for an ApidxError under --json. */
export function errorJson(err: ApidxError): object {
  return {
    error: { code: err.code, message: err.message, problems: err.problems, suggestions: err.suggestions },
  }
}
