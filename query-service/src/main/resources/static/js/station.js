/**
 * The nurses' station: every chair live, alarms seen and heard, acknowledged with one press. State comes from
 * {@code GET /api/chairs}, then from the live stream; after a lost connection the page refetches everything.
 * While the stream is down the page says so and greys every tile: a stale screen must never look live.
 *
 * "Audio pause" pauses every chair in session and records each pause in Vigil (who and until when); a chair whose
 * pause Vigil did not record keeps sounding and the page says so. Pauses recorded by any screen, and those still
 * running when the page is reloaded, are followed from Vigil.
 *
 * Conditions of Vigil itself that cannot be recorded as alarms (the record store not answering) arrive on the
 * stream as {@code condition} events: each shows a banner and sounds as a technical alarm while it lasts.
 */
import * as api from './api.js';
import { AlarmSound, AUDIO_PAUSE_MS, STATION } from './audio.js';
import { chairLabel, clockSpan, compareChairs, millis, timeOfDay } from './format.js';
import { SessionPanel } from './panel.js';
import { LiveStream } from './stream.js';
import { createTile, updateTile } from './tile.js';
import { TREND_MINUTES, TrendHistory } from './trends.js';

/** While the stream is down the station sounds its own technical alarm: a screen that cannot see is a failure. */
const STATION_ALARM = { alarmId: 'station-connection', priority: 'MEDIUM', kind: 'TECHNICAL' };

const state = {
  chairs: new Map(),
  tiles: new Map(),
  pending: new Map(),
  actions: new Map(),
  pauseGeneration: 0,
  history: new TrendHistory(),
  clockOffsetMs: 0,
  live: false,
  lostSince: null,
  lastUpdate: null,
  loadedAt: Date.now(),
  trendsServed: true,
  conditions: new Map(),
};

const grid = document.getElementById('chairs');
const template = document.getElementById('tile-template');
const banner = document.getElementById('banner');
const bannerDetail = document.getElementById('banner-detail');
const conditionBanners = document.getElementById('conditions');
const connection = document.getElementById('connection');
const census = document.getElementById('census');
const clock = document.getElementById('clock');
const soundEnable = document.getElementById('sound-enable');
const audioPause = document.getElementById('audio-pause');
const audioPauseNote = document.getElementById('audio-pause-note');

/** Vigil's time (ms) of the last "resume" pressed here: pauses recorded before it are not followed again. */
const RESUMED_AT = 'vigil.audio-resumed-at';

const sound = new AlarmSound({ onChange: renderSoundControls });

const panel = new SessionPanel(document.getElementById('panel'), {
  chairOf: chairId => state.chairs.get(chairId),
  onLayout: layout,
  onSelect: chairId => state.tiles.forEach((tile, id) => tile.classList.toggle('tile--selected', id === chairId)),
});

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
    updateTile(tileFor(chairId), chair, {
      now: now(), history: state.history, pending: state.pending, actions: state.actions, audioPause: pauseOf,
    });
  }
}

function pauseOf(chairId) {
  const pause = sound.pauseOf(chairId, Date.now());
  return pause ? { remainingMs: pause.until - Date.now(), by: pause.by } : null;
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
  const conditions = [...state.conditions.values()]
    .map(c => ({ alarmId: `condition-${c.id}`, priority: c.priority, kind: 'TECHNICAL' }));
  return [...alarms, ...conditions, ...(streamDown ? [STATION_ALARM] : [])];
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
  const text = paused > 0
    ? `Audio paused ${clockSpan(Math.ceil(paused / 1000))} — resume`
    : `Audio pause ${clockSpan(AUDIO_PAUSE_MS / 1000)}`;
  if (audioPause.textContent !== text) {
    audioPause.textContent = text;
  }
  audioPause.setAttribute('aria-pressed', String(paused > 0));
  audioPause.dataset.sounding = sound.sounding ?? '';
}

