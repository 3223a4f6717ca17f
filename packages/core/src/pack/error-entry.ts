// One vendor code can mean several things, told apart only by the message that comes with it (AWS
// answers a bad signature on the Transcribe WebSocket with BadRequestException, the same code as a
// bad sample rate). The entry's `byMessage` list says which; every reader of an error table (the
// vendor-error probe, the emulator, explain, PackTester) resolves an entry through this one function.
import type { Service, VendorError, Version } from '../generated/index.js'

/**
 * The table entry for a vendor code: the version's own table first, then the service's (codes are per
 * service, DESIGN §3). Own properties only, so a code such as `constructor` never reaches Object.prototype.
 */
export function errorEntry(version: Version, service: Service, code: string): VendorError | undefined {
  const own = (t: Record<string, VendorError> | undefined) =>
    t && Object.hasOwn(t, code) ? t[code] : undefined
  return own(version.errors) ?? own(service.errors)
}

/** An error entry as it applies to one message: the matching variant's facts over the entry's. */
export interface ResolvedError extends Omit<VendorError, 'byMessage'> {
  /** The index of the `byMessage` item that matched, when one did. */
  variant?: number
  /** That item's `contains` fragment. */
  contains?: string
}

/**
 * The entry's meaning for `message`: the first `byMessage` item whose fragment the message contains
 * (plain, case-sensitive substring), else the entry itself. A variant's cause and vendor text replace
 * the entry's (they describe another failure); diagnosis, retryable and confidence fall back to it.
 */
export function resolveError(entry: VendorError, message?: unknown): ResolvedError {
  const { byMessage, ...base } = entry
  if (typeof message !== 'string' || !byMessage?.length) return base
  const variant = byMessage.findIndex((v) => message.includes(v.contains))
  if (variant < 0) return base
  const v = byMessage[variant]!
  const { cause: _cause, vendorText: _text, ...rest } = base
  return {
    ...rest,
    meaning: v.meaning,
    fix: v.fix,
    source: v.source,
    ...(v.cause !== undefined ? { cause: v.cause } : {}),
    ...(v.vendorText !== undefined ? { vendorText: v.vendorText } : {}),
    ...(v.diagnosis !== undefined ? { diagnosis: v.diagnosis } : {}),
    ...(v.retryable !== undefined ? { retryable: v.retryable } : {}),
    ...(v.confidence !== undefined ? { confidence: v.confidence } : {}),
    variant,
    contains: v.contains,
  }
}

/** The message the vendor sends with the entry (a variant's full text, else its fragment), for the emulator. */
export function variantMessage(entry: VendorError, variant: number): string | undefined {
  const v = entry.byMessage?.[variant]
  return v ? (v.vendorText ?? v.contains) : undefined
}

/**
 * The message the emulated vendor sends with a code: that of its `byMessage` item `variant` when one is
 * asked for, else the entry's own text. PackTester reads the meaning the same message selects.
 */
export function sentMessage(entry: VendorError, variant?: number): string {
  return (
    (variant !== undefined ? variantMessage(entry, variant) : undefined) ?? entry.vendorText ?? entry.meaning
  )
}
