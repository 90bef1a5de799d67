// The jobs table: newest first, filtered by status and search, paged with
// deckd's cursors (one page in memory, however many jobs exist), and patched
// in place as live events arrive.
import { age, api, badge, el, progressBar } from './api.js';

const PAGE_SIZE = 50;

function row(job) {
  const open = () => { location.hash = `#/jobs/${job.jobId}`; };
  return el('tr', { 'data-job': job.jobId, onclick: open },
    el('td', {}, badge(job.status)),
    el('td', {}, progressBar(job)),
    el('td', { class: 'stage wide', text: job.stage || '', title: job.stage || '' }),
    el('td', { class: 'project' }, el('a', { href: `#/jobs/${job.jobId}`, text: job.projectName || job.jobId })),
    el('td', { class: 'num wide', text: job.slideCount }),
    el('td', { class: 'age', 'data-created': job.createdAt, text: age(job.createdAt) }));
}

export function createJobsTable() {
  const body = document.querySelector('#jobs-table tbody');
  const filters = document.getElementById('filters');
  const newer = document.getElementById('newer');
  const older = document.getElementById('older');
  const pageLabel = document.getElementById('page-label');
  const empty = document.getElementById('jobs-empty');
  // cursors[i] is the cursor of page i (page 0 has none).
  let cursors = [null];
  let nextCursor = null;
  let rows = [];
  // Only the newest load() may draw: an older answer arriving late (a query
  // typed over, a page clicked past) must not replace what was asked last.
  let loads = 0;

  const filter = () => ({ status: filters.status.value, q: filters.q.value.trim() });

  function matches(job) {
    const f = filter();
    if (f.status && job.status !== f.status) return false;
    if (f.q && !job.jobId.startsWith(f.q) && !(job.projectName || '').toLowerCase().includes(f.q.toLowerCase())) return false;
    return true;
  }

  function draw() {
    body.replaceChildren(...rows.map(row));
    empty.hidden = rows.length > 0;
    newer.disabled = cursors.length <= 1;
    older.disabled = !nextCursor;
    pageLabel.textContent = `Page ${cursors.length}`;
  }

  async function load() {
    const f = filter();
    const params = new URLSearchParams({ limit: PAGE_SIZE });
    if (f.status) params.set('status', f.status);
    if (f.q) params.set('q', f.q);
    const cursor = cursors[cursors.length - 1];
    if (cursor) params.set('cursor', cursor);
    const mine = ++loads;
    try {
      const page = await api(`/api/presentations?${params}`);
      if (mine !== loads) return;
      rows = page.jobs;
      nextCursor = page.nextCursor;
      draw();
    } catch (e) {
      console.warn('job list failed', e.message);
    }
  }

  function restart() {
    cursors = [null];
    load();
  }

  let typing = null;
  filters.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(restart, 250); });
  filters.addEventListener('submit', (e) => { e.preventDefault(); restart(); });
  older.addEventListener('click', () => { cursors.push(nextCursor); load(); });
  newer.addEventListener('click', () => { cursors.pop(); load(); });
  setInterval(() => {
    for (const cell of body.querySelectorAll('td.age')) cell.textContent = age(cell.dataset.created);
  }, 15000);

  // A live change: update the row in place, add a new job on the first page,
  // drop a deleted or no longer matching one.
  function apply(event) {
    const i = rows.findIndex((j) => j.jobId === event.jobId);
    const job = event.job;
    if (!job || !matches(job)) {
      if (i >= 0) { rows.splice(i, 1); draw(); }
      return;
    }
    if (i >= 0) {
      rows[i] = job;
      const old = body.querySelector(`tr[data-job="${CSS.escape(job.jobId)}"]`);
      if (old) old.replaceWith(row(job)); else draw();
      return;
    }
    if (cursors.length === 1 && (rows.length === 0 || job.jobId > rows[rows.length - 1].jobId)) {
      rows.push(job);
      rows.sort((a, b) => (a.jobId < b.jobId ? 1 : -1));
      if (rows.length > PAGE_SIZE) { rows.length = PAGE_SIZE; nextCursor = rows[rows.length - 1].jobId; }
      draw();
    }
  }

  return { load, apply };
}
