// What both browser tests share: a real deckd on a free loopback port with
// a throw-away data dir, polling with a deadline, and JSON calls to its API.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Polls `check` until it returns a truthy value or the deadline passes.
export async function waitFor(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// One deckd child process. start() may be called again after stop() to
// restart it on the same data dir (and, given `listen`, the same port).
export class Deckd {
  constructor(binary = process.env.DECKD_BINARY) {
    if (!binary) throw new Error('DECKD_BINARY must name the deckd executable');
    this.binary = binary;
    this.dir = mkdtempSync(path.join(tmpdir(), 'deckd-browser-'));
    this.child = null;
    this.base = null;
  }

  async start(listen = '127.0.0.1:0') {
    const log = path.join(this.dir, `deckd-${Date.now()}.log`);
    const out = openSync(log, 'w');
    const child = spawn(this.binary, ['serve', '--listen', listen, '--data-dir', path.join(this.dir, 'data'),
      '--workers', '2', '--events-heartbeat', '2'], { stdio: ['ignore', out, out] });
    this.child = child;
    const port = await waitFor('deckd to start', () => {
      if (child.exitCode !== null) throw new Error(`deckd exited:\n${readFileSync(log, 'utf8')}`);
      const m = readFileSync(log, 'utf8').match(/deckd\.started listen=127\.0\.0\.1:(\d+)/);
      return m && m[1];
    });
    this.base = `http://127.0.0.1:${port}`;
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async remove() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  // `pathname` with an optional JSON body; returns {status, body}.
  async api(pathname, init = {}) {
    const res = await fetch(this.base + pathname, {
      ...init, headers: init.body ? { 'Content-Type': 'application/json' } : {},
    });
    return { status: res.status, body: await res.json() };
  }
}

// A deck that keeps a worker busy for a while: many narrated slides.
export function longDeck(name) {
  const slides = Array.from({ length: 12 }, (_, i) => ({
    templateId: 'bullet-points',
    props: { title: `Slide ${i + 1}`, bullets: ['one', 'two'] },
    voiceoverText: 'This sentence is here to make the narration long enough to watch. '.repeat(4),
  }));
  return { projectName: name, resolution: [1280, 720], slidesData: slides };
}
