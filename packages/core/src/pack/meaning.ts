// Phase two of pack validation: what the schema cannot say. References between parts of the pack
// (auth schemes, successors, default versions, credentials), URLs inside the hosts allowlist, and
// response schemas limited to keywords that cannot run a slow pattern on a user's machine.
import type { Problem } from '../errors.js'
import type { ProviderPack, VendorError } from '../generated/index.js'
import { pointerSegment as seg, quote } from './safe-json.js'
import { hostAllowed } from './hosts.js'
import { urlCredentialNames } from './url-credentials.js'
import { hostTemplateProblem } from './host-params.js'
import { checkHostEntries, checkUrlTarget } from './host-rules.js'
import { getPointer } from '../engine/pointer.js'

/** Keywords a pack's response schema may not use: patterns could backtrack catastrophically, formats and remote refs reach outside the pack. */
const FORBIDDEN_SCHEMA_KEYWORDS = new Set([
  'pattern',
  'patternProperties',
  'format',
  '$id',
  '$schema',
  'dependencies',
  'if',
])

/** Keywords whose keys are names chosen by the author (a property called "format" is fine), not keywords. */
const NAMED_SUBSCHEMAS = new Set(['properties', 'definitions', '$defs', 'dependentSchemas'])

/** Returns every semantic problem of a shape-valid pack. */
export function checkMeaning(pack: ProviderPack, file: string): Problem[] {
  const problems: Problem[] = []
  const add = (pointer: string, message: string, remedy: string) =>
    problems.push({ file, pointer, message, remedy })
  const schemes = Object.keys(pack.auth)
  const credentials = Object.keys(pack.credentials)
  checkHostEntries(pack.hosts, add)

  for (const [schemeId, scheme] of Object.entries(pack.auth)) {
    for (const { pointer, name } of credentialRefs(scheme, `/auth/${seg(schemeId)}`)) {
      if (!credentials.includes(name))
        add(
          pointer,
          `refers to credential ${quote(name)}, which the pack does not declare`,
          `Declare it under /credentials or use one of: ${credentials.join(', ') || '(none)'}.`,
        )
      // An optional credential may only feed an optional `set` step: anywhere else its absence
      // breaks signing, and the user would get a crash instead of "set this variable".
      else if (isOptional(pack, name) && !inOptionalStep(scheme, pointer, `/auth/${seg(schemeId)}`)) {
        add(
          pointer,
          `uses the optional credential ${quote(name)} where the scheme cannot do without it`,
          `Use it only in a "set" step marked "optional": true, or remove "optional" from /credentials/${seg(name)}.`,
        )
      }
    }
  }

  for (const [serviceId, service] of Object.entries(pack.services)) {
    const base = `/services/${seg(serviceId)}`
    if (!Object.hasOwn(service.versions, service.defaultVersion)) {
      add(
        `${base}/defaultVersion`,
        `names version ${quote(service.defaultVersion)}, which the service does not have`,
        `Use one of: ${Object.keys(service.versions).join(', ')}.`,
      )
    }
    checkErrorTable(service.errors, `${base}/errors`, add)
    for (const [versionId, version] of Object.entries(service.versions)) {
      const at = `${base}/versions/${seg(versionId)}`
      checkErrorTable(version.errors, `${at}/errors`, add)
      if (version.auth !== null && !Object.hasOwn(pack.auth, version.auth)) {
        add(
          `${at}/auth`,
          `names auth scheme ${quote(version.auth)}, which the pack does not declare`,
          `Use one of: ${schemes.join(', ') || '(declare a scheme under /auth)'}, or null for no credentials.`,
        )
      }
      checkUrl(version.url, version.protocol, `${at}/url`, pack, add)
      for (const [name, template] of Object.entries(version.signingParamsFromHost ?? {})) {
        const problem = hostTemplateProblem(name, template)
        if (problem)
          add(
            `${at}/signingParamsFromHost/${seg(name)}`,
            `${quote(template)} ${problem}`,
            `Write the host with the parameter as one label, e.g. "service.{${name}}.example.com".`,
          )
        else if (!hostAllowed(pack, template.replace(`{${name}}`, 'x')))
          add(
            `${at}/signingParamsFromHost/${seg(name)}`,
            `${quote(template)} is outside the pack's hosts`,
            `Use a host that /hosts allows: ${pack.hosts.join(', ')}.`,
          )
      }
      if (version.status === 'sunset' && !version.sunsetDate)
        add(
          `${at}/sunsetDate`,
          'a sunset version has no sunsetDate',
          'Add the date the version stopped being served (YYYY-MM-DD).',
        )
      if (version.successor) {
        const target = version.successor.service ?? serviceId
        // Own keys only: a name like "toString" must not resolve through Object.prototype.
        const other = Object.hasOwn(pack.services, target) ? pack.services[target] : undefined
        if (!other)
          add(
            `${at}/successor/service`,
            `names service ${quote(target)}, which the pack does not have`,
            `Use one of: ${Object.keys(pack.services).join(', ')}.`,
          )
        else if (!Object.hasOwn(other.versions, version.successor.version))
          add(
            `${at}/successor/version`,
            `names version ${quote(version.successor.version)} of ${quote(target)}, which does not exist`,
            `Use one of: ${Object.keys(other.versions).join(', ')}.`,
          )
        else if (target === serviceId && version.successor.version === versionId)
          add(
            `${at}/successor`,
            'a version cannot succeed itself',
            'Name the version that replaces this one.',
          )
      }
      // Probe frames and query parameters are filled from credentials too.
      for (const part of ['probe', 'query'] as const) {
        for (const { pointer, name } of credentialRefs(version[part], `${at}/${part}`)) {
          if (!credentials.includes(name))
            add(
              pointer,
              `refers to credential ${quote(name)}, which the pack does not declare`,
              `Declare it under /credentials or use one of: ${credentials.join(', ') || '(none)'}.`,
            )
          else if (isOptional(pack, name))
            add(
              pointer,
              `uses the optional credential ${quote(name)}, which may be unset when the probe is sent`,
              `Remove "optional" from /credentials/${seg(name)}, or leave it out of the ${part}.`,
            )
        }
      }
      version.response?.legacy?.forEach((l, i) => {
        if (l.service !== undefined && !Object.hasOwn(pack.services, l.service))
          add(
            `${at}/response/legacy/${i}/service`,
            `names service ${quote(l.service)}, which the pack does not have`,
            `Use one of: ${Object.keys(pack.services).join(', ')}.`,
          )
      })
      if (version.response?.schema) checkSchema(version.response.schema, `${at}/response/schema`, add)
      version.response?.legacy?.forEach((l, i) =>
        checkSchema(l.schema, `${at}/response/legacy/${i}/schema`, add),
      )
    }
  }
  // A fingerprint says what it matches: a substring or a request-id shape, one of the two.
  pack.fingerprints?.forEach((f, i) => {
    if ((f.contains === undefined) === (f.requestIdShape === undefined))
      add(
        `/fingerprints/${i}`,
        f.contains === undefined ? 'matches nothing' : 'has both "contains" and "requestIdShape"',
        'Give exactly one of "contains" (a substring of error text) or "requestIdShape".',
      )
  })
  return problems
}

