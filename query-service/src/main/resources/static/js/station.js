/**
 * The nurses' station: every chair live, alarms seen and heard, acknowledged with one press. State comes from
 * {@code GET /api/chairs}, then from the live stream; after a lost connection the page refetches everything.
 * While the stream is down the page says so and greys every tile: a stale screen must never look live.
 */
import * as api from './api.js';
import { AlarmSound, AUDIO_PAUSE_MS } from './audio.js';
import { clockSpan, compareChairs, timeOfDay } from './format.js';
import { LiveStream } from './stream.js';
import { createTile, updateTile } from './tile.js';
import { TREND_MINUTES, TrendHistory } from './trends.js';

/** While the stream is down the station sounds its own technical alarm: a screen that cannot see is a failure. */
const STATION_ALARM = { alarmId: 'station-connection', priority: 'MEDIUM', kind: 'TECHNICAL' };

const state = {
  chairs: new Map(),
  tiles: new Map(),
  pending: new Map(),
  history: new TrendHistory(),
  clockOffsetMs: 0,
  live: false,
  lostSince: null,
  lastUpdate: null,
  loadedAt: Date.now(),
  trendsServed: true,
};

const grid = document.getElementById('chairs');
const template = document.getElementById('tile-template');
const banner = document.getElementById('banner');
const bannerDetail = document.getElementById('banner-detail');
const connection = document.getElementById('connection');
const census = document.getElementById('census');
const clock = document.getElementById('clock');
const soundEnable = document.getElementById('sound-enable');
const audioPause = document.getElementById('audio-pause');

const sound = new AlarmSound({ onChange: renderSoundControls });

function now() {
  return Date.now() + state.clockOffsetMs;
}

function upsertChair(chair) {
  const previous = state.chairs.get(chair.chairId);
  state.chairs.set(chair.chairId, chair);
  state.history.observe(chair);
  if (chair.session && previous?.session?.sessionId !== chair.session.sessionId) {
    loadTrends(chair);
  }
}

function applyAlarm(alarm) {
  const chair = state.chairs.get(alarm.chairId);
  if (!chair) {
    return;
  }
  const others = (chair.activeAlarms ?? []).filter(a => a.alarmId !== alarm.alarmId);
  const activeAlarms = alarm.clearedAt ? others : [...others, alarm];
  state.chairs.set(alarm.chairId, { ...chair, activeAlarms });
  renderChair(alarm.chairId);
}

async function loadTrends(chair) {
  if (!state.trendsServed || !chair.session) {
    return;
  }
  try {
    const trends = await api.trends(chair.chairId, TREND_MINUTES);
    if (trends === null) {
      state.trendsServed = false;
    } else {
      state.history.merge(chair.chairId, chair.session.sessionId, trends.points);
      renderChair(chair.chairId);
    }
  } catch {
    // the page's own history stays; the next reconnection tries again
  }
}

async function loadChairs(refreshTrends) {
  const chairs = await api.chairs();
  const seen = new Set();
  for (const chair of chairs) {
    seen.add(chair.chairId);
    upsertChair(chair);
  }
  [...state.chairs.keys()].filter(id => !seen.has(id)).forEach(id => {
    state.chairs.delete(id);
    state.tiles.get(id)?.remove();
    state.tiles.delete(id);
  });
  if (refreshTrends) {
    chairs.filter(c => c.session).forEach(loadTrends);
  }
  state.lastUpdate = Date.now();
  renderAll();
}

function tileFor(chairId) {
  let tile = state.tiles.get(chairId);
  if (!tile) {
    tile = createTile(template, chairId);
    state.tiles.set(chairId, tile);
    const ids = [...state.tiles.keys()].sort(compareChairs);
    const next = ids[ids.indexOf(chairId) + 1];
    grid.insertBefore(tile, next ? state.tiles.get(next) : null);
    layout();
  }
  return tile;
}

function renderChair(chairId) {
  const chair = state.chairs.get(chairId);
  if (chair) {
    updateTile(tileFor(chairId), chair, { now: now(), history: state.history, pending: state.pending });
  }
}

function renderAll() {
  [...state.chairs.keys()].forEach(renderChair);
  renderHeader();
}

/** Columns for the chair count and width: as many as fit at ≥ 360 px, then balanced across rows. */
function layout() {
  const count = Math.max(1, state.tiles.size);
  const maxColumns = Math.max(1, Math.floor((grid.clientWidth + 12) / 372));
  const rows = Math.ceil(count / Math.min(count, maxColumns));
  const columns = Math.ceil(count / rows);
  grid.style.setProperty('--columns', columns);
  grid.style.setProperty('--rows', rows);
}

function unacknowledged() {
  const alarms = [...state.chairs.values()].flatMap(c => c.activeAlarms ?? []).filter(a => !a.acknowledgedBy);
  const streamDown = state.lostSince !== null && Date.now() - state.loadedAt > 5000;
  return streamDown ? [...alarms, STATION_ALARM] : alarms;
}

