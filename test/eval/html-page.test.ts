import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval, type EvalResult } from '../../src/eval/index.ts';
import { launchBundledChromium, type BundledChromium } from '../support/bundled-chromium.ts';
import { CI_SUITE, REPO, tempDir } from './support.ts';

// The browser comes from npm (@sparticuz/chromium), so this test runs wherever `npm install` did,
// CI included; it never skips.
describe('eval HTML page in headless Chromium', () => {
  let chromium: BundledChromium;
  let browser: BrowserContext;
  let result: EvalResult;
  let dir: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    dir = tempDir();
    result = await runEval(CI_SUITE, { outDir: dir.path, cwd: REPO });
    chromium = await launchBundledChromium();
    browser = await chromium.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await chromium?.[Symbol.asyncDispose]();
    await dir?.[Symbol.asyncDispose]();
  });

  it('loads with no console errors and highlights every claim by verdict, with its reason on hover', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(result.files.html).href, { waitUntil: 'load' });
    if (process.env['FLOWLENS_EVAL_SCREENSHOT']) await page.screenshot({ path: process.env['FLOWLENS_EVAL_SCREENSHOT'], fullPage: false });

    expect(errors).toEqual([]);
    expect(result.reports.filter((r) => r.status === 'failed').map((r) => r.error)).toEqual([]);
    // Self-contained: the page itself is the only thing loaded.
    expect(requests).toEqual([pathToFileURL(result.files.html).href]);
    expect(await page.title()).toBe('flowlens eval: ci');

    const counts = await page.$$eval('.narrative mark.claim', (marks) =>
      marks.reduce<Record<string, number>>((acc, m) => ((acc[m.getAttribute('data-verdict')!] = (acc[m.getAttribute('data-verdict')!] ?? 0) + 1), acc), {}),
    );
    const [v1, v2] = result.metrics;
    // Every contradicted and unsupported claim is highlighted (overlaps only ever hide supported spans in this suite).
    expect(counts['contradicted']).toBe(v1!.contradicted + v2!.contradicted);
    expect(counts['unsupported']).toBe(v1!.unsupported + v2!.unsupported);
    expect(counts['supported']).toBeGreaterThan(200);

    // Side by side: one column per prompt version in every flow section.
    expect(await page.$$eval('section.flow', (s) => s.map((x) => x.querySelectorAll(':scope .versions > .version').length))).toEqual([2, 2, 2, 2]);

    const netherlands = page.locator('section#flow-3943031 .version:first-child mark.claim', { hasText: 'Netherlands' });
    expect(await netherlands.getAttribute('class')).toBe('claim v-unsupported');
    expect(await netherlands.getAttribute('title')).toMatch(/^UNSUPPORTED \(entity\): .*country or geolocation/);
    const swapped = page.locator('section#flow-3943031 mark.claim', { hasText: '3370 packets' });
    expect(await swapped.getAttribute('title')).toMatch(/^CONTRADICTED \(quantity\): src_in_pkts_sum is 3,730 packets.*\nEvidence: src_in_pkts_sum = 3730/s);
    expect(await page.locator('mark.claim.v-supported').first().getAttribute('title')).toMatch(/^SUPPORTED \(.+\): .+\nEvidence: /);

    // Hover shows the tooltip with the same text; unticking a verdict hides its highlights.
    await swapped.hover();
    expect(await page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip').textContent()).toBe(await swapped.getAttribute('title'));
    await page.locator('.legend input[data-verdict="supported"]').uncheck();
    expect(await page.locator('body').evaluate((b) => b.classList.contains('hide-supported'))).toBe(true);
    expect(await page.locator('mark.claim.v-supported').first().evaluate((m) => m.ownerDocument.defaultView!.getComputedStyle(m).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await netherlands.evaluate((m) => m.ownerDocument.defaultView!.getComputedStyle(m).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors).toEqual([]);
  }, 60_000);
});
