// Copies what opening the connection showed (proxy hop, addresses, a failing family, the
// certificate) onto the exchange, for both clients.
import type { Exchange } from './exchange.js'
import type { OpenEvidence } from './socket.js'

export function keepEvidence(ex: Exchange, e: OpenEvidence): void {
  if (e.proxy) ex.proxy = e.proxy
  if (e.addresses) ex.addresses = e.addresses
  if (e.familyFailure) ex.familyFailure = e.familyFailure
  if (e.tls) ex.tls = e.tls
}
