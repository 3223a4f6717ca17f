// The engine's default signer: the core signing engine (DESIGN §4) over the target's auth scheme. Its
// secret values (credentials and secret steps) are handed back so the report masks them everywhere.
import { signRequest } from '../signing/sign.js'
import type { Signer } from './prepare.js'

/** Signs with `signRequest` at the run's clock; throws ApidxError (ERR_SIGNING) for a scheme it cannot evaluate. */
export const coreSigner: Signer = async ({ target, method, url, headers, body, credentials, now }) => {
  const signed = signRequest(
    target.pack,
    target,
    { method, url, headers, ...(body !== undefined ? { body } : {}) },
    credentials,
    now,
  )
  return { url: new URL(signed.request.url), headers: signed.request.headers, secrets: signed.secrets }
}