function inSession() {
  return [...state.chairs.values()].filter(c => c.session && !c.session.endedAt).map(c => c.chairId)
    .sort(compareChairs);
}

function showPauseNote(text) {
  audioPauseNote.hidden = !text;
  audioPauseNote.textContent = text ?? '';
}

function resumedAt() {
  return Number(sessionStorage.getItem(RESUMED_AT) ?? 0);
}

/** Follows a pause as Vigil recorded it: a running one silences its chair here, an ended one no longer does. */
function followPause(pause) {
  const pausedAt = millis(pause.pausedAt);
  const until = millis(pause.until);
  if (!pause.chairId || pausedAt === null || until === null) {
    return;
  }
  if (pause.endedAt) {
    sound.end(pause.chairId);
  } else if (until > now() && pausedAt > resumedAt()) {
    // Vigil's clock is known here only to within the time its answer took: a pause never shows longer than it is
    const localUntil = Math.min(until - state.clockOffsetMs, Date.now() + (until - pausedAt));
    sound.adopt(pause.chairId, { until: localUntil, by: pause.pausedBy }, unacknowledged());
  }
  renderChair(pause.chairId);
}

/** After a reload or a lost connection: the pauses that still hold in Vigil hold here. */
async function restorePauses() {
  const chairs = inSession();
  const pauses = await Promise.allSettled(chairs.map(api.audioPause));
  pauses.filter(p => p.status === 'fulfilled' && p.value).forEach(p => followPause(p.value));
}

async function toggleAudioPause() {
  const generation = ++state.pauseGeneration;
  if (sound.pausedFor(Date.now()) > 0) {
    sound.resume();
    sessionStorage.setItem(RESUMED_AT, String(now()));
    showPauseNote(null);
    renderAll();
    return;
  }
  const chairs = inSession();
  sound.pause([STATION, ...chairs], Date.now(), unacknowledged());
  showPauseNote(null);
  renderAll();
  const results = await Promise.allSettled(chairs.map(api.pauseAudio));
  if (generation !== state.pauseGeneration) {
    return;
  }
  const failed = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled' && result.value) {
      followPause(result.value);
    } else {
      sound.end(chairs[i]);
      failed.push(`${chairLabel(chairs[i])} (${failure(result.reason)})`);
    }
  });
  if (failed.length > 0) {
    showPauseNote(`Audio pause not recorded for ${failed.join(', ')}: ${failed.length === 1 ? 'its' : 'their'}`
      + ' alarms still sound');
  }
  renderAll();
}

function failure(error) {
  if (error?.status === 403) {
    return 'not permitted';
  }
  if (error?.reason) {
    return error.reason;
  }
  return error?.status ? `Vigil answered ${error.status}` : 'Vigil cannot be reached';
}

/** A condition of Vigil itself began (shown until it ends) or ended. */
function applyCondition(condition) {
  if (condition.active) {
    state.conditions.set(condition.id, condition);
  } else {
    state.conditions.delete(condition.id);
  }
  renderConditions();
}