function checkUrl(
  raw: string,
  protocol: string,
  pointer: string,
  pack: ProviderPack,
  add: (p: string, m: string, r: string) => void,
): void {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    add(pointer, `${quote(raw)} is not an absolute URL`, 'Write the full URL, e.g. wss://host/path.')
    return
  }
  checkUrlTarget(url, pointer, add)
  if (!hostAllowed(pack, url.hostname))
    add(
      pointer,
      `host "${url.hostname}" is outside the pack's hosts`,
      `Add it (or a *.suffix covering it) to /hosts, which now allows: ${pack.hosts.join(', ')}.`,
    )
  const ws = url.protocol === 'ws:' || url.protocol === 'wss:'
  if (protocol === 'websocket' && !ws)
    add(
      pointer,
      `a websocket service has a ${url.protocol}// URL`,
      'Use ws:// or wss://, or set protocol to http.',
    )
  if (protocol === 'http' && ws)
    add(
      pointer,
      `an http service has a ${url.protocol}// URL`,
      'Use http:// or https://, or set protocol to websocket.',
    )
  if (url.username || url.password)
    add(
      pointer,
      'the URL carries a user name or password',
      'Credentials belong in /credentials, never in a URL.',
    )
  // `{cred.<name>}` (or its encoded form) only in the path, and only for declared, non-secret credentials.
  const everywhere = [...raw.matchAll(/(?:\{|%7B)cred\.([A-Za-z0-9_]+)(?:\}|%7D)/gi)].map((m) => m[1]!)
  if (everywhere.length === 0) return
  const inPath = urlCredentialNames(raw)
  if (
    everywhere.length !== [...pathOfRaw(raw).matchAll(/(?:\{|%7B)cred\.([A-Za-z0-9_]+)(?:\}|%7D)/gi)].length
  ) {
    add(
      pointer,
      'a {cred.<name>} placeholder is outside the URL path',
      "Placeholders may fill path segments only: never the host, port, query or fragment (credentials may only reach the pack's hosts).",
    )
  }
  for (const name of inPath) {
    const c = Object.hasOwn(pack.credentials, name) ? pack.credentials[name] : undefined
    if (!c)
      add(
        pointer,
        `refers to credential ${quote(name)}, which the pack does not declare`,
        `Declare it under /credentials or use one of: ${Object.keys(pack.credentials).join(', ') || '(none)'}.`,
      )
    else if (c.secret)
      add(
        pointer,
        `puts the secret credential ${quote(name)} in the URL path`,
        'Only non-secret values (an AppID) may be part of a URL: URLs are logged and shown.',
      )
    else if (c.optional)
      add(
        pointer,
        `puts the optional credential ${quote(name)} in the URL path, which breaks when it is unset`,
        `Remove "optional" from /credentials/${seg(name)}.`,
      )
  }
}

