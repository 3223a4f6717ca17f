// Chooses the rendering of `apidx check` for a format: one report or a fleet. Pure: text in, text out.
import type { CheckReport, FleetReport } from '@apidx/core'
import { renderCheck } from './check.js'
import { junitDocument, renderCheckMarkdown } from './check-formats.js'
import { renderCheckHtml, renderFleetHtml } from './check-html.js'
import { renderFleetMarkdown, renderFleetTable } from './fleet.js'
import { renderSarif } from './sarif.js'

export const CHECK_FORMATS = ['pretty', 'json', 'markdown', 'junit', 'html', 'sarif'] as const
export type CheckFormat = (typeof CHECK_FORMATS)[number]

export interface OutputContext {
  color: boolean
  toolVersion: string
  /** The file SARIF results point at (the targets file or config), when there is one. */
  artifact?: string
}

/** One report in `format`. */
export function renderReportAs(format: CheckFormat, r: CheckReport, ctx: OutputContext): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n'
  if (format === 'markdown') return renderCheckMarkdown(r)
  if (format === 'junit') return junitDocument([r])
  if (format === 'html') return renderCheckHtml(r)
  if (format === 'sarif') return renderSarif([r], sarifOptions(ctx))
  return renderCheck(r, ctx.color)
}

/** A fleet's reports in `format`: the pretty form is the one summary table. */
export function renderFleetAs(format: CheckFormat, fleet: FleetReport, ctx: OutputContext): string {
  const names = fleet.summary.targets.map((t) => t.name)
  if (format === 'json') return JSON.stringify(fleet, null, 2) + '\n'
  if (format === 'markdown') return renderFleetMarkdown(fleet)
  if (format === 'junit') return junitDocument(fleet.reports, names)
  if (format === 'html') return renderFleetHtml(fleet)
  if (format === 'sarif') return renderSarif(fleet.reports, { ...sarifOptions(ctx), names })
  return renderFleetTable(fleet, ctx.color)
}

function sarifOptions(ctx: OutputContext) {
  return { toolVersion: ctx.toolVersion, ...(ctx.artifact ? { artifact: ctx.artifact } : {}) }
}
