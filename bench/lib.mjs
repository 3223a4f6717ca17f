// Shared helpers for apidx benchmarks: run a command N times, take the median wall time.
// Benchmarks report ratios against a baseline measured in the same run, so machines compare.
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** Runs `cmd args` `runs` times (after one warm-up) and returns the wall times in ms. */
export function timeCommand(cmd, args, { runs = 10, env = process.env, cwd } = {}) {
  const once = () => {
    const start = performance.now()
    const r = spawnSync(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    const ms = performance.now() - start
    if (r.error) throw r.error
    return { ms, status: r.status, stdout: r.stdout.toString() }
  }
  once()
  const samples = []
  for (let i = 0; i < runs; i++) samples.push(once())
  return samples
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Formats rows `{ name, ms, ratio }` as a Markdown table. */
export function table(rows) {
  const lines = ['| command | median of runs (ms) | × baseline |', '|---|---:|---:|']
  for (const r of rows) lines.push(`| \`${r.name}\` | ${r.ms.toFixed(0)} | ${r.ratio.toFixed(2)} |`)
  return lines.join('\n')
}
