// apidx lint's SARIF 2.1.0 output (GitHub code scanning and other SARIF viewers): one run, the rules
// as the driver's reportingDescriptors, each finding a result with its location, files that could
// not be parsed as tool execution notifications. A pure function; paths are made relative to `base`.
import path from 'node:path'
import type { LintResult, Rule } from '../lint/index.js'

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** A file path as a SARIF artifact URI: relative to base, forward slashes, percent-encoded. */
function artifactUri(file: string, base: string): string {
  const rel = path.relative(base, path.resolve(base, file)) || file
  return encodeURI(rel.split(path.sep).join('/'))
}

export function renderLintSarif(
  result: LintResult,
  rules: Record<string, Rule>,
  tool: { version: string; base: string },
): object {
  const ids = Object.keys(rules)
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: { uri: artifactUri(file, tool.base) },
      region: { startLine: line, startColumn: column },
    },
  })
  const results = result.files.flatMap((f) =>
    f.findings.map((x) => ({
      ruleId: x.rule,
      ruleIndex: Math.max(0, ids.indexOf(x.rule)),
      level: LEVEL[x.severity],
      message: { text: x.fix ? `${x.message} Fix: ${x.fix}` : x.message },
      locations: [location(f.path, x.line, x.column)],
    })),
  )
  const notifications = result.files
    .filter((f) => f.error)
    .map((f) => ({
      level: 'warning',
      message: { text: `Not linted, cannot parse: ${f.error?.message ?? ''}` },
      locations: [location(f.path, f.error?.line ?? 1, f.error?.column ?? 1)],
    }))
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apidx',
            version: tool.version,
            informationUri: 'https://github.com/apidx/apidx',
            rules: ids.map((id) => {
              const meta = (rules[id] as Rule).meta
              return {
                id,
                shortDescription: { text: meta.docs.description },
                helpUri: meta.docs.url,
                defaultConfiguration: { level: LEVEL[meta.severity] },
              }
            }),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  }
}
