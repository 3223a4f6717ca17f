// Pack lookups several probes share: the handshake rules that match a rejected answer (version, then
// service, then pack-wide), and the vendor error entry for a code (version table over service table).
import {
  errorEntry,
  rankedMatches,
  rulesInForce,
  type HandshakeRule,
  type ResponseHead,
  type Target,
  type VendorError,
} from '@apidx/core'

/** Every handshake rule that matches the answer, most specific first (core rankedMatches). */
export function matchingRules(target: Target, response: ResponseHead): HandshakeRule[] {
  return rankedMatches(
    rulesInForce(target.pack, target.service, target.version),
    response.status,
    response.body,
  )
}

/** The pack's entry for a vendor code, version table first (codes are per service, DESIGN §3). */
export function vendorError(target: Target, code: string): VendorError | undefined {
  return errorEntry(target.version, target.service, code)
}

/** The vendor's name for messages: the pack's `shortName`, else its id (a first word can be "My" of "My Pack Cloud"). */
export function vendorName(target: Target): string {
  return target.pack.shortName ?? target.pack.id
}

/** The documented URL of the target's version. */
export function documentedUrl(target: Target): URL {
  return new URL(target.version.url)
}

/** A short excerpt of a body for evidence. */
export function bodyExcerpt(body: string, max = 300): string {
  const oneLine = body.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max)}…`
}
