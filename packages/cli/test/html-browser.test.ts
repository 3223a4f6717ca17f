// The HTML report in a real browser: Debian's headless Chromium (installed by .ci/run) driven by
// playwright-core loads a failing report, logs no console error, requests nothing from the network,
// exposes its headings, tables and waterfall to assistive technology, and leaves a screenshot in .ci/out.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check } from '../src/api/check.js'
import { renderCheckHtml } from '../src/render/check-html.js'

const CHROMIUM = '/usr/bin/chromium'
const OUT = fileURLToPath(new URL('../../../.ci/out/', import.meta.url))
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (.ci/run does: apt-get install -y chromium).`,
    )
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
}, 30_000)
afterAll(async () => {
  await browser?.close()
})

describe('the HTML report in headless Chromium', () => {
  it('loads without console errors or requests, accessibly, and is kept as a screenshot', async () => {
    const report = await check({ provider: 'iflytek', service: 'iat', mock: 'clock-skew' })
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'apidx-html-')), 'report.html')
    writeFileSync(file, renderCheckHtml(report))
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    expect(problems).toEqual([])
    expect(requests).toEqual([pathToFileURL(file).href])

    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      captions: document.querySelectorAll('table > caption').length,
      tables: document.querySelectorAll('table').length,
      bars: [...document.querySelectorAll('.waterfall .bar')].map(
        (b) => (b as HTMLElement).getBoundingClientRect().width,
      ),
      scripts: document.scripts.length,
    }))
    expect(facts.lang).toBe('en')
    expect(facts.h1).toEqual(['apidx check: iflytek iat v2 — FAIL'])
    expect(facts.h2).toEqual(['Root cause: clock/skew', 'Failure chain', 'Timing', 'Evidence'])
    expect(facts.captions).toBe(facts.tables)
    expect(facts.scripts).toBe(0)
    // The waterfall draws a visible bar for each phase measured.
    expect(facts.bars.length).toBeGreaterThan(1)
    for (const w of facts.bars) expect(w).toBeGreaterThan(0)
    const fix = page.getByText('Fix:', { exact: false }).first()
    expect(await fix.isVisible()).toBe(true)

    mkdirSync(OUT, { recursive: true })
    await page.screenshot({ path: path.join(OUT, 'check-report.png'), fullPage: true })
    expect(existsSync(path.join(OUT, 'check-report.png'))).toBe(true)
    await page.close()
  }, 30_000)
})
