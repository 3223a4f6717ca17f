// End-to-end benchmark: a healthy `apidx check --provider iflytek --mock` next to a bare node script
// (bench/open-ws.mjs) that starts the same emulator and opens the same signed WebSocket. Medians of
// 10 runs each, in one run. Usage: node bench/check.mjs
import { fileURLToPath } from 'node:url'
import { median, table, timeCommand } from './lib.mjs'

const cli = fileURLToPath(new URL('../packages/cli/bin/run.js', import.meta.url))
const baseline = fileURLToPath(new URL('./open-ws.mjs', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 10)
const env = { ...process.env, NO_COLOR: '1' }
const cases = [
  { name: 'node bench/open-ws.mjs', args: [baseline] },
  { name: 'apidx check --provider iflytek --mock', args: [cli, 'check', '--provider', 'iflytek', '--mock'] },
]
const rows = []
for (const c of cases) {
  const samples = timeCommand(process.execPath, c.args, { runs, env })
  const bad = samples.find((s) => s.status !== 0)
  if (bad) throw new Error(`${c.name} exited ${bad.status}`)
  rows.push({ name: c.name, ms: median(samples.map((s) => s.ms)) })
}
for (const r of rows) r.ratio = r.ms / rows[0].ms
console.log(`Healthy check against the emulator, median of ${runs} runs (Node ${process.version}):\n`)
console.log(table(rows))
