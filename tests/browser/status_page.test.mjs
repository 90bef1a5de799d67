// The status page in a real browser: Debian's chromium, driven by
// playwright-core, against the real deckd binary on a free loopback port.
//
//   node --test status_page.test.mjs
//   env: DECKD_BINARY (required), SCREENSHOT_DIR (default ./screenshots),
//        CHROMIUM (default /usr/bin/chromium)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { lowContrastText } from './contrast.mjs';
import { Deckd, longDeck, waitFor } from './deckd.mjs';

const shots = process.env.SCREENSHOT_DIR || path.resolve('screenshots');
const TIMEOUT = 120_000;

const deckd = new Deckd();
let base, browser, context, page;
const consoleErrors = [];
const foreignRequests = [];

async function startDeckd(listen) {
  await deckd.start(listen);
  base = deckd.base;
}
const stopDeckd = () => deckd.stop();
const apiJson = (pathname, init) => deckd.api(pathname, init);

async function jobStatus(page) {
  return page.locator('#view-job .job-head .badge').textContent();
}

async function confirmDialog(page, button) {
  await page.locator('#view-job .job-actions button', { hasText: button }).click();
  await page.locator('#confirm').waitFor({ state: 'visible' });
  await page.locator('#confirm-ok').click();
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  await startDeckd();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(base)) foreignRequests.push(r.url()); });
});

after(async () => {
  await browser?.close();
  await deckd.remove();
});

test('the overview is live and shows counts, workers and the chart', { timeout: TIMEOUT }, async () => {
  await page.goto(base + '/');
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.locator('#cards .card').first().waitFor();
  assert.equal(await page.locator('#cards [data-stat="queued"]').textContent(), '0');
  assert.match(await page.locator('#cards').textContent(), /workers busy \/ idle0 \/ 2/);
  assert.equal(await page.locator('#cards [data-stat="queue depth"]').textContent(), '0');
  assert.equal(await page.locator('#cards [data-stat="jobs per minute"]').textContent(), '0.0');
  assert.match(await page.locator('#cards [data-stat="database"]').textContent(), /^\d+(\.\d)? (B|KB|MB)$/);
  assert.equal(await page.locator('#chart svg').count(), 1);
  assert.match(await page.locator('#chart svg').getAttribute('aria-label'), /^0 jobs finished in the last hour/);
});

