// `apidx sign`: signs a request with the pack's declared scheme and shows every step (--explain),
// or checks a request the user's code signed (--verify) and names the first differing step and the
// known mistake behind it. Credentials come only from the pack's environment variables (or config);
// every output is masked unless --reveal asks for the usable signed request. Rendering: render/sign.ts.
import { Flags } from '@oclif/core'
import { readFile } from 'node:fs/promises'
import type { AuthScheme, LoadedPack, RequestInput, Target } from '@apidx/core'
import { ApidxCommand, EXIT } from '../base.js'
import { packOptions } from '../packs.js'
import { credentialPlan } from '../credentials.js'
import { loadSettings } from '../settings.js'
import { renderSign, renderVerify, type SignOutput, type VerifyOutput } from '../render/sign.js'
import { signOutput, verifyOutput } from '../sign-output.js'

/** Request files (--verify, --body-file) larger than this are refused. */
const MAX_FILE_BYTES = 10 * 1024 * 1024

export default class Sign extends ApidxCommand {
  static override description =
    "Sign a request with the provider's declared scheme and show each step, or verify a request your code signed and name the mistake."
  static override examples = [
    '<%= config.bin %> sign --provider iflytek --service iat --explain',
    '<%= config.bin %> sign --provider aws --url https://sts.amazonaws.com/?Action=GetCallerIdentity\\&Version=2011-06-15 --param region=us-east-1 --param service=sts',
    '<%= config.bin %> sign --provider iflytek --verify "wss://iat-api.xfyun.cn/v2/iat?authorization=…&date=…&host=iat-api.xfyun.cn"',
    '<%= config.bin %> sign --provider tencentcloud --service asr --method POST --header "X-TC-Action: DescribeTaskStatus" --body-file body.json --json',
  ]
  static override flags = {
    provider: Flags.string({ char: 'p', description: 'provider pack id or path', required: true }),
    service: Flags.string({ char: 's', description: "the pack's service id (e.g. iat)" }),
    version: Flags.string({ description: "the service's version id; the default version when absent" }),
    url: Flags.string({
      description:
        "the URL to sign; its service is found by matching the pack (any URL on the pack's hosts when the pack declares a scheme for them)",
    }),
    scheme: Flags.string({ description: "sign with this auth scheme of the pack instead of the version's" }),
    method: Flags.string({ char: 'X', description: "HTTP method (the version's, or GET)" }),
    header: Flags.string({
      char: 'H',
      description: "a request header, 'Name: value' (repeatable)",
      multiple: true,
    }),
    'body-file': Flags.string({ description: 'a file holding the request body' }),
    param: Flags.string({
      description: 'a scheme parameter, name=value (repeatable), e.g. region=us-east-1',
      multiple: true,
    }),
    date: Flags.string({
      description: 'sign for this instant: ISO 8601 (2019-07-10T07:35:43Z) or unix seconds; now when absent',
    }),
    explain: Flags.boolean({ description: 'show every step of the computation (secrets masked)' }),
    verify: Flags.string({
      description:
        'check a request your code signed: the signed URL, or a file with the request (JSON or an HTTP message)',
    }),
    reveal: Flags.boolean({
      description:
        'print the signed request and the signatures unmasked, ready to use (secret steps stay masked)',
    }),
    at: Flags.string({
      description:
        "--verify: judge the request's timestamp at this instant instead of now (ISO 8601, unix seconds or an HTTP date)",
    }),
  }

