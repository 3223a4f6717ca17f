// Rendering of `apidx scaffold`: the header alone, or the files written and the command to run them.

export interface ScaffoldOutput {
  /** The header comment (with --header-only). */
  header?: string
  written: string[]
  /** How to run the script. */
  run?: string
}

export function renderScaffold(output: ScaffoldOutput): string {
  if (output.header !== undefined) return output.header.trimEnd()
  const lines = output.written.map((path) => `wrote ${path}`)
  if (output.run) lines.push('', `Run it (credentials from the environment): ${output.run}`)
  return lines.join('\n')
}
