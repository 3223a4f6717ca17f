// hardcoded-credential: a literal shaped like a pack's credential (declared length and prefix, a
// key-like charset) assigned to a key/secret/token name or passed to a client. The value is masked.
import { maskSecret } from '@apidx/core'
import type { CredentialFact } from '../facts.js'
import type { Rule } from '../rule.js'
import { flat, lastSegment, words, type LintNode } from '../tree.js'

/** Values that are placeholders from docs and templates, not keys. */
const PLACEHOLDER =
  /your|xxx|\*\*\*|<|>|example|placeholder|changeme|replace|dummy|fake|sample|demo|test|填|替换|你的|自己|\.\.\.|…/i
const KEY_CHARSET = /^[A-Za-z0-9+/=_\-.]+$/
const MIN_LENGTH = 16

export const hardcodedCredential: Rule = {
  meta: {
    docs: {
      description: "A literal shaped like a pack's credential written into the code.",
      url: 'https://github.com/apidx/apidx/blob/main/docs/lint.md#hardcoded-credential',
    },
    severity: 'error',
    messages: {
      literal: '{name} holds a literal {provider} {credential} ({masked}, {length} characters) in the code.',
    },
    fixes: {
      literal:
        'Read it from the environment ({env}) or a secret store, and rotate this one: it is in your history.',
    },
  },
  create(context) {
    // In a file that names its vendor, only that vendor's credentials are candidates.
    const providers = new Set([...context.file.endpoints, ...context.file.schemes].map((x) => x.provider))
    const vendorCredentials = () =>
      providers.size > 0
        ? context.facts.credentials.filter((c) => providers.has(c.provider))
        : context.facts.credentials
    const check = (n: LintNode, name: string | undefined) => {
      const value = n.children.find((c) => c.kind === 'string' && !c.partial)?.value
      if (value === undefined || !looksLikeKey(value)) return
      const byName = name ? vendorCredentials().filter((c) => c.secret && namesCredential(name, c)) : []
      const byPrefix = context.facts.credentials.filter((c) => c.prefixes.some((p) => value.startsWith(p)))
      const vendorWords =
        (name ? words(name).some((w) => context.facts.vocabulary.has(w)) : false) ||
        inVendorClient(n, context.facts.vocabulary)
      const cred =
        byPrefix.find((c) => fits(value, c)) ??
        (context.file.integration || vendorWords ? byName.find((c) => fits(value, c)) : undefined)
      if (!cred) return
      context.report({
        node: n,
        messageId: 'literal',
        data: {
          name: name ?? 'an argument',
          provider: cred.provider,
          credential: cred.id,
          masked: maskSecret(value),
          length: value.length,
          env: cred.env,
        },
      })
    }
    return {
      assign: (n) => check(n, n.name),
      property: (n) => check(n, n.name),
      keyword: (n) => check(n, n.name),
    }
  },
}

/** True when the literal is an argument of a client named after a vendor: `new OpenAI({ apiKey: … })`. */
function inVendorClient(n: LintNode, vocabulary: Set<string>): boolean {
  for (let p = n.parent; p && p.kind !== 'function'; p = p.parent)
    if (p.kind === 'call' && vocabulary.has(flat(lastSegment(p.name ?? '')))) return true
  return false
}

function looksLikeKey(value: string): boolean {
  return (
    value.length >= MIN_LENGTH &&
    KEY_CHARSET.test(value) &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !PLACEHOLDER.test(value)
  )
}

/** The name is the credential's: `API_SECRET`, `apiSecret`, `xf_api_secret` name apiSecret. */
function namesCredential(name: string, c: CredentialFact): boolean {
  const n = flat(name.split('.').pop() ?? name)
  return n.endsWith(flat(c.id)) || n === flat(c.env)
}

/** The value fits the credential's declared shape: its length and prefix when declared. */
function fits(value: string, c: CredentialFact): boolean {
  if (c.length !== undefined && value.length !== c.length) return false
  if (c.prefixes.length > 0 && !c.prefixes.some((p) => value.startsWith(p))) return false
  return true
}