  async run(): Promise<SignOutput | VerifyOutput> {
    const { flags } = await this.parse(Sign)
    const core = await import('@apidx/core')
    const settings = await loadSettings()
    const loaded = await core.loadPack(flags.provider, packOptions(settings.packPaths))
    const { pack } = loaded
    await this.notices(settings, loaded)
    const defaults = settings.config.providers?.[pack.id] ?? {}
    // Signing computes locally and sends nothing, so an untrusted config's credentials plan only names variables.
    const credentials = credentialPlan(loaded, settings).values
    const params = parsePairs(core, flags.param ?? [], '=', '--param', 'name=value')
    // A value that cannot be right by its shape explains a mismatch before any step does.
    const hygiene = core.checkCredentialHygiene(pack, credentials)

    if (flags.verify !== undefined) {
      const text = /^(wss?|https?):\/\//i.test(flags.verify)
        ? flags.verify
        : await readCapped(flags.verify, '--verify')
      const request = core.parseRequestText(text, flags.url)
      const { target, schemeId } = chooseScheme(
        core,
        loaded,
        { ...flags, url: flags.url ?? String(request.url) },
        flags.url === undefined ? 'The URL of the request to verify' : '--url',
        request,
      )
      // With a target, verifyRequest applies the version's parameters itself, over them those the
      // request's host names (a us-west-2 URL signs us-west-2): pass just the user's --param values then.
      const useTarget = Boolean(target && !flags.scheme)
      const now = flags.at !== undefined ? parseWhen(core, flags.at, '--at') : Date.now()
      const verify = (scheme: string, searchMistakes: boolean) =>
        core.verifyRequest({
          now,
          pack,
          ...(useTarget ? { target: target! } : { scheme }),
          request,
          credentials,
          params: { ...(useTarget ? {} : (target?.version.signingParams ?? {})), ...params },
          searchMistakes,
        })
      // With no service and no --scheme, every scheme whose placements the request carries is a
      // candidate (SigV4 presigned for Transcribe and for S3 look alike): the one that verifies wins.
      const candidates =
        target || flags.scheme
          ? []
          : Object.entries(pack.auth)
              .filter(([id, s]) => id !== schemeId && carriesPlacements(s, request))
              .map(([id]) => id)
      const result =
        [schemeId, ...candidates].map((id) => verify(id, false)).find((r) => r.ok) ?? verify(schemeId, true)
      const out = verifyOutput(core, pack, result, target, Boolean(flags.reveal), hygiene)
      this.show(renderVerify(out, Boolean(flags.explain)))
      this.setExit(result.ok ? EXIT.ok : EXIT.fault)
      return out
    }

    // Without --url, the config's service and version apply as in `apidx check` (a URL says its own).
    const selection =
      flags.url === undefined ? core.targetDefaults(pack, defaults, { ...flags, noEndpoint: true }) : {}
    const { target, schemeId, url } = chooseScheme(core, loaded, { ...flags, ...selection })
    const headers = parsePairs(core, flags.header ?? [], ':', '--header', "'Name: value'")
    const body =
      flags['body-file'] !== undefined ? await readCapped(flags['body-file'], '--body-file') : undefined
    const at = flags.date !== undefined ? parseWhen(core, flags.date, '--date') : Date.now()
    const method = (flags.method ?? target?.version.method ?? 'GET').toUpperCase()
    const result = core.signRequest(
      pack,
      target && !flags.scheme ? target : schemeId,
      { method, url, headers: Object.entries(headers), ...(body !== undefined ? { body } : {}) },
      credentials,
      at,
      { params: { ...(target && flags.scheme ? (target.version.signingParams ?? {}) : {}), ...params } },
    )
    const out = signOutput(core, pack, result, target, Boolean(flags.reveal), hygiene)
    this.show(renderSign(out, Boolean(flags.explain)))
    return out
  }
}

type Core = typeof import('@apidx/core')

