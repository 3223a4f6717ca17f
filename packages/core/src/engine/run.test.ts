// The runner's contract with probes: order, concurrency, skips with reasons, crashes recorded.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { resolveTarget } from '../pack/target.js'
import { createRegistry, defineProbe } from './define.js'
import { planChain } from './plan.js'
import { runChecks } from './run.js'
import type { Probe, ProbeMeta } from './types.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const target = resolveTarget(pack, { service: 'iat', endpoint: 'wss://127.0.0.1:1/v2/iat' })

const meta = (id: string, after: string[] = [], extra: Partial<ProbeMeta> = {}): ProbeMeta => ({
  id,
  title: id,
  description: id,
  after,
  findings: {
    'test/broken': { severity: 'error', description: 'x' },
    'test/odd': { severity: 'warning', description: 'y' },
  },
  ...extra,
})
const ok = (id: string, after: string[] = []) => defineProbe({ meta: meta(id, after), run: () => {} })
const failing = (id: string, after: string[] = []) =>
  defineProbe({
    meta: meta(id, after),
    run: (ctx) => ctx.report({ code: 'test/broken', message: `${id} broke`, fix: 'fix it' }),
  })
const run = (probes: Probe[]) => runChecks({ target, registry: createRegistry(probes), timeoutMs: 200 })

describe('runChecks', () => {
  it('skips the links after a broken one, with the reason', async () => {
    const r = await run([ok('a'), failing('b', ['a']), ok('c', ['b']), ok('d', ['c'])])
    expect(r.links.map((l) => [l.id, l.status, l.reason])).toEqual([
      ['a', 'ok', null],
      ['b', 'fail', null],
      ['c', 'skip', 'Not run: b failed (test/broken).'],
      ['d', 'skip', 'Not run: b failed (test/broken).'],
    ])
    expect(r.findings).toEqual([
      { code: 'test/broken', severity: 'error', probe: 'b', message: 'b broke', fix: 'fix it', data: {} },
    ])
  })

  it('records a throwing probe as engine/probe-crashed and runs the independent links', async () => {
    const thrower = defineProbe({
      meta: meta('boom'),
      run: () => {
        throw new Error('secret-in-message')
      },
    })
    const r = await run([thrower, ok('other')])
    expect(r.findings.map((f) => [f.code, f.probe])).toEqual([['engine/probe-crashed', 'boom']])
    expect(JSON.stringify(r)).not.toContain('secret-in-message')
    expect(r.links.map((l) => l.status)).toEqual(['fail', 'ok'])
  })

  it('treats an undeclared finding code as a crash of the probe', async () => {
    const rogue = defineProbe({
      meta: meta('rogue'),
      run: (ctx) => ctx.report({ code: 'test/undeclared', message: 'x' }),
    })
    const r = await run([rogue])
    expect(r.findings[0]?.code).toBe('engine/probe-crashed')
  })

  it('runs independent probes concurrently', async () => {
    // Order of events, not wall time: every independent probe starts before any of them ends.
    const events: string[] = []
    const slow = (id: string) =>
      defineProbe({
        meta: meta(id),
        run: async () => {
          events.push(`start ${id}`)
          await new Promise((res) => setTimeout(res, 20))
          events.push(`end ${id}`)
        },
      })
    await run([slow('x'), slow('y'), slow('z')])
    expect(events.slice(0, 3)).toEqual(['start x', 'start y', 'start z'])
  })

  it('a warning keeps the link working', async () => {
    const warn = defineProbe({
      meta: meta('w'),
      run: (ctx) => ctx.report({ code: 'test/odd', message: 'odd' }),
    })
    const r = await run([warn, ok('next', ['w'])])
    expect(r.links.map((l) => l.status)).toEqual(['warn', 'ok'])
  })
})

describe('the unplaced-failure invariant', () => {
  // Nothing listens on port 1: the connection fails at TCP, and these probes all stay silent about it.
  const silent = (id: string, after: string[] = []) =>
    defineProbe({
      meta: meta(id, after),
      run: async (ctx) => {
        await ctx.exchange()
      },
    })

  it('fails a run whose connection failed but no link said why, in the link owning the phase', async () => {
    const r = await run([silent('dns'), silent('tcp', ['dns']), silent('websocket', ['tcp'])])
    expect(r.exchange?.failure?.phase).toBe('tcp')
    expect(r.findings.map((f) => [f.code, f.probe, f.severity])).toEqual([
      ['engine/unplaced-failure', 'tcp', 'error'],
    ])
    expect(r.links.map((l) => [l.id, l.status])).toEqual([
      ['dns', 'ok'],
      ['tcp', 'fail'],
      ['websocket', 'ok'],
    ])
  })

  it('adds nothing when a link reported the failure', async () => {
    const r = await run([silent('dns'), failing('tcp', ['dns'])])
    expect(r.findings.map((f) => f.code)).toEqual(['test/broken'])
  })
})

describe('planChain', () => {
  it('replaces a dependency that does not apply by its own dependencies', () => {
    const plain = resolveTarget(pack, { service: 'iat', endpoint: 'ws://127.0.0.1:1/v2/iat' })
    const secureOnly = defineProbe({
      meta: meta('tls', ['tcp'], { appliesTo: { secureOnly: true } }),
      run: () => {},
    })
    const plan = planChain(plain, createRegistry([ok('tcp'), secureOnly, ok('ws', ['tls'])]))
    expect(plan.map((l) => [l.probe.meta.id, l.needs])).toEqual([
      ['tcp', []],
      ['ws', ['tcp']],
    ])
  })

  it('rejects duplicate probe ids', () => {
    expect(() => createRegistry([ok('a'), ok('a')])).toThrow('two probes have the id "a"')
  })
})
