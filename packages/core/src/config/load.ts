// Loads apidx's config (found by search.ts) as untrusted input: prototype keys and YAML alias bombs
// rejected, validated against config.schema.json, and `${env:NAME}` interpolated in credentials.
import path from 'node:path'
import type { Problem } from '../errors.js'
import type { ApidxConfig } from '../generated/index.js'
import { DEFAULT_LIMITS, pointerSegment, quote } from '../pack/safe-json.js'
import { checkShape } from '../pack/shape.js'
import { findConfig, invalidConfig } from './search.js'

/** Where and how to look for config. */
export interface ConfigOptions {
  cwd?: string
  /** Load `.js`/`.ts` config files (they run code). Off unless the user opts in. */
  allowCode?: boolean
  env?: NodeJS.ProcessEnv
}

/** A validated, interpolated config and its file. */
export interface LoadedConfig {
  config: ApidxConfig
  /** The file it came from; absent when no config was found. */
  file?: string
}

/** Finds, reads and validates the config that applies to `cwd` (searching up to the home folder, then the user config folder). */
export async function loadConfig(options: ConfigOptions = {}): Promise<LoadedConfig> {
  const found = await findConfig(options.cwd ?? process.cwd(), options.allowCode === true)
  if (!found) return { config: {} }
  return { config: await checkConfig(found.value, found.file, options.env ?? process.env), file: found.file }
}

/** Validates and interpolates a config value read from `file`. */
export async function checkConfig(
  value: unknown,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<ApidxConfig> {
  const problems = [...scanUntrusted(value, file), ...(await checkShape('config', value, file))]
  if (problems.length) throw invalidConfig(file, problems)
  const config = value as ApidxConfig
  const missing: Problem[] = []
  for (const [id, p] of Object.entries(config.providers ?? {})) {
    for (const [name, raw] of Object.entries(p.credentials ?? {})) {
      const pointer = `/providers/${pointerSegment(id)}/credentials/${pointerSegment(name)}`
      // A reference apidx cannot read would otherwise be sent to the vendor as a literal credential.
      for (const m of raw.matchAll(/\$\{env:[^}]*\}?/g)) {
        if (!/^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(m[0]))
          missing.push({
            file,
            pointer,
            message: `${quote(m[0], 60)} is not a valid environment reference`,
            remedy: 'Write ${env:NAME}, NAME being letters, digits and underscores.',
          })
      }
      // One pass: a variable's value is never itself interpolated.
      p.credentials![name] = raw.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
        const v = env[variable]
        if (v === undefined)
          missing.push({
            file,
            pointer,
            message: `refers to \${env:${variable}}, which is not set`,
            remedy: `Set ${variable} in the environment, or remove the entry.`,
          })
        return v ?? ''
      })
    }
  }
  if (missing.length) throw invalidConfig(file, missing)
  const dir = path.dirname(file)
  if (config.packs) config.packs = config.packs.map((p) => path.resolve(dir, p))
  return config
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