/** The target (when a service version applies), the scheme id, and the URL to sign. */
function chooseScheme(
  core: Core,
  loaded: LoadedPack,
  flags: { service?: string; version?: string; url?: string; scheme?: string },
  urlLabel = '--url',
  signed?: RequestInput,
): { target?: Target; schemeId: string; url: string } {
  const { pack } = loaded
  let target: Target | undefined
  let url: string
  if (flags.url !== undefined) {
    let parsed: URL
    try {
      parsed = new URL(flags.url)
    } catch {
      throw new core.ApidxError(
        'ERR_USAGE',
        `${urlLabel} ${JSON.stringify(flags.url.slice(0, 200))} is not an absolute URL.`,
        { suggestions: ['Write the full URL, e.g. wss://host/path?query.'] },
      )
    }
    const matched =
      flags.service !== undefined
        ? core.resolveTarget(pack, {
            ...(flags.service ? { service: flags.service } : {}),
            ...(flags.version ? { version: flags.version } : {}),
          })
        : core.matchUrl(pack, parsed)
    if (matched) target = { ...matched, url: parsed, explicitEndpoint: true }
    url = parsed.toString()
  } else {
    target = core.resolveTarget(pack, {
      ...(flags.service ? { service: flags.service } : {}),
      ...(flags.version ? { version: flags.version } : {}),
    })
    const withQuery = new URL(target.url)
    for (const [k, v] of Object.entries(target.version.query ?? {}))
      if (!withQuery.searchParams.has(k)) withQuery.searchParams.set(k, v)
    url = withQuery.toString()
  }
  const host = new URL(url).hostname
  // A signed request on the pack's hosts that matches no service: the scheme whose placements it
  // carries (a presigned URL in another region), else the pack's scheme for its hosts.
  const carried = signed
    ? Object.entries(pack.auth).find(([, s]) => carriesPlacements(s, signed))?.[0]
    : undefined
  const fallback = carried ?? Object.entries(pack.auth).find(([, s]) => s.defaultForHosts)?.[0]
  const schemeId =
    flags.scheme ?? target?.version.auth ?? (fallback && core.hostAllowed(pack, host) ? fallback : undefined)
  if (schemeId === undefined || schemeId === null) {
    if (target)
      throw new core.ApidxError(
        'ERR_TARGET',
        `${target.serviceId} ${target.versionId} of ${pack.name} takes no credentials: there is nothing to sign.`,
      )
    throw new core.ApidxError(
      'ERR_TARGET',
      `${host} matches no service of the ${pack.name} pack${fallback ? `, and is not one of its hosts (${pack.hosts.join(', ')})` : ''}.`,
      {
        suggestions: [
          `Choose a service with --service (${Object.keys(pack.services).join(', ')}), or a scheme with --scheme (${Object.keys(pack.auth).join(', ')}).`,
        ],
      },
    )
  }
  return { ...(target ? { target } : {}), schemeId, url }
}

/** True when a request has every query parameter and header the scheme places. */
function carriesPlacements(scheme: AuthScheme, request: RequestInput): boolean {
  const query = new URL(String(request.url)).searchParams
  const headers = new Set(
    (Array.isArray(request.headers)
      ? request.headers.map(([k]) => k)
      : Object.keys(request.headers ?? {})
    ).map((k) => k.toLowerCase()),
  )
  const q = Object.keys(scheme.place.query ?? {})
  const h = Object.keys(scheme.place.header ?? {})
  return (
    q.length + h.length > 0 && q.every((k) => query.has(k)) && h.every((k) => headers.has(k.toLowerCase()))
  )
}

/** An instant given on the command line; a value that is none is a usage error. */
function parseWhen(core: Core, text: string, flag: string): number {
  const parsed = core.parseInstant(text)
  if (parsed !== undefined) return parsed
  throw new core.ApidxError(
    'ERR_USAGE',
    `${flag} ${JSON.stringify(text)} is not an ISO 8601 instant, unix seconds or an HTTP date.`,
    {
      suggestions: [
        `e.g. ${flag} 2019-07-10T07:35:43Z, ${flag} 1562744143 or ${flag} "Wed, 10 Jul 2019 07:35:43 GMT"`,
      ],
    },
  )
}

/** Splits repeated `name<sep>value` flags; a flag without the separator is a usage error. */
function parsePairs(
  core: Core,
  values: string[],
  sep: string,
  flag: string,
  form: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of values) {
    const at = v.indexOf(sep)
    const name = at > 0 ? v.slice(0, at).trim() : ''
    if (!name || name === '__proto__')
      throw new core.ApidxError('ERR_USAGE', `${flag} ${JSON.stringify(v.slice(0, 100))} is not ${form}.`, {
        suggestions: [`Write ${flag} ${form}.`],
      })
    out[name] = sep === ':' ? v.slice(at + 1).trim() : v.slice(at + 1)
  }
  return out
}

/** Reads a user file with a size cap; a missing file is a usage error. */
async function readCapped(file: string, flag: string): Promise<string> {
  const { ApidxError } = await import('@apidx/core')
  let buf: Buffer
  try {
    buf = await readFile(file)
  } catch {
    throw new ApidxError('ERR_USAGE', `${flag} ${JSON.stringify(file)} cannot be read.`, {
      suggestions: [
        flag === '--verify'
          ? 'Give the signed URL itself, or the path of a file holding the request.'
          : 'Give the path of the file holding the body.',
      ],
    })
  }
  if (buf.length > MAX_FILE_BYTES)
    throw new ApidxError(
      'ERR_USAGE',
      `${flag} ${JSON.stringify(file)} is larger than ${MAX_FILE_BYTES} bytes.`,
    )
  return buf.toString('utf8')
}
