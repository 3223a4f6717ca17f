// SARIF 2.1.0 for GitHub code scanning: one result per error finding of every report, `ruleId` the
// diagnosis code, the rule's help text its fix. Code scanning needs a file for every result: the
// targets file (or config) the endpoint came from, else a `apidx:` URI naming the target.
import type { CheckReport, Finding } from '@apidx/core'

export interface SarifOptions {
  /** apidx's version, for `tool.driver.version`. */
  toolVersion: string
  /** The file each result points at (repository-relative, `/` separators), when the targets came from one. */
  artifact?: string
  /** The name of each report's target (same order), for logical locations; `provider/service/version` when absent. */
  names?: string[]
}

/** The SARIF log of a set of check reports, as one run of one tool. */
export function renderSarif(reports: CheckReport[], options: SarifOptions): string {
  const errors = reports.flatMap((r, i) =>
    r.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ f, r, name: options.names?.[i] ?? `${r.provider}/${r.service}/${r.version}` })),
  )
  const rules = [...new Map(errors.map(({ f }) => [f.code, f])).values()]
  const ruleIndex = new Map(rules.map((f, i) => [f.code, i]))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apidx',
            informationUri: 'https://www.npmjs.com/package/apidx',
            version: options.toolVersion,
            rules: rules.map(rule),
          },
        },
        invocations: [{ executionSuccessful: true }],
        results: errors.map(({ f, r, name }) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code)!,
          level: 'error',
          message: { text: `${name}: ${f.message}${f.fix ? ` Fix: ${f.fix}` : ''}` },
          locations: [location(name, options.artifact)],
          // Code scanning tracks an alert across runs by this: the same target and code is the same alert.
          partialFingerprints: { 'apidxTarget/v1': `${name}:${f.code}` },
          properties: {
            provider: r.provider,
            service: r.service,
            version: r.version,
            endpoint: r.endpoint,
            probe: f.probe,
            rootCause: r.rootCause?.code === f.code,
          },
        })),
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/** A rule per diagnosis code: the first finding's fix is its help text. */
function rule(f: Finding) {
  return {
    id: f.code,
    name: f.code.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: `apidx diagnosis ${f.code} (see docs/findings.md)` },
    help: { text: f.fix ?? 'See the finding.', markdown: f.fix ?? 'See the finding.' },
    defaultConfiguration: { level: 'error' },
  }
}

function location(name: string, artifact: string | undefined) {
  const uri = artifact ?? `apidx:${encodeURI(name)}`
  return {
    physicalLocation: { artifactLocation: { uri }, ...(artifact ? { region: { startLine: 1 } } : {}) },
    logicalLocations: [{ name, kind: 'module' }],
  }
}
