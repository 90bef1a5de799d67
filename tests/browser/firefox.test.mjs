// The status page in Firefox: Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core, against the real deckd binary. The Chromium test
// (status_page.test.mjs) covers every feature; this one walks the main path
// again in the other engine: live overview, the form, live progress to
// completed, the video playing, cancel and retry, no console errors.
//
//   node --test firefox.test.mjs
//   env: DECKD_BINARY (required), SCREENSHOT_DIR (default ./screenshots),
//        FIREFOX (default /usr/bin/firefox-esr)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { Deckd, longDeck, waitFor } from './deckd.mjs';

const shots = process.env.SCREENSHOT_DIR || path.resolve('screenshots');
const TIMEOUT = 120_000;

const deckd = new Deckd();
let browser, page;
const consoleErrors = [];
const foreignRequests = [];

const text = (selector) => page.$eval(selector, (e) => e.textContent);
const jobStatus = () => text('#view-job .job-head .badge').catch(() => null);

// Live updates redraw the buttons, so the one to click is found and clicked
// in one step. (No puppeteer locators or waitForFunction here: they eval in
// the page, which deckd's Content-Security-Policy rightly refuses on
// bookworm's firefox-esr 140.)
async function clickAndConfirm(label) {
  await page.$$eval('#view-job .job-actions button',
    (buttons, wanted) => buttons.find((b) => b.textContent === wanted).click(), label);
  await page.waitForSelector('#confirm[open]');
  await page.click('#confirm-ok');
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  await deckd.start();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    // The window's own size: setting a viewport needs BiDi commands that
    // bookworm's firefox-esr 140 (without bookworm-security) lacks.
    defaultViewport: null,
    args: ['--width=1280', '--height=900'],
    extraPrefsFirefox: { 'media.autoplay.default': 0 },
  });
  page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // Firefox reports the data: fonts of its own video controls; those never leave the machine.
  page.on('request', (r) => {
    if (!r.url().startsWith(deckd.base) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
});

after(async () => {
  await browser?.close();
  await deckd.remove();
});

test('Firefox: the overview is live', { timeout: TIMEOUT }, async () => {
  await page.goto(deckd.base + '/');
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForSelector('#cards [data-stat="queued"]');
  assert.equal(await text('#cards [data-stat="queued"]'), '0');
  assert.equal((await page.$$('#chart svg')).length, 1);
});

test('Firefox: a deck made in the form renders live to completed and plays', { timeout: TIMEOUT }, async () => {
  await page.evaluate(() => { window.notReloaded = true; });
  await page.click('a[data-nav="new"]');
  await page.waitForSelector('#view-new:not([hidden]) #slides > li');
  await page.type('#new-form input[name="projectName"]', 'Firefox deck');
  await page.select('#new-form select[name="resolution"]', '640x360');
  await page.type('#slides > li:nth-child(1) input[name="title"]', 'Hello from Firefox');
  await page.type('#slides > li:nth-child(1) textarea[name="narration"]', 'This deck was made in Firefox.');
  await page.click('#new-form button[type="submit"]');

  await waitFor('the job page', () => page.evaluate(() => location.hash.startsWith('#/jobs/')));
  const seen = new Set();
  const progress = () => page.$eval('#view-job [role="progressbar"]', (e) => Number(e.getAttribute('aria-valuenow')))
    .then((v) => seen.add(v), () => {});
  await waitFor('the job to complete', async () => {
    await progress();
    return (await jobStatus()) === 'completed';
  }, 90_000);
  await progress();
  assert.ok(seen.has(100), `progress reached 100: ${[...seen]}`);
  assert.ok([...seen].some((v) => v > 0 && v < 100), `progress moved through: ${[...seen]}`);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');

  await page.waitForSelector('#view-job video');
  await page.$eval('#view-job video', (v) => { v.muted = true; return v.play(); });
  await waitFor('the video to have data', () => page.$eval('#view-job video', (v) => v.readyState >= 2));
  assert.ok(await page.$eval('#view-job video', (v) => v.duration > 1), 'the video has its length');
  await page.screenshot({ path: path.join(shots, 'firefox-job.png'), fullPage: true });
});

test('Firefox: a running job is cancelled and retried from its page', { timeout: TIMEOUT }, async () => {
  const created = await deckd.api('/api/presentations', { method: 'POST', body: JSON.stringify(longDeck('Firefox long')) });
  assert.equal(created.status, 201);
  await page.goto(`${deckd.base}/#/jobs/${created.body.jobId}`);
  await waitFor('the job to run', async () => (await jobStatus()) === 'processing');
  await clickAndConfirm('Cancel');
  await waitFor('cancelled', async () => (await jobStatus()) === 'cancelled');
  await clickAndConfirm('Retry');
  await waitFor('requeued', async () => ['queued', 'processing'].includes(await jobStatus()));
  await deckd.api(`/api/presentations/${created.body.jobId}/cancel`, { method: 'POST' });
});

test('Firefox: no console errors and no requests outside deckd', () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
