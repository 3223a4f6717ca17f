// Loads apidx's config (found by search.ts) as untrusted input: prototype keys and YAML alias bombs
// rejected, validated against config.schema.json; `${env:NAME}` in credentials is read lazily, per provider.
import path from 'node:path'
import type { Problem } from '../errors.js'
import type { ApidxConfig } from '../generated/index.js'
import { DEFAULT_LIMITS, pointerSegment, quote } from '../pack/safe-json.js'
import { checkShape } from '../pack/shape.js'
import { invalidConfig } from './problems.js'
import { findConfig, type ConfigScope } from './search.js'

/** Where and how to look for config. */
export interface ConfigOptions {
  cwd?: string
  /** Load `.js`/`.ts` config files (they run code). Off unless the user opts in. */
  allowCode?: boolean
  env?: NodeJS.ProcessEnv
}

/** A validated config and its file. Credentials keep their `${env:NAME}` references (see providerCredentials). */
export interface LoadedConfig {
  config: ApidxConfig
  /** The file it came from; absent when no config was found. */
  file?: string
  /** `user` for the home folder and the user config folder; `project` otherwise (it may be a cloned repository's). */
  scope?: ConfigScope
  /** The file's text, for `apidx config trust` (its hash is what is trusted). */
  text?: string
}

/** Finds, reads and validates the config that applies to `cwd` (searching up to the home folder, then the user config folder). */
export async function loadConfig(options: ConfigOptions = {}): Promise<LoadedConfig> {
  const found = await findConfig(options.cwd ?? process.cwd(), options.allowCode === true, options.env)
  if (!found) return { config: {} }
  return {
    config: await checkConfig(found.value, found.file),
    file: found.file,
    scope: found.scope,
    text: found.text,
  }
}

/**
 * Validates a config value read from `file`. `${env:NAME}` references are checked for syntax only:
 * they are read when a command uses that provider (providerCredentials), so a variable another
 * provider needs never blocks this one.
 */
export async function checkConfig(value: unknown, file: string): Promise<ApidxConfig> {
  const problems = [...scanUntrusted(value, file), ...(await checkShape('config', value, file))]
  if (problems.length) throw invalidConfig(file, problems)
  const config = value as ApidxConfig
  const malformed: Problem[] = []
  for (const [id, p] of Object.entries(config.providers ?? {})) {
    for (const [name, raw] of Object.entries(p.credentials ?? {})) {
      const pointer = `/providers/${pointerSegment(id)}/credentials/${pointerSegment(name)}`
      // A reference apidx cannot read would otherwise be sent to the vendor as a literal credential.
      for (const m of raw.matchAll(/\$\{env:[^}]*\}?/g)) {
        if (!ENV_REF.test(m[0]))
          malformed.push({
            file,
            pointer,
            message: `${quote(m[0], 60)} is not a valid environment reference`,
            remedy: 'Write ${env:NAME}, NAME being letters, digits and underscores.',
          })
      }
    }
  }
  if (malformed.length) throw invalidConfig(file, malformed)
  const dir = path.dirname(file)
  if (config.packs) config.packs = config.packs.map((p) => path.resolve(dir, p))
  return config
}

const ENV_REF = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/

/** One provider's config credentials, read from the environment now; an unset variable is named, not an error. */
export interface ConfigCredentials {
  /** Values by credential name, for the credentials whose references are all set. */
  values: Record<string, string>
  /** Credentials whose `${env:NAME}` is not set: the credential and the variable the user must set. */
  unset: { name: string; variable: string }[]
  /** Every variable the provider's config references, by credential name. */
  variables: Record<string, string[]>
}

/** Interpolates `${env:NAME}` in one provider's config credentials, in one pass (a value is never itself interpolated). */
export function providerCredentials(
  config: ApidxConfig,
  providerId: string,
  env: NodeJS.ProcessEnv = process.env,
): ConfigCredentials {
  const out: ConfigCredentials = { values: {}, unset: [], variables: {} }
  const own =
    config.providers && Object.hasOwn(config.providers, providerId) ? config.providers[providerId] : undefined
  for (const [name, raw] of Object.entries(own?.credentials ?? {})) {
    const missing: string[] = []
    const used: string[] = []
    const value = raw.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
      used.push(variable)
      const v = env[variable]
      if (v === undefined || v === '') missing.push(variable)
      return v ?? ''
    })
    if (used.length) out.variables[name] = used
    if (missing.length) out.unset.push({ name, variable: missing[0]! })
    else if (value) out.values[name] = value
  }
  return out
}

/**
 * Rejects prototype keys and excessive depth in a loaded value. Shared objects (YAML aliases) are
 * visited once, so an alias bomb costs linear time.
 */
function scanUntrusted(value: unknown, file: string): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<object>()
  const stack: { v: unknown; at: string; depth: number }[] = [{ v: value, at: '', depth: 0 }]
  while (stack.length) {
    const { v, at, depth } = stack.pop()!
    if (!v || typeof v !== 'object' || seen.has(v)) continue
    seen.add(v)
    if (depth > DEFAULT_LIMITS.maxDepth) {
      problems.push({
        file,
        pointer: at,
        message: `nesting is deeper than ${DEFAULT_LIMITS.maxDepth} levels`,
        remedy: 'Config never needs deep nesting.',
      })
      break
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        problems.push({
          file,
          pointer: `${at}/${pointerSegment(key)}`,
          message: `the key ${quote(key)} is not allowed`,
          remedy: 'Remove it.',
        })
        continue
      }
      stack.push({
        v: (v as Record<string, unknown>)[key],
        at: `${at}/${pointerSegment(key)}`,
        depth: depth + 1,
      })
    }
  }
  return problems
}