/** The path of a URL as written, before parsing (placeholders unencoded). */
function pathOfRaw(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(raw)?.[1] ?? ''
}

/** A message variant must be reachable (no earlier fragment inside its own) and its full text must select it. */
function checkErrorTable(
  table: Record<string, VendorError> | undefined,
  pointer: string,
  add: (p: string, m: string, r: string) => void,
): void {
  for (const [code, entry] of Object.entries(table ?? {})) {
    const variants = entry.byMessage ?? []
    variants.forEach((v, i) => {
      const at = `${pointer}/${seg(code)}/byMessage/${i}`
      const earlier = variants.findIndex((w, j) => j < i && v.contains.includes(w.contains))
      if (earlier >= 0)
        add(
          `${at}/contains`,
          `is never chosen: item ${earlier}'s fragment ${quote(variants[earlier]!.contains)} is part of it and comes first`,
          'Put the longer, more specific fragment first.',
        )
      else if (
        v.vendorText !== undefined &&
        variants.findIndex((w) => v.vendorText!.includes(w.contains)) !== i
      )
        add(
          `${at}/vendorText`,
          `does not select this item (it ${v.vendorText.includes(v.contains) ? "also contains an earlier item's fragment" : `lacks ${quote(v.contains)}`})`,
          "Make vendorText the message exactly as the vendor sends it, with this item's fragment in it.",
        )
    })
  }
}

function isOptional(pack: ProviderPack, name: string): boolean {
  return Object.hasOwn(pack.credentials, name) && pack.credentials[name]!.optional === true
}

/** True when the pointer lies inside a `set` step of the scheme that skips entries with absent values. */
function inOptionalStep(scheme: ProviderPack['auth'][string], pointer: string, base: string): boolean {
  if (!pointer.startsWith(`${base}/steps/`)) return false
  const index = Number(pointer.slice(base.length + '/steps/'.length).split('/')[0])
  const step = scheme.steps[index]
  return step?.op === 'set' && step.optional === true
}

/** Walks a response schema iteratively, reporting keywords outside the allowed subset. */
function checkSchema(schema: unknown, pointer: string, add: (p: string, m: string, r: string) => void): void {
  const stack: { value: unknown; at: string }[] = [{ value: schema, at: pointer }]
  while (stack.length) {
    const { value, at } = stack.pop()!
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, at: `${at}/${i}` }))
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_SCHEMA_KEYWORDS.has(k))
          add(
            `${at}/${seg(k)}`,
            `response schemas may not use ${quote(k)}`,
            'Describe frames with type, properties, required, items, enum, const and bounds only.',
          )
        else if (k === '$ref' && (typeof v !== 'string' || !v.startsWith('#')))
          add(
            `${at}/$ref`,
            'response schemas may only refer inside themselves',
            'Use a local "#/..." reference.',
          )
        // A dangling reference would crash the response probe at check time: resolve it now.
        else if (k === '$ref' && refTarget(schema, v as string) === undefined)
          add(
            `${at}/$ref`,
            `${quote(v as string)} points at nothing in the schema`,
            'Point it at a definition of this schema (e.g. "#/definitions/frame").',
          )
        // Property names and enum/const values are data, not keywords.
        else if (NAMED_SUBSCHEMAS.has(k) && v && typeof v === 'object' && !Array.isArray(v))
          for (const [name, sub] of Object.entries(v))
            stack.push({ value: sub, at: `${at}/${k}/${seg(name)}` })
        else if (k !== 'enum' && k !== 'const' && k !== 'examples' && k !== 'default')
          stack.push({ value: v, at: `${at}/${seg(k)}` })
      }
    }
  }
}

/** What a local `#/…` reference points at in its schema, or undefined when it dangles. */
function refTarget(schema: unknown, ref: string): unknown {
  let pointer: string
  try {
    pointer = decodeURIComponent(ref.slice(1))
  } catch {
    return undefined
  }
  if (pointer !== '' && !pointer.startsWith('/')) return undefined
  return getPointer(schema, pointer)
}

/** Every `{cred.<name>}` reference inside a value, with its pointer. */
function credentialRefs(value: unknown, pointer: string): { pointer: string; name: string }[] {
  const found: { pointer: string; name: string }[] = []
  const stack: { value: unknown; at: string }[] = [{ value, at: pointer }]
  while (stack.length) {
    const { value: v, at } = stack.pop()!
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\{cred\.([A-Za-z0-9_]+)\}/g)) found.push({ pointer: at, name: m[1]! })
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, at: `${at}/${i}` }))
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) stack.push({ value: x, at: `${at}/${seg(k)}` })
  }
  return found
}
