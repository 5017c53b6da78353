/** The page in Debian's chromium, driven by playwright-core: load, pay, see the chart change, screenshot. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serve, type Served } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');

let server: Served;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'omega-web-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1000, height: 1100 } });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('load the page, make a payment, the chart changes, save a screenshot', async () => {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.base}/?seed=7`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

  const bandBefore = await page.getAttribute('#band-outer', 'd');
  const versionBefore = Number(await page.getAttribute('#chart', 'data-version'));
  expect(bandBefore).toMatch(/^M[\d.]+ [\d.]+ L/);
  expect(await page.locator('#chart g.milestone').count()).toBeGreaterThan(0);
  expect(await page.locator('#chart circle.payment').count()).toBe(0);
  const balanceBefore = await page.textContent('#balance');

  await page.fill('#amount', '2500');
  await page.click('#pay-button');
  // A string predicate: it runs in the page, and this package's types have no DOM.
  await page.waitForFunction(`Number(document.getElementById('chart').getAttribute('data-version')) > ${versionBefore}`);

  expect(await page.textContent('#status')).toMatch(/^Paid \$2,500 to m\d+\.$/);
  expect(await page.locator('#chart circle.payment').count()).toBe(1);
  expect(await page.getAttribute('#band-outer', 'd')).not.toBe(bandBefore);
  expect(await page.textContent('#balance')).not.toBe(balanceBefore);
  expect(await page.textContent('#payments')).toContain('$2,500');

  await mkdir(OUTPUT, { recursive: true });
  const shot = join(OUTPUT, 'page-after-payment.png');
  await page.screenshot({ path: shot, fullPage: true });
  expect((await stat(shot)).size).toBeGreaterThan(10_000);
  expect(pageErrors).toEqual([]);
});
