// The library's `sign`: one request signed with a pack's declared scheme, as `apidx sign --reveal`
// would, for scripts and apps that want apidx's signing without the CLI. Credentials default to the
// pack's environment variables.
import type { ProviderPack } from '@apidx/core'

export interface SignOptions {
  /** A pack id (built-in or installed), a path, or a loaded pack. */
  provider: string | ProviderPack
  service?: string
  version?: string
  /** The URL to sign; the version's documented URL when absent. */
  url?: string
  method?: string
  headers?: Record<string, string>
  body?: string
  /** Credential values by the pack's names; the pack's environment variables when absent. */
  credentials?: Record<string, string>
  /** Scheme parameters (e.g. region) over the version's own. */
  params?: Record<string, string>
  /** The instant to sign for, ms since the epoch; now when absent. */
  now?: number
}

export interface SignedRequest {
  url: string
  headers: Record<string, string>
  /** Every value a printout of this request must mask (signatures, secret credentials). */
  secrets: string[]
}

/** Signs one request. Throws ApidxError (ERR_PACK_NOT_FOUND, ERR_TARGET, ERR_CREDENTIALS, ERR_SIGNING). */
export async function sign(options: SignOptions): Promise<SignedRequest> {
  const core = await import('@apidx/core')
  const pack =
    typeof options.provider === 'string' ? (await core.loadPack(options.provider)).pack : options.provider
  const target = core.resolveTarget(pack, {
    ...(options.service !== undefined ? { service: options.service } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.url !== undefined ? { endpoint: options.url } : {}),
  })
  const credentials = options.credentials ?? core.readCredentials(pack, process.env).values
  const request = {
    method: options.method ?? target.version.method ?? 'GET',
    url: target.url,
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
  }
  const signed = core.signRequest(pack, target, request, credentials, options.now ?? Date.now, {
    ...(options.params ? { params: options.params } : {}),
  })
  return { url: signed.request.url, headers: signed.request.headers, secrets: signed.secrets }
}
