// Which faults of the matrix a served version can play, and the root cause each one then means. A
// fault the pack gives the emulator no facts for (no documented answer to a bad signature, no
// timestamp to skew, no version segment to drop) is refused with the reason, never played wrongly.
import { ApidxError, errorEntry, resolveError, sentMessage, type Target } from '@apidx/core'
import { legacyFrame, vendorErrorCode } from './frames.js'
import { documentedAnswer } from './gateway.js'
import { dropVersion } from './paths.js'
import { schemeFacts } from './scheme.js'
import { CLOCK_SKEW_MS } from './scenarios.js'
import type { Scenario } from './types.js'

/** The finding each client-credential fault needs the pack to document an answer for. */
const DOCUMENTED: Record<string, { diagnosis: string; what: string }> = {
  'wrong-secret': { diagnosis: 'auth/signature-mismatch', what: 'a bad signature' },
  'unknown-key': { diagnosis: 'auth/unknown-key', what: 'an unknown key' },
  'ip-not-allowed': { diagnosis: 'auth/ip-not-allowed', what: 'a caller outside the IP whitelist' },
}

/**
 * The scenario as the served version plays it: the client's wrong scheme in the version's protocol,
 * the expected root cause for this version. Throws ERR_SCENARIO_NOT_APPLICABLE, with the reason, for what it cannot play.
 */
export function forTarget(target: Target, scenario: Scenario): Scenario {
  const where = `${target.serviceId}/${target.versionId}`
  const refuse = (why: string, suggestions: string[] = []) => {
    throw new ApidxError(
      'ERR_SCENARIO_NOT_APPLICABLE',
      `${scenario.id} does not apply to ${target.pack.id} ${where}: ${why}`,
      {
        suggestions,
      },
    )
  }
  const { version } = target
  const facts = schemeFacts(target.pack, version.auth)
  const response = version.response

  if (version.protocol === 'http' && scenario.id === 'wrong-scheme-http')
    refuse('it is an HTTP service (wrong-scheme-http is a request without upgrade to a WebSocket service).', [
      'Use wrong-scheme (plain http:// to the TLS port).',
    ])
  if (scenario.id === 'vendor-error') {
    const code = vendorErrorCode(target, scenario.vendorCode)
    if (code === undefined) {
      const codes = [...Object.keys(version.errors ?? {}), ...Object.keys(target.service.errors ?? {})]
      refuse(
        scenario.vendorCode
          ? `the service has no vendor code ${scenario.vendorCode}.`
          : 'the service declares no vendor error codes.',
        codes.length ? [`Codes: ${codes.slice(0, 40).join(', ')}.`] : [],
      )
    }
    const entry = errorEntry(version, target.service, code!)
    const variants = entry?.byMessage ?? []
    if (scenario.vendorVariant !== undefined && scenario.vendorVariant >= variants.length)
      refuse(
        `${code} has ${variants.length ? `messages 0 to ${variants.length - 1}` : 'no byMessage meanings'}, not #${scenario.vendorVariant}.`,
      )
    // The message sent picks the meaning, exactly as the vendor-error probe will read it.
    const meant = entry && resolveError(entry, sentMessage(entry, scenario.vendorVariant))
    scenario = { ...scenario, expect: meant?.diagnosis ?? 'vendor/error' }
  }
  if (scenario.id === 'legacy-format' && legacyFrame(target, 'sid') === undefined)
    refuse('the version declares no legacy frame (response.examples.legacyFrame).')
  if ((scenario.id === 'not-json' || scenario.id === 'schema-mismatch') && response?.format !== 'json')
    refuse(`the service answers ${response?.format ?? 'in no declared format'}, not JSON.`)
  if (
    scenario.id === 'schema-mismatch' &&
    !(response?.schema as { required?: unknown[] } | undefined)?.required?.length
  )
    refuse('the response schema requires no field to leave out.')
  if (
    scenario.id === 'wrong-path' &&
    dropVersion(new URL(version.url).pathname) === new URL(version.url).pathname
  )
    refuse(`the path ${new URL(version.url).pathname} has no version segment to drop.`)
  if (scenario.id === 'clock-skew') {
    if (!facts?.timestamp) refuse(`the ${version.auth ?? 'unsigned'} scheme sends no timestamp.`)
    if (facts?.maxSkewSeconds === undefined)
      refuse('the pack states no skew limit (maxSkewSeconds) for the scheme.')
    // A vendor that tolerates more than the emulator's 10 minutes accepts the request: a pass.
    if (facts!.maxSkewSeconds! * 1000 >= CLOCK_SKEW_MS) scenario = { ...scenario, expect: null }
  }
  const needs = DOCUMENTED[scenario.id]
  if (needs) {
    if (scenario.id === 'wrong-secret' && !facts?.secrets.length)
      refuse(
        `the ${version.auth ?? 'unsigned'} scheme signs with no secret (the credential is sent as it is: see unknown-key).`,
      )
    if (scenario.id === 'unknown-key' && !facts?.keyIds.length)
      refuse(`the ${version.auth ?? 'unsigned'} scheme sends no key id.`)
    if (!documentedAnswer(target, needs.diagnosis))
      refuse(
        `the pack documents no answer to ${needs.what} (a handshake rule with an example, or an error code, with diagnosis ${needs.diagnosis}).`,
      )
  }
  if (version.protocol === 'http') {
    if (scenario.client?.scheme === 'ws')
      return { ...scenario, client: { ...scenario.client, scheme: 'http' } }
    // Over HTTP an unanswered request is one fault whichever phase it hangs in.
    if (scenario.id === 'handshake-timeout' || scenario.id === 'no-response')
      return { ...scenario, expect: 'http/timeout' }
    if (scenario.id === 'closed-early') return { ...scenario, expect: 'http/closed-early' }
  }
  return scenario
}
