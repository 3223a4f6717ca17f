// Reads a targets file (`check --targets`) or an exporter config (`apidx serve --config`) as untrusted
// input: size-capped, YAML or JSON, prototype keys and duplicates rejected, validated against its schema,
// then every ${env:NAME} credential reference replaced by the variable's value.
import path from 'node:path'
import {
  ApidxError,
  checkShape,
  DEFAULT_LIMITS,
  parseJson,
  pointerSegment,
  readCapped,
  type Problem,
  type SchemaName,
} from '@apidx/core'

/** An entry that may carry credentials as ${env:NAME} references. */
interface WithCredentials {
  credentials?: Record<string, string>
}

/** Reads, parses and validates `file` against `schema`; throws ERR_CONFIG_INVALID naming each problem. */
export async function readFleetFile(file: string, schema: SchemaName): Promise<unknown> {
  const read = await readCapped(file, DEFAULT_LIMITS.maxBytes)
  if ('problem' in read) throw invalid(file, [read.problem])
  const parsed = parseJson(/\.ya?ml$/i.test(file) ? await yamlAsJson(file, read.text) : read.text)
  if (!parsed.ok)
    throw invalid(
      file,
      parsed.issues.map((i) => ({ file, ...i })),
    )
  const problems = (await checkShape(schema, parsed.value, file)).map(withoutSecret)
  if (problems.length) throw invalid(file, problems)
  return parsed.value
}

/**
 * Replaces the ${env:NAME} references of each entry's credentials with values from `env`, in place.
 * `pointerOf` names the entry in problems. A reference to an unset variable is a problem, not an empty
 * credential: the vendor would otherwise receive an empty key and the diagnosis would mislead.
 */
export function interpolateCredentials(
  file: string,
  entries: [pointer: string, entry: WithCredentials][],
  env: NodeJS.ProcessEnv,
): void {
  const problems: Problem[] = []
  for (const [pointer, entry] of entries) {
    for (const [name, ref] of Object.entries(entry.credentials ?? {})) {
      const variable = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(ref)?.[1] ?? ''
      const value = env[variable]
      if (value === undefined || value === '')
        problems.push({
          file,
          pointer: `${pointer}/credentials/${pointerSegment(name)}`,
          message: `refers to \${env:${variable}}, which is not set`,
          remedy: `Set ${variable} in the environment, or remove the entry to use the pack's variable.`,
        })
      else entry.credentials![name] = value
    }
  }
  if (problems.length) throw invalid(file, problems)
}

/** A problem with a credential value never quotes it: a literal written there may be a real secret. */
function withoutSecret(p: Problem): Problem {
  if (!/\/credentials\/[^/]+$/.test(p.pointer)) return p
  return {
    ...p,
    message: 'is not an environment reference (the value is not shown: it may be a secret)',
    remedy: 'Write ${env:NAME} and set NAME in the environment; never put a secret in the file.',
  }
}

/** YAML text re-serialised as JSON, so the one safe JSON parser applies its limits and key rules. */
async function yamlAsJson(file: string, text: string): Promise<string> {
  const { parse } = await import('yaml')
  try {
    // maxAliasCount bounds alias expansion (a "billion laughs" file); uniqueKeys rejects duplicates.
    return JSON.stringify(parse(text, { maxAliasCount: 50, uniqueKeys: true }) ?? null)
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0]! : 'not valid YAML'
    throw invalid(file, [{ file, pointer: '', message: reason, remedy: 'Fix the YAML syntax.' }])
  }
}

function invalid(file: string, problems: Problem[]): ApidxError {
  return new ApidxError(
    'ERR_CONFIG_INVALID',
    `${path.basename(file)} is not valid: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    { problems },
  )
}
