// The overview: counts per status, workers, queue, database size, throughput,
// and a per-minute chart of the last hour (plain SVG).
import { api, bytes, el, STATUSES } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(label, value, status) {
  return el('div', { class: status ? 'card status' : 'card', style: status ? { '--dot': `var(--${status})` } : null },
    el('p', { class: 'label', text: label }),
    el('p', { class: 'value', text: value, 'data-stat': status || label }));
}

function renderCards(stats) {
  const cards = document.getElementById('cards');
  const w = stats.workers;
  cards.replaceChildren(
    ...STATUSES.map((s) => card(s, stats.counts[s] ?? 0, s)),
    card('workers busy / idle', `${w.busy} / ${w.idle}`),
    card('queue depth', stats.queueDepth),
    card('jobs per minute', stats.jobsPerMinute.toFixed(1)),
    card('database', bytes(stats.databaseBytes)));
}

function renderChart(minutes) {
  const width = 600, height = 120, top = 2, bottom = 2;
  const plot = height - top - bottom;
  const max = Math.max(1, ...minutes.map((m) => Math.max(m.completed + m.failed, m.created)));
  const step = width / minutes.length;
  const y = (v) => top + plot - (v / max) * plot;
  const total = minutes.reduce((n, m) => n + m.completed + m.failed, 0);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': `${total} jobs finished in the last hour; at most ${max} in one minute` });
  minutes.forEach((m, i) => {
    const x = i * step + 1, w = Math.max(1, step - 2);
    if (m.completed) chart.append(svg('rect', { class: 'bar-completed', x, width: w, y: y(m.completed), height: y(0) - y(m.completed) }));
    if (m.failed) {
      const base = y(m.completed);
      chart.append(svg('rect', { class: 'bar-failed', x, width: w, y: base - (y(0) - y(m.failed)), height: y(0) - y(m.failed) }));
    }
  });
  const points = minutes.map((m, i) => `${(i + 0.5) * step},${y(m.created)}`).join(' ');
  chart.append(svg('polyline', { class: 'line-created', points }));
  // Labels are HTML: the SVG stretches to the box, which would stretch text.
  document.getElementById('chart').replaceChildren(
    el('p', { class: 'axis', text: `${max} per minute` }), chart,
    el('p', { class: 'axis ends' }, el('span', { text: '60 min ago' }), el('span', { text: 'now' })));
}

// Fetches and draws the overview; coalesces calls made while one is running.
export function createOverview() {
  let running = null;
  let again = false;
  async function refresh() {
    if (running) { again = true; return running; }
    running = (async () => {
      try {
        const stats = await api('/api/stats');
        renderCards(stats);
        renderChart(stats.lastHour);
      } catch (e) {
        console.warn('overview refresh failed', e.message);
      }
    })();
    await running;
    running = null;
    if (again) { again = false; return refresh(); }
  }
  return { refresh };
}
