// The one error class apidx raises for problems with its input (usage, config, packs) — never for a
// diagnosed fault, which is a finding. Codes are public API: documented in docs/errors.md, never renamed.

/** Stable tool-error codes. Each maps to an exit code (DESIGN §7: 2 = usage, config or pack error). */
export const ERROR_CODES = {
  ERR_USAGE: 'The command line is not valid.',
  ERR_CONFIG_INVALID: 'A config file could not be read or does not match config.schema.json.',
  ERR_PACK_NOT_FOUND: 'No provider pack with that id or path.',
  ERR_PACK_INVALID: 'A provider pack could not be parsed or does not validate.',
  ERR_TARGET: 'The service, version or endpoint asked for does not exist in the pack.',
  ERR_CREDENTIALS: 'Credentials needed for the operation are missing.',
  ERR_SIGNING: 'A signing scheme could not be evaluated.',
  ERR_INSECURE: 'The operation would send credentials over an insecure or untrusted channel.',
  ERR_SCENARIO_NOT_APPLICABLE:
    'The emulator scenario asked for does not apply to the service (no error table, no legacy frame, no upgrade).',
  ERR_PORT_UNAVAILABLE: 'The emulator cannot listen on the port or address asked for.',
  ERR_PACK_CONFLICT: 'An installed or built-in pack already has that id.',
  ERR_INTERNAL: 'apidx itself failed; this is a bug.',
} as const

export type ErrorCode = keyof typeof ERROR_CODES

/** One problem found in an input file: where it is and what to do about it. */
export interface Problem {
  /** File path (or a label such as `<stdin>`) the problem is in. */
  file: string
  /** RFC 6901 JSON pointer to the offending value; `''` is the document root. */
  pointer: string
  /** What is wrong, stating the observed value where it helps. */
  message: string
  /** What is allowed, or what to do: one sentence. */
  remedy: string
}

export interface ApidxErrorOptions {
  problems?: Problem[]
  suggestions?: string[]
  cause?: unknown
}

/**
 * An expected failure of apidx's input. Carries a stable code, the problems found (each with file and
 * JSON pointer) and suggestions; the CLI renders it and picks the exit code. `cause` is kept for
 * debugging but must already be safe to print: never wrap a library error that may hold secrets.
 */
export class ApidxError extends Error {
  readonly code: ErrorCode
  readonly problems: Problem[]
  readonly suggestions: string[]

  constructor(code: ErrorCode, message: string, options: ApidxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ApidxError'
    this.code = code
    this.problems = options.problems ?? []
    this.suggestions = options.suggestions ?? []
  }

  /** Exit code per DESIGN §7: 2 for every tool error (usage, config, pack). */
  get exitCode(): number {
    return 2
  }
}

/** Formats a problem as the one line users see: `file#/pointer: message. remedy` */
export function formatProblem(p: Problem): string {
  return `${p.file}#${p.pointer}: ${p.message}. ${p.remedy}`
}