function renderConditions() {
  const banners = [...state.conditions.values()].map(condition => {
    const banner = document.createElement('div');
    banner.className = 'banner';
    banner.dataset.condition = condition.id;
    banner.dataset.priority = condition.priority;
    const title = document.createElement('strong');
    title.textContent = condition.title;
    const detail = document.createElement('span');
    detail.textContent = `${condition.detail} Since ${timeOfDay(condition.since)}.`;
    banner.append(title, detail);
    return banner;
  });
  conditionBanners.replaceChildren(...banners);
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

function alarmById(alarmId) {
  return [...state.chairs.values()].flatMap(c => c.activeAlarms ?? []).find(a => a.alarmId === alarmId);
}

function reasonForm(element) {
  const item = element.closest('li.alarm');
  return item ? item.querySelector('form.reason') : null;
}

function openReason(button) {
  const form = reasonForm(button);
  form.hidden = false;
  button.hidden = true;
  form.querySelector('input').focus();
}

function closeReason(form) {
  form.hidden = true;
  form.reset();
  form.closest('li.alarm').querySelector('button.more').hidden = false;
  state.actions.delete(form.dataset.alarm);
  const alarm = alarmById(form.dataset.alarm);
  if (alarm) {
    renderChair(alarm.chairId);
  }
}

/** Resolves a technical alarm or overrides a soft limit with the reason typed in the alarm's row. */
async function submitReason(form) {
  const alarmId = form.dataset.alarm;
  const alarm = alarmById(alarmId);
  const reason = form.elements.reason.value.trim();
  if (!alarm || state.actions.get(alarmId)?.state === 'sending') {
    return;
  }
  if (!reason) {
    state.actions.set(alarmId, { state: 'failed', message: 'A reason is needed.' });
    renderChair(alarm.chairId);
    return;
  }
  state.actions.set(alarmId, { state: 'sending' });
  renderChair(alarm.chairId);
  try {
    if (form.dataset.action === 'override') {
      await api.overrideSoftLimit(alarmId, reason);
    } else {
      await api.resolve(alarmId, reason);
    }
    state.actions.delete(alarmId);
    applyAlarm({ ...alarm, clearedAt: new Date(now()).toISOString() });
  } catch (e) {
    state.actions.set(alarmId, { state: 'failed', message: `Not done: ${failure(e)}` });
    renderChair(alarm.chairId);
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
        panel.chairChanged(data);
      } else if (name === 'alarm' || name === 'escalation') {
        applyAlarm(data);
      } else if (name === 'audio-pause') {
        followPause(data);
      } else if (name === 'condition') {
        applyCondition(data);
      }
      renderHeader();
      if (sound.update(Date.now(), unacknowledged()).length > 0) {
        renderAll();
      }
    },
    onOpen: () => {
      state.conditions.clear();
      renderConditions();
      setLive(true);
      if (everOpened) {
        state.trendsServed = true;
        loadChairs(true).then(restorePauses).catch(() => {});
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
    const open = event.target.closest('button[data-reason-open]');
    if (open) {
      openReason(open);
    }
    const cancel = event.target.closest('button[data-reason-cancel]');
    if (cancel) {
      closeReason(reasonForm(cancel));
    }
    const session = event.target.closest('button[data-open-panel]');
    if (session) {
      panel.open(session.dataset.openPanel);
    }
  });
  grid.addEventListener('keydown', event => {
    const form = event.key === 'Escape' ? event.target.closest('form.reason') : null;
    if (form) {
      closeReason(form);
    }
  });
  grid.addEventListener('submit', event => {
    if (event.target.matches('form.reason')) {
      event.preventDefault();
      submitReason(event.target);
    }
  });
  soundEnable.addEventListener('click', () => sound.unlock().catch(() => {}));
  audioPause.addEventListener('click', () => toggleAudioPause());
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
  panel.configure(settings.roles, await api.getJson('/api/protocol').catch(() => null));
  document.getElementById('user-name').textContent = settings.user;
  if (!settings.roles.includes('NURSE') && !settings.roles.includes('DIRECTOR')) {
    showFailure(`Logged in as ${settings.user} (${settings.roles.join(', ')}): this role cannot view the chairs.`);
    if (settings.roles.includes('ENGINEER')) {
      const devices = document.createElement('a');
      devices.href = '/devices';
      devices.className = 'failure';
      devices.textContent = 'Open the devices page';
      grid.appendChild(devices);
    }
    return;
  }
  try {
    await loadChairs(false);
    await restorePauses();
  } catch {
    setLive(false, 'Cannot load the chairs');
  }
  startStream(settings.heartbeatMs);
  setInterval(() => {
    renderAll();
  }, 1000);
  setInterval(() => {
    if (sound.update(Date.now(), unacknowledged()).length > 0) {
      renderAll();
    }
  }, 250);
}

start();
