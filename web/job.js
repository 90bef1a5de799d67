// One job: its fields, timeline, error and warnings, slides, the video, its
// files, and Cancel / Retry / Delete (confirmed, enabled only where the state
// machine allows). Live events re-render it without touching the player.
import { api, apiUrl, badge, bytes, canCancel, canRetry, confirmAction, el, progressBar, when } from './api.js';

export function createJobView() {
  const root = document.getElementById('view-job');
  let current = null;  // the job shown
  let player = null;   // kept across re-renders so playback is not interrupted
  let playerSrc = '';

  function videoPanel(job) {
    if (!job.videoUrl) return null;
    const src = apiUrl(job.videoUrl);
    if (src !== playerSrc) {
      playerSrc = src;
      const poster = job.thumbnailUrl ? apiUrl(job.thumbnailUrl) : null;
      player = el('video', { controls: true, preload: 'metadata', src, poster, 'aria-label': 'Presentation video' });
      const captions = job.createdFiles.find((f) => f.contentType === 'text/vtt');
      if (captions) player.append(el('track', { kind: 'captions', src: apiUrl(captions.url), srclang: 'en', label: 'Narration' }));
    }
    return el('section', { class: 'panel', 'aria-label': 'Video' }, player);
  }

  function actions(job) {
    const act = async (label, question, run) => {
      if (!(await confirmAction(question, label))) return;
      try { await run(); } catch (e) { alertBox(e.message); }
    };
    const base = `/api/presentations/${job.jobId}`;
    return el('div', { class: 'job-actions' },
      el('button', { type: 'button', disabled: !canCancel(job),
        onclick: () => act('Cancel job', `Cancel “${job.projectName}”? A running render stops.`,
          () => api(`${base}/cancel`, { method: 'POST' })) }, 'Cancel'),
      el('button', { type: 'button', disabled: !canRetry(job),
        onclick: () => act('Retry job', `Run “${job.projectName}” again from the queue?`,
          () => api(`${base}/retry`, { method: 'POST' })) }, 'Retry'),
      el('button', { type: 'button', class: 'danger',
        onclick: () => act('Delete job', `Delete “${job.projectName}” and all its files? This cannot be undone.`,
          async () => { await api(base, { method: 'DELETE' }); location.hash = '#/'; }) }, 'Delete'));
  }

  function alertBox(message) {
    const box = root.querySelector('.action-error');
    if (box) { box.textContent = message; box.hidden = false; }
  }

  function fields(job) {
    const rows = [
      ['Job id', job.jobId], ['Status', job.status], ['Stage', job.stage || '—'],
      ['Slides', job.slideCount], ['Attempts', `${job.attempts} of ${job.maxAttempts}`],
      ['Duration', job.durationSeconds != null ? `${job.durationSeconds.toFixed(1)} s` : '—'],
      ['Last heartbeat', when(job.lastHeartbeat)],
    ];
    return el('dl', { class: 'fields' }, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  }

  function timeline(job) {
    const steps = [['Created', job.createdAt], ['Started', job.startedAt], ['Updated', job.updatedAt],
      [job.status === 'completed' ? 'Completed' : 'Finished', job.completedAt]];
    return el('ol', { class: 'timeline' }, steps.filter(([, t]) => t).map(([k, t]) =>
      el('li', {}, el('strong', { text: `${k}: ` }), when(t))));
  }

  function slides(job) {
    const pngs = job.createdFiles.filter((f) => f.contentType === 'image/png');
    if (!pngs.length) return null;
    return el('section', { class: 'panel', 'aria-labelledby': 'slides-h' },
      el('h2', { id: 'slides-h', text: 'Slides' }),
      el('ul', { class: 'thumbs' }, pngs.map((f, i) => el('li', {},
        el('a', { href: apiUrl(f.url), target: '_blank', rel: 'noopener' },
          el('img', { src: apiUrl(f.url), alt: `Slide ${i + 1}`, loading: 'lazy' }))))));
  }

  function files(job) {
    if (!job.createdFiles.length) return null;
    return el('section', { class: 'panel', 'aria-labelledby': 'files-h' },
      el('h2', { id: 'files-h', text: 'Downloads' }),
      el('ul', { class: 'files' }, job.createdFiles.map((f) => el('li', {},
        el('a', { href: apiUrl(f.url), download: f.name, text: f.name }), ` — ${bytes(f.bytes)}, ${f.contentType}`))));
  }

  function problems(job) {
    const parts = [];
    if (job.error) parts.push(el('div', { class: 'error-box', role: 'alert' }, el('strong', { text: 'Error: ' }), job.error));
    if (job.warnings.length) {
      parts.push(el('h2', { text: 'Warnings' }), el('ul', { class: 'warnings' }, job.warnings.map((w) => el('li', { text: w }))));
    }
    return parts.length ? el('section', { class: 'panel' }, parts) : null;
  }

  function render(job) {
    current = job;
    root.replaceChildren(
      el('p', {}, el('a', { href: '#/', text: '← All jobs' })),
      el('div', { class: 'job-head' },
        el('div', {}, el('h1', { id: 'job-title', text: job.projectName || job.jobId }), ' ', badge(job.status), ' ', progressBar(job)),
        actions(job)),
      el('p', { class: 'form-error action-error', role: 'alert', hidden: true }),
      el('div', { class: 'job-grid' },
        el('div', {}, videoPanel(job), slides(job), files(job)),
        el('div', {}, problems(job),
          el('section', { class: 'panel', 'aria-labelledby': 'details-h' }, el('h2', { id: 'details-h', text: 'Details' }), fields(job)),
          el('section', { class: 'panel', 'aria-labelledby': 'timeline-h' }, el('h2', { id: 'timeline-h', text: 'Timeline' }), timeline(job)))));
  }

  async function show(id) {
    if (!current || current.jobId !== id) { player = null; playerSrc = ''; }
    root.replaceChildren(el('p', { text: 'Loading…' }));
    try {
      render(await api(`/api/presentations/${encodeURIComponent(id)}`));
    } catch (e) {
      current = null;
      root.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: e.status === 404 ? 'No such job (it may have been deleted).' : e.message }),
        el('p', {}, el('a', { href: '#/', text: '← All jobs' })));
    }
  }

  function apply(event) {
    if (!current || event.jobId !== current.jobId) return;
    if (!event.job) {
      current = null;
      root.replaceChildren(el('p', { role: 'status', text: 'This job was deleted.' }), el('p', {}, el('a', { href: '#/', text: '← All jobs' })));
      return;
    }
    render(event.job);
  }

  return { show, apply, refresh: () => current && show(current.jobId) };
}
