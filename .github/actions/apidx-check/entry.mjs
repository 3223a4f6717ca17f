// The entry of the apidx-check action: reads the inputs from INPUT_* variables, checks the targets with
// the apidx library, writes SARIF to RUNNER_TEMP, the Markdown summary to GITHUB_STEP_SUMMARY and the
// outputs to GITHUB_OUTPUT, prints the summary table, and exits 1 on a fault (2 on a usage or config error).
import { appendFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const env = process.env
const input = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()

/** Escapes a workflow command's message (GitHub's rules for %, CR and LF). */
const escapeData = (s) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

async function main() {
  const apidx = await import(env.APIDX_MODULE ? pathToFileURL(env.APIDX_MODULE).href : 'apidx')
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const targetsFile = input('targets')
  if (!targetsFile) throw Object.assign(new Error('The targets input is required.'), { code: 'ERR_USAGE' })
  const loaded = await apidx.loadTargets(path.resolve(workspace, targetsFile))
  const mock = input('mock')
  // Under mock every target runs against its own emulator, as `apidx check --targets --mock` does.
  const targets = loaded.targets.map(({ endpoint, ...t }) =>
    mock ? { ...t, mock: mock === 'true' ? true : mock } : { ...t, ...(endpoint ? { endpoint } : {}) },
  )
  const concurrency = Number(input('concurrency')) || loaded.concurrency
  const fleet = await apidx.checkAll(targets, concurrency ? { concurrency } : {})
  const ctx = { color: false, toolVersion: apidx.version, artifact: targetsFile.split(path.sep).join('/') }
  const sarif = path.join(env.RUNNER_TEMP ?? workspace, 'apidx.sarif')
  writeFileSync(sarif, apidx.formatFleet('sarif', fleet, ctx))
  if (env.GITHUB_STEP_SUMMARY)
    appendFileSync(env.GITHUB_STEP_SUMMARY, apidx.formatFleet('markdown', fleet, ctx))
  if (env.GITHUB_OUTPUT)
    appendFileSync(
      env.GITHUB_OUTPUT,
      `verdict=${fleet.summary.verdict}\nfailed=${fleet.summary.failed}\nsarif=${sarif}\n`,
    )
  process.stdout.write(apidx.formatFleet('pretty', fleet, ctx))
  for (const t of fleet.summary.targets.filter((x) => x.verdict === 'fail'))
    process.stdout.write(
      `::error title=apidx: ${escapeData(t.name)}::${escapeData(`${t.name} fails: ${t.rootCause}`)}\n`,
    )
  return fleet.summary.verdict === 'fail' ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // ApidxError messages and problems carry no secret (the library masks them); anything else is a bug.
    const problems = (err.problems ?? []).map((p) => `\n${p.file}#${p.pointer}: ${p.message}. ${p.remedy}`)
    const text = err.code
      ? `${err.code}: ${err.message}${problems.join('')}`
      : `apidx action failed: ${err.name}`
    process.stdout.write(`::error title=apidx::${escapeData(text)}\n`)
    process.exit(2)
  },
)
