// `apidx lint` on a generated 1,000-file tree (half Python, half JS/TS, each an integration file
// with a few findings), run as a user would; reports the median wall time and the time per file.
// Not part of `npm test`: `node bench/lint.mjs` (needs the build).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { median } from './lib.mjs'

const FILES = 1000
const CLI = fileURLToPath(new URL('../packages/cli/bin/run.js', import.meta.url))

const python = (i) => `import time, hmac, websocket
URL = "wss://iat-api.xfyun.cn/v2/iat"
APISecret = "${(i.toString(16) + 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6').slice(0, 32)}"

def create_url_${i}(api_key, api_secret):
    date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
    sig = hmac.new(api_secret.encode(), date.encode(), "sha256").digest()
    return URL + "?date=" + date

def on_error(ws, error):
    print("### error:", error)

try:
    ws = websocket.create_connection(create_url_${i}("k", "s"))
except Exception:
    pass
`
const typescript = (i) => `import crypto from 'node:crypto'
const HOST = 'wss://rtasr.xfyun.cn/v1/ws'
export async function connect${i}(appId: string, apiKey: string) {
  const ts = Math.floor(Date.now() / 1000)
  const signa = crypto.createHmac('sha1', apiKey).update(appId + ts).digest('base64')
  const ws = new WebSocket(HOST + '?appid=' + appId + '&ts=' + ts + '&signa=' + signa)
  ws.addEventListener('message', (e) => handle${i}(e.data))
  return ws
}
function handle${i}(data: unknown) {
  try {
    return JSON.parse(String(data))
  } catch {
    return undefined
  }
}
`

const root = mkdtempSync(path.join(tmpdir(), 'apidx-lint-bench-'))
try {
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, `pkg${i % 20}`)
    mkdirSync(dir, { recursive: true })
    if (i % 2 === 0) writeFileSync(path.join(dir, `client${i}.py`), python(i))
    else writeFileSync(path.join(dir, `client${i}.ts`), typescript(i))
  }
  const runs = 5
  // The JSON report of 1,000 files is several MB, more than lib.mjs's default pipe buffer.
  const once = () => {
    const start = performance.now()
    const r = spawnSync(process.execPath, [CLI, 'lint', root, '--json'], { maxBuffer: 256 * 1024 * 1024 })
    if (r.error) throw r.error
    return { ms: performance.now() - start, status: r.status, stdout: r.stdout.toString() }
  }
  once()
  const samples = Array.from({ length: runs }, once)
  const statuses = new Set(samples.map((s) => s.status))
  const linted = JSON.parse(samples[0].stdout).files.length
  if (linted !== FILES) throw new Error(`linted ${linted} files, expected ${FILES}`)
  const ms = median(samples.map((s) => s.ms))
  console.log(
    `apidx lint: ${FILES} files, median of ${runs} runs ${ms.toFixed(0)} ms, ${(ms / FILES).toFixed(2)} ms per file (exit ${[...statuses].join(',')})`,
  )
} finally {
  rmSync(root, { recursive: true, force: true })
}
