// Reads the scaffold's script parts, shipped as files under packages/cli/assets/scaffold/ (data, not
// template strings), from both src/ (tests) and dist/ (the installed CLI): both sit two levels down.
import { readFileSync } from 'node:fs'

const ASSETS = new URL('../../assets/scaffold/', import.meta.url)

/** The text of one asset file, e.g. `runtime.py`. */
export function asset(name: string): string {
  return readFileSync(new URL(name, ASSETS), 'utf8')
}
