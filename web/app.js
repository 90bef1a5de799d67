// The status page: routes (#/, #/jobs/<id>, #/new) and the live connection
// that keeps every view current without reloading.
import { connectLive } from './live.js';
import { createJobView } from './job.js';
import { createJobsTable } from './jobs.js';
import { createNewForm } from './new.js';
import { createOverview } from './overview.js';

const overview = createOverview();
const jobs = createJobsTable();
const jobView = createJobView();
const newForm = createNewForm();
const views = {
  overview: document.getElementById('view-overview'),
  job: document.getElementById('view-job'),
  new: document.getElementById('view-new'),
};

// `moved`: the person navigated, so focus goes to the new view (not on load,
// where the skip link should come first).
function route(moved) {
  const hash = location.hash || '#/';
  const jobMatch = hash.match(/^#\/jobs\/([^/]+)$/);
  const name = jobMatch ? 'job' : hash === '#/new' ? 'new' : 'overview';
  for (const [key, view] of Object.entries(views)) view.hidden = key !== name;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (name === 'job') jobView.show(decodeURIComponent(jobMatch[1]));
  if (name === 'new') newForm.show();
  if (name === 'overview') { overview.refresh(); jobs.load(); }
  if (moved) document.getElementById('main').focus({ preventScroll: true });
}

// The overview is cheap but not free: at most one refresh a second.
let overviewTimer = null;
function refreshOverviewSoon() {
  if (overviewTimer) return;
  overviewTimer = setTimeout(() => { overviewTimer = null; if (!views.overview.hidden) overview.refresh(); }, 1000);
}

connectLive({
  onJob(event) {
    jobs.apply(event);
    jobView.apply(event);
    if (event.type !== 'progress') refreshOverviewSoon();
  },
  onReset() {
    jobs.load();
    jobView.refresh();
    refreshOverviewSoon();
  },
});
// The chart's "now" moves even when nothing happens.
setInterval(refreshOverviewSoon, 30000);
window.addEventListener('hashchange', () => route(true));
route(false);
