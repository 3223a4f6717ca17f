// Renders `apidx packs new | install | uninstall` results as text. Pure functions: data in, text out.
import type { InstallRecord } from '@apidx/core'
import { paint } from '../style.js'

/** What `packs new` returns. */
export interface ScaffoldView {
  id: string
  dir: string
  files: string[]
  schema: { kind: 'copied' | 'repo'; ref: string }
}

/** What `packs install` returns. */
export interface InstallView {
  id: string
  name: string
  location: string
  record: InstallRecord
  replaced?: { kind: 'installed'; record?: InstallRecord } | { kind: 'builtin'; package: string }
}

/** What `packs uninstall` returns. */
export interface UninstallView {
  id: string
  location: string
  record?: InstallRecord
  builtinRestored?: string
}

/** `acme-cloud` at a relative path when it is shorter, so the next steps read as typed. */
function shown(dir: string, cwd: string): string {
  const rel = dir.startsWith(cwd + '/') ? `./${dir.slice(cwd.length + 1)}` : dir
  return rel.length < dir.length ? rel : dir
}

export function renderScaffold(view: ScaffoldView, cwd: string): string {
  const at = shown(view.dir, cwd)
  const schema =
    view.schema.kind === 'repo'
      ? `$schema points at ${view.schema.ref}`
      : `$schema points at the schema copies beside it (${view.schema.ref})`
  return [
    `${paint('green', '✓')} Created pack "${view.id}" in ${at}`,
    ...view.files.map((f) => `  ${f}`),
    `  ${paint('dim', schema)}`,
    '',
    'Next:',
    `  1. Replace the placeholders in ${at}/pack.json from the vendor's docs (checklist in README.md).`,
    `  2. apidx packs validate ${at}`,
    `  3. apidx packs test ${at}`,
  ].join('\n')
}

function from(record: InstallRecord): string {
  const pkg =
    record.source.package && record.source.package !== record.source.spec ? ` (${record.source.package})` : ''
  return `${record.source.kind} ${record.source.spec}${pkg}`
}

export function renderInstall(view: InstallView): string {
  const r = view.record
  const lines = [
    `${paint('green', '✓')} Installed ${view.id} ${r.version} (${view.name}) from ${from(r)}`,
    `  into ${view.location}`,
  ]
  if (view.replaced?.kind === 'installed')
    lines.push(
      `  replaced the installed ${view.id}${view.replaced.record ? ` ${view.replaced.record.version} from ${from(view.replaced.record)}` : ''}`,
    )
  if (view.replaced?.kind === 'builtin')
    lines.push(
      `  ${paint('yellow', '!')} shadows the built-in ${view.replaced.package}; apidx packs uninstall ${view.id} restores it`,
    )
  lines.push(`  ${paint('dim', `pack.json ${r.integrity.pack}`)}`)
  if (r.integrity.tarball) lines.push(`  ${paint('dim', `tarball   ${r.integrity.tarball}`)}`)
  lines.push(`  ${paint('dim', 'No package scripts were run; only the pack file was copied.')}`)
  return lines.join('\n')
}

export function renderUninstall(view: UninstallView): string {
  const what = view.record ? ` ${view.record.version}, installed from ${from(view.record)}` : ''
  const lines = [`${paint('green', '✓')} Uninstalled ${view.id}${what}`, `  removed ${view.location}`]
  if (view.builtinRestored) lines.push(`  the built-in ${view.builtinRestored} is used again`)
  return lines.join('\n')
}
