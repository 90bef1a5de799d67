// The live connection: GET /api/events through EventSource, which reconnects
// by itself and sends Last-Event-ID so deckd resumes where it left off. The
// indicator in the header says whether the page is live.

export function connectLive({ onJob, onReset }) {
  const indicator = document.getElementById('connection');
  const show = (state, text) => {
    indicator.dataset.state = state;
    indicator.textContent = text;
  };
  let source = null;
  let retryTimer = null;

  function open() {
    show('connecting', 'Connecting…');
    source = new EventSource('/api/events');
    source.addEventListener('open', () => show('live', 'Live'));
    source.addEventListener('job', (e) => onJob(JSON.parse(e.data)));
    source.addEventListener('reset', () => onReset());
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The server refused (e.g. 503): EventSource gives up; try again later.
        show('down', 'Disconnected — retrying');
        clearTimeout(retryTimer);
        retryTimer = setTimeout(open, 3000);
      } else {
        show('down', 'Disconnected — reconnecting');
      }
    });
  }
  open();
}