test('a deck made in the form renders live to completed, and its video plays', { timeout: TIMEOUT }, async () => {
  await page.evaluate(() => { window.notReloaded = true; });
  await page.getByRole('link', { name: 'New presentation' }).click();
  await page.getByLabel('Project name').fill('Browser deck');
  await page.getByLabel('Resolution').selectOption('640x360');
  const first = page.locator('#slides > li').nth(0);
  await first.getByLabel('Title', { exact: true }).fill('Hello from the form');
  await first.getByLabel('Narration (spoken)').fill('Welcome. This deck was made in the status page form.');
  await page.getByRole('button', { name: 'Add slide' }).click();
  const second = page.locator('#slides > li').nth(1);
  await second.getByLabel('Title', { exact: true }).fill('What we do');
  await second.getByLabel('Bullets, one per line').fill('Render slides\nNarrate them\nMake a video');
  await second.getByLabel('Narration (spoken)').fill('We render slides, narrate them, and make a video of them all.');
  await page.getByRole('button', { name: 'Add slide' }).click();
  const third = page.locator('#slides > li').nth(2);
  await third.getByLabel('Title', { exact: true }).fill('Moved to the middle');
  await third.getByRole('button', { name: 'Move up' }).click();
  assert.equal(await page.locator('#slides > li').nth(1).getByLabel('Title', { exact: true }).inputValue(), 'Moved to the middle');
  await page.screenshot({ path: path.join(shots, 'new.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create presentation' }).click();

  await page.waitForURL(/#\/jobs\//);
  const seen = new Set();
  await waitFor('the job to complete', async () => {
    const bar = page.locator('#view-job [role="progressbar"]');
    if (await bar.count()) seen.add(Number(await bar.getAttribute('aria-valuenow')));
    return (await jobStatus(page)) === 'completed';
  }, 90_000);
  seen.add(Number(await page.locator('#view-job [role="progressbar"]').getAttribute('aria-valuenow')));
  const values = [...seen].sort((a, b) => a - b);
  assert.ok(values.some((v) => v > 0 && v < 100), `progress moved through: ${values}`);
  assert.equal(values[values.length - 1], 100);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');

  const video = page.locator('#view-job video');
  await video.waitFor();
  await video.evaluate((v) => { v.muted = true; return v.play(); });
  await waitFor('the video to have data', () => video.evaluate((v) => v.readyState >= 2));
  await video.evaluate((v) => new Promise((resolve) => { v.addEventListener('seeked', resolve, { once: true }); v.currentTime = 1.5; }));
  assert.ok(await video.evaluate((v) => v.duration > 3), 'the video is as long as its narration');
  assert.equal(await page.locator('#view-job .thumbs img').count(), 3);
  assert.ok(await page.locator('#view-job .files a', { hasText: 'presentation.pdf' }).count());
  const fields = await page.locator('#view-job dl.fields').textContent();
  assert.match(fields, /Attempts1 of 3/);
  assert.match(fields, /Slides3/);
  const timeline = await page.locator('#view-job .timeline').textContent();
  for (const step of ['Created', 'Started', 'Completed']) assert.ok(timeline.includes(step), `timeline has ${step}: ${timeline}`);
  await page.screenshot({ path: path.join(shots, 'job.png'), fullPage: true });

  await page.getByRole('link', { name: '← All jobs' }).click();
  const row = page.locator('#jobs-table tbody tr', { hasText: 'Browser deck' });
  await row.waitFor();
  assert.equal(await row.locator('.badge').textContent(), 'completed');
  await page.locator('#cards [data-stat="completed"]', { hasText: '1' }).waitFor();
  await waitFor('the chart to count it', async () =>
    /^1 jobs finished/.test(await page.locator('#chart svg').getAttribute('aria-label')));
  await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
});

test('the raw JSON box sends a request as the API takes it and shows what to fix', { timeout: TIMEOUT }, async () => {
  await page.goto(base + '/#/new');
  const { body: voices } = await apiJson('/api/voices');
  const { body: themes } = await apiJson('/api/themes');
  await waitFor('the voices', async () => (await page.getByLabel('Voice').locator('option').count()) === voices.voices.length);
  assert.equal(await page.getByLabel('Voice').inputValue(), voices.default);
  assert.equal(await page.getByLabel('Theme').locator('option').count(), themes.themes.length);
  assert.equal(await page.getByLabel('Theme').inputValue(), themes.default);

  await page.locator('#slides > li').first().getByLabel('Title', { exact: true }).fill('Carried over');
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  const box = page.getByLabel(/Request body/);
  assert.equal(JSON.parse(await box.inputValue()).slidesData[0].props.title, 'Carried over');
  const errors = page.locator('#raw-errors');
  const create = page.getByRole('button', { name: 'Create from JSON' });

  await box.fill('{"slidesData": [');
  await create.click();
  await waitFor('the JSON error', async () => /^Not valid JSON/.test(await errors.textContent()));

  await box.fill(JSON.stringify({ resolution: [100, 100], slidesData: [{ props: { title: 'x' } }] }));
  await create.click();
  await waitFor('the API error', async () => (await errors.locator('li code').count()) > 0);
  assert.equal(await errors.locator('li code').first().textContent(), 'resolution');
  assert.match(page.url(), /#\/new$/);
  const expected = consoleErrors.findIndex((m) => /status of 400/.test(m));
  assert.ok(expected >= 0);
  consoleErrors.splice(expected, 1);

  await box.fill(JSON.stringify({
    projectName: 'Raw deck', resolution: [640, 360], slideOnly: true,
    slidesData: [{ templateId: 'content-slide', props: { title: 'From JSON', backgroundColor: 'purple-ish' } }],
  }));
  await create.click();
  await page.waitForURL(/#\/jobs\//);
  await waitFor('the raw job to complete', async () => (await jobStatus(page)) === 'completed', 60_000);
  await waitFor('its warning', async () =>
    /backgroundColor/.test(await page.locator('#view-job .warnings').textContent().catch(() => '')));
  await page.goto(base + '/#/new');
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.locator('#new-form').waitFor({ state: 'visible' });
});

test('API validation errors show beside the field', { timeout: TIMEOUT }, async () => {
  await page.goto(base + '/#/new');
  const slide = page.locator('#slides > li').first();
  await slide.getByLabel('Subtitle').fill('x'.repeat(5001));  // the API's limit is 5000
  await page.getByRole('button', { name: 'Create presentation' }).click();
  const error = slide.locator('.field-error').nth(1);
  await waitFor('the field error', async () => /slide 1\.props\.subtitle is too long/.test(await error.textContent()));
  assert.equal(await slide.getByLabel('Subtitle').getAttribute('aria-invalid'), 'true');
  assert.match(page.url(), /#\/new$/);
  // Chromium logs the 400 it was meant to get; that one is not a page error.
  const expected = consoleErrors.findIndex((m) => /status of 400/.test(m));
  assert.ok(expected >= 0);
  consoleErrors.splice(expected, 1);
});

test('a running job can be cancelled, retried and deleted from its page', { timeout: TIMEOUT }, async () => {
  const created = await apiJson('/api/presentations', { method: 'POST', body: JSON.stringify(longDeck('Second deck')) });
  assert.equal(created.status, 201);
  const id = created.body.jobId;
  await page.goto(`${base}/#/jobs/${id}`);
  await waitFor('the job to run', async () => (await jobStatus(page)) === 'processing');
  assert.equal(await page.locator('.job-actions button', { hasText: 'Retry' }).isDisabled(), true);

  await confirmDialog(page, 'Cancel');
  await waitFor('cancelled', async () => (await jobStatus(page)) === 'cancelled');
  assert.equal(await page.locator('.job-actions button', { hasText: 'Cancel' }).isDisabled(), true);

  await confirmDialog(page, 'Retry');
  await waitFor('requeued', async () => ['queued', 'processing'].includes(await jobStatus(page)));

  await confirmDialog(page, 'Delete');
  await page.waitForURL(`${base}/#/`);
  assert.equal((await apiJson(`/api/presentations/${id}`)).status, 404);
  await waitFor('the row to go', async () => (await page.locator('#jobs-table tbody tr', { hasText: 'Second deck' }).count()) === 0);
});

test('search and status filter narrow the table', { timeout: TIMEOUT }, async () => {
  await page.goto(base + '/');
  await page.getByLabel('Search').fill('browser');
  await waitFor('the search', async () => (await page.locator('#jobs-table tbody tr').count()) === 1);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Status').selectOption('failed');
  await page.locator('#jobs-empty').waitFor({ state: 'visible' });
});

test('the table pages through more jobs than fit on one page', { timeout: TIMEOUT }, async () => {
  const tiny = (i) => ({ projectName: `Pager deck ${i}`, slideOnly: true, resolution: [320, 180],
    slidesData: [{ templateId: 'title-slide', props: { title: `Pager ${i}` } }] });
  for (let i = 1; i <= 55; i++) {
    assert.equal((await apiJson('/api/presentations', { method: 'POST', body: JSON.stringify(tiny(i)) })).status, 201);
  }
  await page.goto(base + '/');
  // The search applies after a pause in typing: wait for its answer, not just
  // for 50 rows (the unfiltered first page has 50 Pager decks too).
  const searched = page.waitForResponse((r) => r.url().includes('q=pager+deck') && !r.url().includes('cursor='));
  await page.getByLabel('Search').fill('pager deck');
  await searched;
  const rows = page.locator('#jobs-table tbody tr');
  const projects = () => rows.locator('.project').allTextContents();
  await waitFor('a full first page of the search',
    async () => { const p = await projects(); return p.length === 50 && p.every((t) => t.startsWith('Pager deck')); });
  assert.equal(await rows.first().locator('.project').textContent(), 'Pager deck 55');
  assert.equal(await page.locator('#newer').isDisabled(), true);
  await page.locator('#older').click();
  await waitFor('the second page', async () => (await rows.count()) === 5);
  assert.equal(await page.locator('#page-label').textContent(), 'Page 2');
  assert.equal(await rows.last().locator('.project').textContent(), 'Pager deck 1');
  assert.equal(await page.locator('#older').isDisabled(), true);
  await page.locator('#newer').click();
  await waitFor('back on the first page', async () => (await rows.count()) === 50);
  await page.getByLabel('Search').fill('');
});

test('the page is usable at phone width and by keyboard', { timeout: TIMEOUT }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/');
  await page.locator('#jobs-table tbody tr').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: path.join(shots, 'overview-phone.png'), fullPage: true });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('every view has readable text contrast (WCAG AA)', { timeout: TIMEOUT }, async () => {
  const { body } = await apiJson('/api/presentations?limit=1&status=completed');
  for (const view of ['#/', '#/new', `#/jobs/${body.jobs[0].jobId}`]) {
    await page.goto(`${base}/${view}`);
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.locator('main .view:not([hidden]) :is(td, input, h1, dd)').first().waitFor();
    assert.deepEqual(await page.evaluate(lowContrastText), [], `low contrast on ${view}`);
  }
  // The check itself can fail: grey on near-black is caught.
  await page.evaluate(() => {
    const p = Object.assign(document.createElement('p'), { textContent: 'faint', id: 'faint' });
    p.style.cssText = 'color:#444;background:#111';
    document.querySelector('main').append(p);
  });
  assert.equal((await page.evaluate(lowContrastText)).length, 1);
  await page.evaluate(() => document.getElementById('faint').remove());
});

test('the page shows when it is disconnected and recovers by itself', { timeout: TIMEOUT }, async () => {
  await page.goto(base + '/');
  await page.locator('#connection[data-state="live"]').waitFor();
  const errorsBefore = consoleErrors.length;
  await stopDeckd();
  await page.locator('#connection[data-state="down"]').waitFor();
  await startDeckd(base.replace('http://', ''));
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: 30_000 });
  await page.locator('#jobs-table tbody tr', { hasText: 'Pager deck 55' }).waitFor();
  // The browser logs each refused reconnect; those are the outage, not page errors.
  const outage = consoleErrors.splice(errorsBefore);
  assert.ok(outage.every((m) => /ERR_CONNECTION_REFUSED|Failed to load resource|EventSource/.test(m)), outage.join('\n'));
});

test('no console errors and no requests outside deckd', () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
