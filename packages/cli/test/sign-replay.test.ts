// No replayable value leaves `apidx sign` without --reveal: every scheme of every built-in pack is
// signed with canary credentials through the command (in-process), and plain, --explain and --json
// output are searched for the signature (and every value derived from it, in every encoding) and for
// the canaries. With --reveal the signed request carries the signature: the search can find it.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { replayableValues, secretForms, type ProviderPack } from '@apidx/core'
import Sign from '../src/commands/sign.js'

const cliRoot = fileURLToPath(new URL('..', import.meta.url))
const providers = fileURLToPath(new URL('../../../providers/', import.meta.url))
const packs = readdirSync(providers, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => JSON.parse(readFileSync(path.join(providers, d.name, 'pack.json'), 'utf8')) as ProviderPack)
const AT = '2026-11-25T08:00:00Z'
/** Values for scheme parameters no version sets. */
const PARAMS: Record<string, string> = { region: 'us-east-1', service: 's3', expiration: '1800' }

/** Canary credentials: secrets are recognisable, key ids have the shape packs check. */
function canaries(pack: ProviderPack): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pack.credentials).map(([name, c]) => [
      c.env,
      c.secret ? `Canary${pack.id}${name}/x+Q=Zz` : `canary${name}id`,
    ]),
  )
}

/** The flags that sign with `scheme`: a version that uses it, else the scheme on one of the pack's hosts. */
function flagsFor(pack: ProviderPack, scheme: string): string[] {
  for (const [sid, s] of Object.entries(pack.services))
    for (const [vid, v] of Object.entries(s.versions))
      if (v.auth === scheme) return ['--service', sid, '--version', vid]
  const host = pack.hosts.find((h) => !h.startsWith('*')) ?? pack.hosts[0]!.replace('*.', 'example.')
  const params = Object.entries(pack.auth[scheme]!.params ?? {})
    .filter(([, p]) => p.default === undefined)
    .flatMap(([k]) => ['--param', `${k}=${PARAMS[k] ?? 'x'}`])
  return ['--scheme', scheme, '--url', `https://${host}/object.txt`, ...params]
}

async function sign(pack: ProviderPack, args: string[]): Promise<string> {
  for (const [k, v] of Object.entries(canaries(pack))) vi.stubEnv(k, v)
  vi.stubEnv('APIDX_DATA_DIR', '/nonexistent-apidx-data')
  const out: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true))
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true))
  try {
    await Sign.run(['--provider', path.join(providers, pack.id), '--date', AT, ...args], cliRoot)
  } finally {
    spy.mockRestore()
    err.mockRestore()
  }
  expect(process.exitCode ?? 0).toBe(0)
  return out.join('')
}
afterEach(() => vi.unstubAllEnvs())

/** The values found in text, directly in any encoding or inside a (URL-encoded) base64 token. */
function found(text: string, values: string[]): string[] {
  const decoded = [...text.matchAll(/[A-Za-z0-9+/_%-]{12,}={0,2}/g)].map((m) =>
    Buffer.from(
      decodeURIComponent(m[0].replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))
        .replace(/-/g, '+')
        .replace(/_/g, '/'),
      'base64',
    ).toString('utf8'),
  )
  const haystack = [text, ...decoded].join('\n')
  return values.filter((v) => secretForms(v).some((f) => haystack.includes(f)))
}

const cases = packs.flatMap((pack) => Object.keys(pack.auth).map((scheme) => ({ pack, scheme })))

describe('no replayable value is printed without --reveal', () => {
  it('covers every scheme of every built-in pack', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
  })
  for (const { pack, scheme } of cases) {
    it(`${pack.id} ${scheme}`, async () => {
      const flags = flagsFor(pack, scheme)
      const revealed = JSON.parse(await sign(pack, [...flags, '--reveal', '--json', '--explain'])) as {
        scheme: string
        request: { url: string; headers: Record<string, string> }
        steps: { name: string; op: string; value: string; masked?: boolean }[]
      }
      expect(revealed.scheme).toBe(scheme)
      // The engine's own values for this signing: the signature and what derives from it, and the secrets.
      const creds = Object.fromEntries(
        Object.entries(pack.credentials).map(([n, c]) => [n, canaries(pack)[c.env]!]),
      )
      const secrets = Object.entries(pack.credentials)
        .filter(([, c]) => c.secret)
        .map(([n]) => creds[n]!)
      // A secret step (a bearer token) is masked even under --reveal: the secrets cover it.
      const shown = revealed.steps.filter((s) => !s.masked).map((s) => ({ ...s, secret: false }))
      const values = [...replayableValues(pack.auth[scheme]!, shown as never), ...secrets]
      // The search finds a replayable value in the usable request: it can fail.
      expect(found(JSON.stringify(revealed.request), values)).not.toEqual([])
      for (const extra of [[], ['--explain'], ['--json', '--explain']]) {
        const text = await sign(pack, [...flags, ...extra])
        expect(found(text, values)).toEqual([])
      }
    })
  }
})
