// The engine's signer for `apidx check` and the probes (engine/prepare.ts's Signer): signs the
// prepared request with the target's scheme at the run's clock and hands back URL and headers.
import type { Signer } from '../engine/prepare.js'
import { signRequest } from './sign.js'

/** Signs with the target version's scheme and `signingParams`; throws ApidxError when it cannot. */
export const engineSigner: Signer = async ({ target, method, url, headers, body, credentials, now }) => {
  const r = signRequest(target.pack, target, { method, url, headers, ...(body !== undefined ? { body } : {}) }, credentials, now)
  return { url: new URL(r.request.url), headers: r.request.headers }
}