function renderHeader() {
  clock.textContent = timeOfDay(now());
  clock.dateTime = new Date(now()).toISOString();
  const sinceUpdate = state.lastUpdate === null ? null : Math.round((Date.now() - state.lastUpdate) / 1000);
  if (state.live) {
    connection.dataset.state = 'live';
    connection.textContent = `Live · last update ${sinceUpdate === null ? '—' : `${sinceUpdate} s ago`}`;
  } else {
    connection.dataset.state = 'lost';
    connection.textContent = state.lastUpdate === null ? 'Not connected'
      : `Stale · last update ${timeOfDay(state.lastUpdate + state.clockOffsetMs)}`;
  }
  const chairs = [...state.chairs.values()];
  const occupied = chairs.filter(c => c.session && !c.session.endedAt).length;
  const counts = ['HIGH', 'MEDIUM', 'LOW']
    .map(p => [p, chairs.flatMap(c => c.activeAlarms ?? []).filter(a => a.priority === p).length])
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${n} ${p}`);
  const waiting = chairs.flatMap(c => c.activeAlarms ?? []).filter(a => !a.acknowledgedBy).length;
  const summary = `${occupied} of ${chairs.length} chairs in session`
    + (counts.length ? ` · alarms: ${counts.join(', ')} · ${waiting} unacknowledged` : ' · no active alarms');
  if (census.textContent !== summary) {
    census.textContent = summary;
  }
  renderSoundControls();
}

function renderSoundControls() {
  soundEnable.hidden = sound.unlocked;
  audioPause.hidden = !sound.unlocked;
  const paused = sound.pausedFor(Date.now());
  audioPause.classList.toggle('paused', paused > 0);
  audioPause.textContent = paused > 0
    ? `Audio paused ${clockSpan(Math.ceil(paused / 1000))} — resume`
    : `Audio pause ${clockSpan(AUDIO_PAUSE_MS / 1000)}`;
  audioPause.setAttribute('aria-pressed', String(paused > 0));
}

function setLive(live, reason) {
  state.live = live;
  document.body.classList.toggle('stale', !live);
  banner.hidden = live;
  if (!live) {
    state.lostSince = state.lostSince ?? Date.now();
    const last = state.lastUpdate === null ? 'no data received yet'
      : `last update ${timeOfDay(state.lastUpdate + state.clockOffsetMs)}`;
    bannerDetail.textContent = `${reason ?? 'Reconnecting'} — ${last}. Reconnecting…`;
  } else {
    state.lostSince = null;
  }
  renderHeader();
}

async function acknowledge(button) {
  const alarmId = button.dataset.ack;
  state.pending.set(alarmId, 'sending');
  const alarm = [...state.chairs.values()].flatMap(c => c.activeAlarms ?? []).find(a => a.alarmId === alarmId);
  if (alarm) {
    renderChair(alarm.chairId);
  }
  try {
    const acknowledged = await api.acknowledge(alarmId);
    state.pending.delete(alarmId);
    applyAlarm(acknowledged);
  } catch (e) {
    state.pending.set(alarmId, e.status === 403 ? 'Not permitted' : (e.status === 404 ? 'No longer active' : 'Failed'));
    if (alarm) {
      renderChair(alarm.chairId);
    }
  }
}

function startStream(heartbeatMs) {
  let everOpened = false;
  const stream = new LiveStream('/api/stream', {
    heartbeatMs,
    onEvent: (name, data) => {
      state.lastUpdate = Date.now();
      if (name === 'chair') {
        upsertChair(data);
        renderChair(data.chairId);
      } else if (name === 'alarm') {
        applyAlarm(data);
      }
      renderHeader();
      sound.update(Date.now(), unacknowledged());
    },
    onOpen: () => {
      setLive(true);
      if (everOpened) {
        state.trendsServed = true;
        loadChairs(true).catch(() => {});
      }
      everOpened = true;
    },
    onLost: reason => setLive(false, reason),
    onUnauthorized: api.goToLogin,
  });
  stream.start();
}

function showFailure(message) {
  grid.replaceChildren();
  const note = document.createElement('p');
  note.className = 'failure';
  note.textContent = message;
  grid.appendChild(note);
}

async function start() {
  setLive(false, 'Connecting');
  grid.addEventListener('click', event => {
    const button = event.target.closest('button[data-ack]');
    if (button && !button.disabled) {
      acknowledge(button);
    }
  });
  soundEnable.addEventListener('click', () => sound.unlock().catch(() => {}));
  audioPause.addEventListener('click', () => sound.togglePause(Date.now(), unacknowledged()));
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = api.csrfToken() ?? '';
  });
  window.addEventListener('resize', layout);

  let settings;
  try {
    settings = await api.station();
  } catch (e) {
    if (e.status !== 401) {
      showFailure(e.status === 403 ? 'Your role cannot view the chairs.' : 'Vigil cannot be reached. Reload to try again.');
    }
    return;
  }
  state.clockOffsetMs = settings.clockOffsetMs;
  document.getElementById('user-name').textContent = settings.user;
  if (!settings.roles.includes('NURSE') && !settings.roles.includes('DIRECTOR')) {
    showFailure(`Logged in as ${settings.user} (${settings.roles.join(', ')}): this role cannot view the chairs.`);
    return;
  }
  try {
    await loadChairs(false);
  } catch {
    setLive(false, 'Cannot load the chairs');
  }
  startStream(settings.heartbeatMs);
  setInterval(() => {
    renderAll();
  }, 1000);
  setInterval(() => sound.update(Date.now(), unacknowledged()), 250);
}

start();
