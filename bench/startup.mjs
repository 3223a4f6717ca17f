// Startup benchmark: `apidx --version` and `apidx packs list` next to a bare `node -e ""`, medians of
// 10 runs each, in one process run so the ratio is meaningful on any machine. Usage: node bench/startup.mjs
import { fileURLToPath } from 'node:url'
import { median, table, timeCommand } from './lib.mjs'

const cli = fileURLToPath(new URL('../packages/cli/bin/run.js', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 10)
const cases = [
  { name: 'node -e ""', args: ['-e', ''] },
  { name: 'apidx --version', args: [cli, '--version'] },
  { name: 'apidx packs list', args: [cli, 'packs', 'list'] },
]
const rows = []
for (const c of cases) {
  const samples = timeCommand(process.execPath, c.args, { runs })
  if (samples.some((s) => s.status !== 0))
    throw new Error(`${c.name} exited ${samples.find((s) => s.status !== 0).status}`)
  rows.push({ name: c.name, ms: median(samples.map((s) => s.ms)) })
}
for (const r of rows) r.ratio = r.ms / rows[0].ms
console.log(
  `Startup, median of ${runs} runs (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}):\n`,
)
console.log(table(rows))
