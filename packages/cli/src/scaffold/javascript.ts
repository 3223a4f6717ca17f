// The JavaScript (ESM) or TypeScript script: header, the plan as a literal, the exchange for the
// service's protocol, and signing through the apidx library's `sign` (so the script signs exactly as
// apidx does, and stays short).
import { asset } from './assets.js'
import { headerComment } from './header.js'
import type { ScriptPlan } from './plan.js'

/** The whole script for a plan; `ts` adds the one annotation TypeScript's strict mode asks for. */
export function javascriptScript(plan: ScriptPlan, header: string[], lang: 'js' | 'ts'): string {
  const usage = asset('usage.txt').replaceAll(
    '{script}',
    lang === 'ts' ? 'npx tsx check.ts' : 'node check.mjs',
  )
  const imports = [
    ...(plan.protocol === 'websocket' ? ["import WebSocket from 'ws'"] : []),
    "import { sign } from 'apidx'",
  ]
  const parts = [
    headerComment(header, lang),
    `/*\n${usage.trimEnd()}\n*/`,
    lang === 'ts' ? '// @ts-nocheck -- a standalone script: plain JavaScript, run with tsx' : '',
    imports.join('\n'),
    `const PLAN = ${JSON.stringify(plan, null, 2)}`,
    asset(plan.protocol === 'websocket' ? 'websocket.mjs' : 'http.mjs'),
    asset('common.mjs'),
  ]
  return (
    parts
      .filter((p) => p !== '')
      .map((p) => p.trimEnd())
      .join('\n\n') + '\n'
  )
}
