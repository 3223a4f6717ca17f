// What makes a signed request replayable: its signature, and the values derived from it by a hash or
// an encoding (iFlytek's base64 authorization). Outputs mask these unless the user asks for the usable
// request (`apidx sign --reveal`): a signature is as good as a credential until the timestamp expires.
import type { AuthScheme } from '../generated/index.js'
import { signatureStep } from './evaluate.js'
import type { SignedStep } from './sign.js'
import { references } from './template.js'

/** The inputs a step reads, as template text. */
const inputsOf = (s: AuthScheme['steps'][number]): string =>
  s.op === 'template' ? s.text : s.op === 'hash' || s.op === 'encode' ? s.data : s.op === 'hmac' ? s.data : ''

/**
 * The signature's value and those of the steps that transform it (not templates that embed it: masking
 * the signature inside them keeps the rest readable).
 */
export function replayableValues(scheme: AuthScheme, steps: SignedStep[]): string[] {
  const derived = new Set([signatureStep(scheme)])
  const embedding = new Set<string>()
  for (const s of scheme.steps) {
    if (!s.id || !references(inputsOf(s)).some((r) => derived.has(r.split('.')[0]!))) continue
    derived.add(s.id)
    if (s.op === 'template') embedding.add(s.id)
  }
  return steps.filter((s) => derived.has(s.name) && !embedding.has(s.name) && s.value).map((s) => s.value)
}
