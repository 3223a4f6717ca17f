// Certificates made in process for the TLS scenarios: a test CA and leaves that are good, expired,
// for another host, or self-signed. Nothing is read from or written to disk; no real host is named.
import { generate } from 'selfsigned'

/** The host name the emulator's certificates are for (RFC 6761 `.test`: never a real host). */
export const SERVERNAME = 'mock.apidx.test'
/** The name the wrong-host leaf is for instead. */
export const OTHER_NAME = 'other-host.apidx.test'

/** A key and certificate chain to serve, and the CA PEM a client must trust (absent for self-signed). */
export interface ServedCertificate {
  key: string
  cert: string
  ca?: string
}

/** One test CA and the leaves the scenarios serve, all made in process. */
export interface CertificateSet {
  ca: string
  good: ServedCertificate
  expired: ServedCertificate
  wrongHost: ServedCertificate
  selfSigned: ServedCertificate
}

const DAY = 86_400_000
// EC keys: a set takes tens of milliseconds, so each emulator can have its own CA without slowing tests.
const base = { keyType: 'ec' as const, algorithm: 'sha256' }

/** Generates a fresh test CA and the four leaves, all for {@link SERVERNAME} (and 127.0.0.1) but the wrong-host one. */
export async function makeCertificates(now = Date.now()): Promise<CertificateSet> {
  const ca = await generate([{ name: 'commonName', value: 'apidx mock test CA' }], {
    ...base,
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 30 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  const signer = { key: ca.private, cert: ca.cert }
  const leaf = async (
    name: string,
    opts: { from: number; to: number; selfSigned?: boolean; ip?: boolean },
  ): Promise<ServedCertificate> => {
    const altNames: ({ type: 2; value: string } | { type: 7; ip: string })[] = [{ type: 2, value: name }]
    if (opts.ip) altNames.push({ type: 7, ip: '127.0.0.1' })
    const made = await generate([{ name: 'commonName', value: name }], {
      ...base,
      notBeforeDate: new Date(opts.from),
      notAfterDate: new Date(opts.to),
      ...(opts.selfSigned ? {} : { ca: signer }),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    })
    return opts.selfSigned
      ? { key: made.private, cert: made.cert }
      : { key: made.private, cert: made.cert, ca: ca.cert }
  }
  return {
    ca: ca.cert,
    good: await leaf(SERVERNAME, { from: now - DAY, to: now + 30 * DAY, ip: true }),
    expired: await leaf(SERVERNAME, { from: now - 30 * DAY, to: now - DAY, ip: true }),
    // No IP entry: a client that checks 127.0.0.1 instead of the servername must still see a mismatch.
    wrongHost: await leaf(OTHER_NAME, { from: now - DAY, to: now + 30 * DAY }),
    selfSigned: await leaf(SERVERNAME, { from: now - DAY, to: now + 30 * DAY, selfSigned: true, ip: true }),
  }
}

/** The certificate a scenario serves. */
export function certificateFor(set: CertificateSet, scenarioId: string): ServedCertificate {
  if (scenarioId === 'tls-expired') return set.expired
  if (scenarioId === 'tls-wrong-host') return set.wrongHost
  if (scenarioId === 'tls-self-signed') return set.selfSigned
  return set.good
}
