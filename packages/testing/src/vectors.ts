// Known-answer signing vectors: the vendor's worked example, signed by the pack's scheme, must give
// every value the doc prints. The expected values are the doc's, never apidx's own output.
import { parseInstant, signRequest, type PackTests, type ProviderPack } from '@apidx/core'

export type Vector = NonNullable<PackTests['vectors']>[number]

/** The ways the pack's scheme differs from the vendor's example; empty when it reproduces it. */
export function checkVector(pack: ProviderPack, v: Vector): string[] {
  const instant = parseInstant(v.time)
  if (instant === undefined) return [`time "${v.time}" is not ISO 8601, an HTTP date or Unix seconds`]
  if (!Object.prototype.hasOwnProperty.call(pack.auth, v.auth))
    return [`the pack has no auth scheme "${v.auth}" (schemes: ${Object.keys(pack.auth).join(', ')})`]
  let result
  try {
    result = signRequest(
      pack,
      v.auth,
      { ...v.request, method: v.request.method ?? 'GET' },
      v.credentials,
      instant,
      { ...(v.params ? { params: v.params } : {}), ...(v.nonces ? { nonces: v.nonces } : {}) },
    )
  } catch (err) {
    return [`signing failed: ${(err as Error).message}`]
  }
  const out: string[] = []
  const e = v.expect
  if (e.signature !== undefined && result.signature !== e.signature)
    out.push(`signature: expected ${e.signature}, got ${result.signature}`)
  if (e.url !== undefined && result.request.url !== e.url)
    out.push(`url: expected ${e.url}, got ${result.request.url}`)
  const headers = new Map(Object.entries(result.request.headers).map(([k, val]) => [k.toLowerCase(), val]))
  for (const [name, want] of Object.entries(e.headers ?? {})) {
    const got = headers.get(name.toLowerCase())
    if (got !== want)
      out.push(
        `header ${name}: expected ${JSON.stringify(want)}, got ${got === undefined ? 'none' : JSON.stringify(got)}`,
      )
  }
  for (const [name, want] of Object.entries(e.steps ?? {})) {
    const step = result.steps.find((s) => s.name === name)
    if (!step)
      out.push(
        `step ${name}: the scheme has no such step (steps: ${result.steps.map((s) => s.name).join(', ')})`,
      )
    else if (step.value !== want)
      out.push(`step ${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(step.value)}`)
  }
  return out
}
