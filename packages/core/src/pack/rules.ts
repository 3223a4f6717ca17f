// Handshake rules as every reader picks them (probes, PackTester, `packs validate`): the rules in force
// for a version, and the ones that match an answer, most specific first. A rule whose fragment contains
// another matching rule's fragment is more specific and always comes first, whatever the file order;
// a rule with no fragment (any body) comes last; otherwise version, service and pack order stands.
import type { Problem } from '../errors.js'
import type { HandshakeRule, ProviderPack, Service, Version } from '../generated/index.js'
import { pointerSegment as seg } from './safe-json.js'

/** The rules that apply to a version, in scope order: the version's, the service's, then the pack's. */
export function rulesInForce(pack: ProviderPack, service: Service, version: Version): HandshakeRule[] {
  return [
    ...(version.handshakeErrors ?? []),
    ...(service.handshakeErrors ?? []),
    ...(pack.handshakeErrors ?? []),
  ]
}

/** Whether a rule matches a status and body (status equal, plain case-sensitive substring). */
export function ruleMatchesAnswer(rule: HandshakeRule, status: number, body: string): boolean {
  return rule.status === status && (rule.bodyContains === undefined || body.includes(rule.bodyContains))
}

/**
 * The rules matching an answer, most specific first: how many of the other matching rules' fragments a
 * rule's own fragment strictly contains ("HMAC signature cannot be verified:enforced header 'host'…"
 * beats "HMAC signature cannot be verified"); a rule without a fragment ranks below every rule with one.
 * Ties keep the order of `rules`.
 */
export function rankedMatches(
  rules: readonly HandshakeRule[],
  status: number,
  body: string,
): HandshakeRule[] {
  const matched = rules.filter((r) => ruleMatchesAnswer(r, status, body))
  const depth = (r: HandshakeRule): number => {
    const own = r.bodyContains
    if (own === undefined) return -1
    return matched.filter(
      (o) =>
        o !== r && o.bodyContains !== undefined && o.bodyContains !== own && own.includes(o.bodyContains),
    ).length
  }
  return matched
    .map((rule, order) => ({ rule, order, depth: depth(rule) }))
    .sort((a, b) => b.depth - a.depth || a.order - b.order)
    .map((x) => x.rule)
}

/**
 * Warnings for rules another rule shadows: a rule's own example is taken by a more general rule that
 * comes first (their fragments do not contain each other, so file order decides). apidx could never
 * report the shadowed rule for the body it documents.
 */
export function shadowWarnings(pack: ProviderPack, file: string): Problem[] {
  const out = new Map<string, Problem>()
  for (const [sid, service] of Object.entries(pack.services)) {
    for (const [vid, version] of Object.entries(service.versions)) {
      const rules = rulesInForce(pack, service, version)
      for (const rule of rules) {
        if (rule.example === undefined) continue
        const first = rankedMatches(rules, rule.status, rule.example)[0]
        if (!first || first === rule || first.diagnosis === rule.diagnosis) continue
        const pointer = rulePointer(pack, sid, vid, rule)
        out.set(pointer, {
          file,
          pointer,
          message: `the ${rule.status} rule for ${rule.diagnosis} ("${rule.bodyContains ?? 'any body'}") is shadowed in ${sid}/${vid}: its example also matches the more general rule for ${first.diagnosis} ("${first.bodyContains ?? 'any body'}"), which is tried first`,
          remedy: `Make its bodyContains include the general rule's fragment (e.g. the whole message "${first.bodyContains ?? ''}…"), so it ranks as the more specific rule.`,
        })
      }
    }
  }
  return [...out.values()]
}

/** The JSON pointer of a rule object inside the pack. */
function rulePointer(pack: ProviderPack, sid: string, vid: string, rule: HandshakeRule): string {
  const service = pack.services[sid]!
  const v = service.versions[vid]?.handshakeErrors?.indexOf(rule) ?? -1
  if (v >= 0) return `/services/${seg(sid)}/versions/${seg(vid)}/handshakeErrors/${v}`
  const s = service.handshakeErrors?.indexOf(rule) ?? -1
  if (s >= 0) return `/services/${seg(sid)}/handshakeErrors/${s}`
  return `/handshakeErrors/${pack.handshakeErrors?.indexOf(rule) ?? -1}`
}
