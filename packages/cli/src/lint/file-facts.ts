// Which vendor a file talks to, and how it signs: decided from its string literals alone (a pack
// host or URL, a signing scheme's marker such as `tc3_request`), before any rule runs.
import type { Endpoint, PackFacts, Scheme } from './facts.js'
import type { FileFacts } from './rule.js'
import { descendants, type LintNode } from './tree.js'

/** True when a host is one of the pack host patterns (`*.xfyun.cn` or an exact name). */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase()
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1))
  return h === pattern
}

/** The host names a string holds: in a URL, or as the whole (trimmed) string. */
export function hostsIn(value: string): string[] {
  const out: string[] = []
  for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/([a-z0-9.-]+)/gi))
    if (m[1]) out.push(m[1].toLowerCase())
  const bare = value.trim()
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(bare)) out.push(bare.toLowerCase().replace(/:\d+$/, ''))
  return out
}

/** The provider whose hosts include this host, if any. */
export function providerOfHost(host: string, facts: PackFacts): string | undefined {
  return facts.hostPatterns.find((p) => hostMatches(host, p.pattern))?.provider
}

export function fileFacts(root: LintNode, facts: PackFacts): FileFacts {
  const endpoints = new Set<Endpoint>()
  const schemes = new Set<Scheme>()
  let integration = false
  for (const n of descendants(root)) {
    if (n.kind !== 'string' || n.value === undefined) continue
    const value = n.value
    for (const host of hostsIn(value)) {
      if (!providerOfHost(host, facts)) continue
      integration = true
      for (const e of facts.endpoints) if (e.host === host) endpoints.add(e)
    }
    const lower = value.toLowerCase()
    for (const s of facts.schemes)
      if (s.markers.some((m) => lower.includes(m))) {
        schemes.add(s)
        integration = true
      }
  }
  for (const e of endpoints) {
    const s = facts.schemes.find((x) => x.provider === e.provider && x.id === e.auth)
    if (s) schemes.add(s)
  }
  return { endpoints: [...endpoints], schemes: [...schemes], integration }
}
