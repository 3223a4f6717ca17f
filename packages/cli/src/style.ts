// Terminal colours that honour NO_COLOR (https://no-color.org) and FORCE_COLOR, and stay off when
// stdout is not a terminal, so piped output and golden files are plain text.

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const

export type Style = keyof typeof codes

/** Whether colour is on for stdout right now. */
export function colorEnabled(
  env: NodeJS.ProcessEnv = process.env,
  isTTY = Boolean(process.stdout.isTTY),
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return isTTY && env.TERM !== 'dumb'
}

/** Wraps text in an ANSI style when colour is on; returns it unchanged otherwise. */
export function paint(style: Style, text: string, enabled = colorEnabled()): string {
  if (!enabled) return text
  const [open, close] = codes[style]
  return `\u001B[${open}m${text}\u001B[${close}m`
}
