// The credential allowlist (DESIGN §8): a pack's `hosts` say where its credentials may be sent.
import type { ProviderPack } from '../generated/index.js'

/** True when `hostname` is one of the pack's hosts, or a subdomain of a `*.suffix` entry. */
export function hostAllowed(pack: Pick<ProviderPack, 'hosts'>, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return pack.hosts.some((entry) => {
    if (entry.startsWith('*.')) {
      const suffix = entry.slice(1) // ".xfyun.cn"
      return host.endsWith(suffix) && host.length > suffix.length
    }
    return host === entry
  })
}

/** True for loopback hosts, where plain ws:// and http:// are allowed with credentials. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}
