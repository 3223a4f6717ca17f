// clock: is the local clock within the vendor's skew limit? Measured from the server's Date header on
// the one connection's answer, against the pack's `maxSkewSeconds`; a rejection the pack maps to
// `clock/skew` counts too, with the measured offset when there is one.
import { defineProbe } from '@apidx/core'
import { matchingRules, vendorName } from '../shared/rules.js'
import { declaredCode } from '../shared/frames.js'

export default defineProbe({
  meta: {
    id: 'clock',
    title: 'Clock',
    description: "Compares the local clock with the server's Date header against the pack's skew limit.",
    after: ['websocket', 'http'],
    appliesTo: { signedOnly: true },
    findings: {
      'clock/skew': {
        severity: 'error',
        description:
          "The local clock is outside the vendor's skew limit, or the server rejected the request's timestamp.",
      },
    },
    docs: 'docs/findings.md#clock',
  },
  async run(ctx) {
    const ex = await ctx.exchange()
    const { target } = ctx
    const scheme = target.pack.auth[target.version.auth ?? ''] as
      { maxSkewSeconds?: number; timestamp?: string } | undefined
    const limit = scheme?.maxSkewSeconds
    const dateHeader = ex.response?.headers.date ?? ex.upgradeHeaders?.date
    const server = dateHeader ? Date.parse(dateHeader) : NaN
    const localAt =
      ex.response?.receivedAt ??
      (ex.sentAt !== undefined ? ex.sentAt + (ex.timings.handshake ?? 0) : undefined)
    const offset =
      Number.isFinite(server) && localAt !== undefined ? Math.round((localAt - server) / 1000) : undefined
    const vendor = vendorName(target)
    const describe = (s: number) =>
      s === 0
        ? 'Local clock matches the server'
        : `Local clock is ${Math.abs(s)} s ${s > 0 ? 'ahead of' : 'behind'} the server`
    const fixText = (ruleFix?: string) =>
      ruleFix ??
      `Synchronise this machine's clock (NTP: e.g. \`sudo timedatectl set-ntp true\` or \`w32tm /resync\`), then retry.`
    // A REST body with a code the pack declares is the vendor-error link's (its entry names the skew).
    const coded =
      ex.protocol === 'http' &&
      ex.response !== undefined &&
      declaredCode(target, ex.response.body) !== undefined
    const rule =
      ex.response && !coded
        ? matchingRules(target, ex.response).find((r) => r.diagnosis === 'clock/skew')
        : undefined
    const data = {
      ...(offset !== undefined ? { offsetSeconds: offset } : {}),
      ...(limit !== undefined ? { maxSkewSeconds: limit } : {}),
      ...(dateHeader ? { serverDate: dateHeader } : {}),
      ...(ex.response ? { status: ex.response.status } : {}),
    }
    if (offset !== undefined && limit !== undefined && Math.abs(offset) > limit) {
      return ctx.report({
        code: 'clock/skew',
        message: `${describe(offset)} (${vendor} allows ${limit} s).`,
        fix: fixText(rule?.fix),
        data,
      })
    }
    if (rule) {
      return ctx.report({
        code: 'clock/skew',
        message: `The server rejected the request's date: ${rule.meaning}${offset !== undefined ? ` ${describe(offset)}${limit !== undefined ? ` (${vendor} allows ${limit} s)` : ''}.` : ''}`,
        fix: fixText(rule.fix),
        data,
      })
    }
  },
})
