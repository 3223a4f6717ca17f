// The one place apidx writes to the terminal. Commands return data, renderers turn it into text,
// and only these functions touch stdout and stderr.

/** Writes rendered text to stdout, ending with one newline. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n')
}

/** Writes a diagnostic line (errors, progress, warnings) to stderr, so stdout stays parseable. */
export function printError(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n')
}

/** Writes exactly one JSON document to stdout: the whole of `--json` output. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

/** True when stderr is an interactive terminal, the only place progress is shown. */
export function isInteractive(): boolean {
  return Boolean(process.stderr.isTTY) && process.env.CI !== 'true'
}

/** Writes a rendered report to a file (`--output`), creating its folder; the file is the user's to keep. */
export async function writeOutput(file: string, text: string): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises')
  const path = await import('node:path')
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, text.endsWith('\n') ? text : text + '\n')
}
