/**
 * The live stream ({@code GET /api/stream}, Server-Sent Events) read with fetch rather than EventSource:
 * Vigil's heartbeat is an SSE comment, which EventSource never shows to the page, and a quiet clinic must not
 * look like a dead connection (nor a dead connection like a quiet clinic). This reader sees every byte, so any
 * event or heartbeat proves the connection alive; silence for two heartbeat intervals, an error or the end of
 * the stream counts as lost. It then reconnects by itself, backing off from 1 s to 5 s, and says so.
 *
 * Callbacks: onEvent(name, data), onOpen() after every (re)connection, onLost(reason), onUnauthorized().
 */
export class LiveStream {

  constructor(url, { heartbeatMs, onEvent, onOpen, onLost, onUnauthorized }) {
    this.url = url;
    this.silenceMs = Math.max(2 * heartbeatMs, 2000);
    this.handlers = { onEvent, onOpen, onLost, onUnauthorized };
    this.lastActivity = 0;
    this.connected = false;
    this.retryMs = 1000;
    this.controller = null;
    this.watchdog = null;
    this.generation = 0;
  }

  start() {
    this.watchdog = setInterval(() => this.checkSilence(), 250);
    this.connect();
  }

  checkSilence() {
    if (this.connected && Date.now() - this.lastActivity > this.silenceMs) {
      this.lost(`no data or heartbeat for ${Math.round((Date.now() - this.lastActivity) / 1000)} s`);
    }
  }

  async connect() {
    const generation = ++this.generation;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await fetch(this.url, {
        headers: { Accept: 'text/event-stream' }, credentials: 'same-origin', cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401) {
        this.handlers.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error(`stream answered ${response.status}`);
      }
      this.connected = true;
      this.retryMs = 1000;
      this.lastActivity = Date.now();
      this.handlers.onOpen();
      await this.read(response.body, generation);
      if (generation === this.generation) {
        this.lost('the server closed the stream');
      }
    } catch (e) {
      if (generation === this.generation) {
        this.lost(e.name === 'AbortError' ? 'stream aborted' : `cannot reach Vigil (${e.message})`);
      }
    }
  }

  lost(reason) {
    this.connected = false;
    this.generation++;
    if (this.controller) {
      this.controller.abort();
    }
    this.handlers.onLost(reason);
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    setTimeout(() => this.connect(), delay);
  }

  async read(body, generation) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done || generation !== this.generation) {
        return;
      }
      this.lastActivity = Date.now();
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) {
            this.dispatch(name, data.join('\n'));
          }
          name = 'message';
          data = [];
        } else if (line.startsWith(':')) {
          continue;
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.substring(0, colon);
          let content = colon < 0 ? '' : line.substring(colon + 1);
          if (content.startsWith(' ')) {
            content = content.substring(1);
          }
          if (field === 'event') {
            name = content;
          } else if (field === 'data') {
            data.push(content);
          }
        }
      }
    }
  }

  dispatch(name, text) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    this.handlers.onEvent(name, parsed);
  }
}
