// Signing parameters a host names: AWS endpoints carry their region as one DNS label
// (transcribestreaming.eu-west-1.amazonaws.com), and a request there must be signed for it. A version's
// `signingParamsFromHost` says where, as a host template with one `{name}` label; matched by plain
// prefix and suffix, never a pattern.
import type { Version } from '../generated/index.js'

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** The parameters `hostname` gives through the version's templates; none for a host no template fits. */
export function hostParams(version: Version, hostname: string): Record<string, string> {
  const out: Record<string, string> = {}
  const host = hostname.toLowerCase()
  for (const [name, template] of Object.entries(version.signingParamsFromHost ?? {})) {
    const parts = template.toLowerCase().split(`{${name.toLowerCase()}}`)
    if (parts.length !== 2) continue
    const [prefix, suffix] = parts as [string, string]
    if (host.length <= prefix.length + suffix.length || !host.startsWith(prefix) || !host.endsWith(suffix))
      continue
    const value = host.slice(prefix.length, host.length - suffix.length)
    if (LABEL.test(value)) out[name] = value
  }
  return out
}

/** What is wrong with a template for `name`: it must hold `{name}` exactly once as a whole DNS label. */
export function hostTemplateProblem(name: string, template: string): string | undefined {
  const parts = template.split(`{${name}}`)
  if (parts.length !== 2) return `must hold {${name}} exactly once`
  const [prefix, suffix] = parts as [string, string]
  if ((prefix !== '' && !prefix.endsWith('.')) || (suffix !== '' && !suffix.startsWith('.')))
    return `{${name}} must be a whole DNS label (between dots)`
  if (/[{}]/.test(prefix + suffix)) return 'may hold no other placeholder'
  return undefined
}
