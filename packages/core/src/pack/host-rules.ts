// Where a pack may aim credentials, beyond the schema's shape (issue 14, defect 5): no IP literal
// (cloud metadata, loopback, private ranges) in /hosts or a service URL, no wildcard over a whole
// public suffix (`*.com.cn` would cover every company), and no credential-looking query parameter
// written into a URL (a key there leaks into logs and history). Loopback is for the emulator only.
import net from 'node:net'
import { getDomain } from 'tldts'
import { pointerSegment as seg, quote } from './safe-json.js'

type Add = (pointer: string, message: string, remedy: string) => void

/** Query parameter names that hold a credential when a pack writes them into a URL. */
const CREDENTIAL_QUERY =
  /^(api[-_]?key|apikey|key|secret|client[-_]?secret|token|access[-_]?token|password|passwd|signature|sig|auth|authorization)$/i

const bare = (host: string) => host.replace(/^\[|\]$/g, '')

/** Problems of the /hosts entries. */
export function checkHostEntries(hosts: readonly string[], add: Add): void {
  hosts.forEach((entry, i) => {
    const at = `/hosts/${i}`
    const host = entry.startsWith('*.') ? entry.slice(2) : entry
    if (net.isIP(bare(host)))
      add(
        at,
        `${quote(entry)} is an IP address`,
        "Name the vendor's hosts by DNS name; an IP (metadata, loopback, private) is never a vendor API host.",
      )
    else if (entry.startsWith('*.') && getDomain(host, { allowPrivateDomains: false }) === null)
      add(
        at,
        `${quote(entry)} covers a whole public suffix`,
        `Name the vendor's own domain, e.g. *.example${host.startsWith('.') ? '' : `.${host}`}.`,
      )
  })
}

/** Problems of a service URL's host and query, beyond the hosts allowlist. */
export function checkUrlTarget(url: URL, pointer: string, add: Add): void {
  if (net.isIP(bare(url.hostname)))
    add(
      pointer,
      `the URL's host ${quote(url.hostname)} is an IP address`,
      "Use the vendor's documented host name; loopback is for the emulator, never in a pack.",
    )
  for (const key of new Set(url.searchParams.keys()))
    if (CREDENTIAL_QUERY.test(key))
      add(
        pointer,
        `the URL's query sets ${quote(key)}, which holds a credential`,
        `Declare it under /credentials and place it with the auth scheme; remove ?${seg(key)}= from the URL.`,
      )
}
