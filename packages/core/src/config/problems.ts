// The one error every problem of a config file becomes.
import { ApidxError, type Problem } from '../errors.js'

/** The config error every problem of a config file becomes. */
export function invalidConfig(file: string, problems: Problem[]): ApidxError {
  return new ApidxError('ERR_CONFIG_INVALID', `The config file ${file} is not valid.`, {
    problems,
    suggestions: ['See schemas/config.schema.json for every field.'],
  })
}
