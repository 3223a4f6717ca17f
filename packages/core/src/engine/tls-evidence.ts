// What the peer certificate shows, for every TLS finding: subject, issuer, validity and SHA-256
// fingerprint. An intercepting proxy is recognised by its issuer, so the evidence names it.
import type tls from 'node:tls'
import type { TlsInfo } from './exchange.js'

/** `CN=x, O=y` from a certificate name object. */
function nameOf(o: unknown): string | undefined {
  if (!o || typeof o !== 'object') return undefined
  return Object.entries(o)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ')
}

/** The evidence of a TLS socket's peer certificate (also after a failed verification). */
export function tlsEvidence(s: tls.TLSSocket): TlsInfo {
  const cert = s.getPeerCertificate?.()
  const has = cert && Object.keys(cert).length > 0
  return {
    protocol: s.getProtocol?.() ?? null,
    authorized: Boolean(s.authorized),
    ...(has && cert.subject ? { subject: nameOf(cert.subject)! } : {}),
    ...(has && cert.issuer ? { issuer: nameOf(cert.issuer)! } : {}),
    ...(has && cert.valid_from ? { validFrom: cert.valid_from } : {}),
    ...(has && cert.valid_to ? { validTo: cert.valid_to } : {}),
    ...(has && cert.subjectaltname ? { altNames: cert.subjectaltname } : {}),
    ...(has && cert.fingerprint256 ? { fingerprint256: cert.fingerprint256 } : {}),
  }
}
