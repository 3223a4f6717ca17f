// Renders tool errors (ApidxError) for people and for --json, one line per problem.
import { formatProblem, type ApidxError } from '@apidx/core'
import { paint } from '../style.js'

/** The text shown on stderr for an ApidxError. */
export function renderError(err: ApidxError): string {
  const lines = [`${paint('red', 'Error')} ${paint('dim', `[${err.code}]`)} ${err.message}`]
  for (const p of err.problems) lines.push(`  ${formatProblem(p)}`)
  for (const s of err.suggestions) lines.push(`  ${paint('cyan', '→')} ${s}`)
  return lines.join('\n')
}

/** The JSON document printed on stdout for an ApidxError under --json. */
export function errorJson(err: ApidxError): object {
  return { error: { code: err.code, message: err.message, problems: err.problems, suggestions: err.suggestions } }
}
