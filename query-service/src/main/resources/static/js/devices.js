/**
 * The engineers' devices page: every configured device and every sender Vigil heard from, with its link state and
 * since when, its last message, messages per minute (measured by this page between two readings of the counters),
 * and the counters of the connection Vigil holds. Rows come from {@code GET /api/devices/overview}; the devices
 * stream ({@code GET /api/devices/stream}) says when a link changed, and the counters are read again every few
 * seconds. An unconfigured sender can be bound to a chair: the binding is recorded as an event with who and when.
 * Messages the listener quarantined (a sender nobody configured, or an address its device may not talk from) are
 * counted and the latest listed.
 */
import * as api from './api.js';
import { el } from './dom.js';
import { age, chairLabel, number, timeOfDay } from './format.js';
import { LiveStream } from './stream.js';
import { failure } from './words.js';

const REFRESH_MS = 5000;
/** Messages per minute are measured over the readings of the last minute, once they span this long. */
const RATE_SPAN_MS = 4000;

const connection = document.getElementById('connection');
const census = document.getElementById('census');
const configured = document.querySelector('#configured tbody');
const unconfigured = document.querySelector('#unconfigured tbody');
const failureNote = document.getElementById('failure');
const quarantined = document.querySelector('#quarantined tbody');
const quarantineCount = document.getElementById('quarantine-count');

const state = { samples: new Map(), rows: new Map(), chairs: [], clockOffsetMs: 0, loading: false, again: false };

function now() {
  return Date.now() + state.clockOffsetMs;
}

/** Messages per minute from this page's readings of the device's message count over the last minute. */
function rate(device) {
  const samples = state.samples.get(device.deviceId) ?? [];
  samples.push({ at: Date.now(), count: device.messagesRecorded });
  while (samples.length > 2 && Date.now() - samples[0].at > 60000) {
    samples.shift();
  }
  state.samples.set(device.deviceId, samples);
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (last.at - first.at < RATE_SPAN_MS) {
    return null;
  }
  return (last.count - first.count) / ((last.at - first.at) / 60000);
}

function linkOf(device) {
  const link = device.link ?? {};
  if (link.offline || link.state === 'DISCONNECTED') {
    return { state: 'offline', text: 'offline' };
  }
  if (link.state === 'CONNECTED' || device.lastMessageAt) {
    return { state: 'online', text: 'online' };
  }
  return { state: 'unknown', text: 'not heard yet' };
}

function cell(text, cls = null) {
  return el('td', { class: cls, text: text ?? '—' });
}

function linkCell(device) {
  const link = linkOf(device);
  return el('td', { 'data-f': 'link' }, el('span', { class: 'link-state', 'data-state': link.state, text: link.text }));
}

function since(instant) {
  return instant ? `${timeOfDay(instant)} (${age(instant, now())})` : '—';
}

function counter(value) {
  return value === null || value === undefined ? 'n/a' : String(value);
}

function configuredRow(row, perMinute) {
  const { device } = row;
  const link = device.link ?? {};
  return el('tr', { 'data-device': device.deviceId },
    cell(device.deviceId), cell(device.chairId ? chairLabel(device.chairId) : null),
    cell(row.protocol), cell(row.transport), linkCell(device), cell(since(link.changedAt)),
    cell(since(device.lastMessageAt)), cell(perMinute === null ? '…' : number(perMinute, 0), 'number'),
    cell(counter(link.decodeFailures), 'number'), cell(counter(link.reconnects), 'number'), nakCell(row),
    cell(linkOf(device).state === 'offline' ? link.detail : null));
}

/** The last AE or AR Vigil answered the device's messages with: code, when, and the reason it wrote in ERR-8. */
function nakCell(row) {
  const nak = row.lastNak;
  if (!nak) {
    return el('td', { 'data-f': 'nak', text: '—' });
  }
  return el('td', { 'data-f': 'nak', title: nak.reason },
    el('span', { class: 'nak-code', text: `${nak.code} ${since(nak.at)}` }),
    el('span', { class: 'detail', text: nak.reason }));
}

function configLines(deviceId, chairId) {
  return `vigil.devices[n].id: ${deviceId}\nvigil.devices[n].chair: ${chairId}`;
}

function bindingCell(row) {
  const { device, binding } = row;
  if (binding) {
    return el('td', { 'data-f': 'binding' },
      el('span', { text: `Bound to ${chairLabel(binding.chairId)} by ${binding.by} at ${timeOfDay(binding.at)}` }),
      el('span', { class: 'config-lines detail', text: configLines(device.deviceId, binding.chairId) }));
  }
  const form = el('form', { class: 'bind', 'data-device': device.deviceId },
    el('select', { name: 'chairId', 'aria-label': `Chair for ${device.deviceId}` },
      state.chairs.map(c => el('option', { value: c, text: chairLabel(c) }))),
    el('button', { type: 'submit', text: 'Bind to chair' }),
    el('span', { class: 'bind-error', role: 'alert' }));
  return el('td', { 'data-f': 'binding' }, form);
}

function unconfiguredRow(row, perMinute, keep) {
  const { device } = row;
  return el('tr', { 'data-device': device.deviceId },
    cell(device.deviceId), cell(device.chairId ? chairLabel(device.chairId) : null), linkCell(device),
    cell(since(device.lastMessageAt)), cell(perMinute === null ? '…' : number(perMinute, 0), 'number'),
    cell(String(device.messagesRecorded), 'number'), nakCell(row), keep ?? bindingCell(row));
}

function quarantineRow(message) {
  return el('tr', { 'data-device': message.deviceId },
    cell(since(message.receivedAt)), cell(message.deviceId), cell(message.sender), cell(message.sourceAddress),
    cell(message.reason), cell(message.answer));
}

function renderQuarantine(quarantine) {
  quarantineCount.textContent = `${quarantine.count} quarantined`;
  quarantined.replaceChildren(...(quarantine.latest.length ? quarantine.latest.map(quarantineRow)
    : [el('tr', {}, el('td', { colspan: 6, class: 'hint', text: 'None.' }))]));
}

function render(overview) {
  renderQuarantine(overview.quarantine);
  state.chairs = overview.chairs;
  const rows = overview.devices;
  const configuredRows = [];
  const unconfiguredRows = [];
  for (const row of rows) {
    const perMinute = rate(row.device);
    if (row.device.configured) {
      configuredRows.push(configuredRow(row, perMinute));
    } else {
      const existing = unconfigured.querySelector(`tr[data-device="${CSS.escape(row.device.deviceId)}"] td[data-f=binding]`);
      const keep = existing && !row.binding && existing.querySelector('form') ? existing : null;
      unconfiguredRows.push(unconfiguredRow(row, perMinute, keep));
    }
  }
  configured.replaceChildren(...configuredRows);
  unconfigured.replaceChildren(...(unconfiguredRows.length ? unconfiguredRows
    : [el('tr', {}, el('td', { colspan: 8, class: 'hint', text: 'None: every sender is configured.' }))]));
  const offline = rows.filter(r => r.device.configured && linkOf(r.device).state === 'offline').length;
  census.textContent = `${configuredRows.length} configured · ${offline} offline · `
    + `${rows.length - configuredRows.length} unconfigured`;
}

async function load() {
  if (state.loading) {
    state.again = true;
    return;
  }
  state.loading = true;
  try {
    render(await api.getJson('/api/devices/overview'));
    failureNote.hidden = true;
  } catch (e) {
    failureNote.hidden = false;
    failureNote.textContent = `Devices not loaded: ${failure(e)}`;
  } finally {
    state.loading = false;
    if (state.again) {
      state.again = false;
      load();
    }
  }
}

async function bind(form) {
  const error = form.querySelector('.bind-error');
  error.textContent = '';
  try {
    await api.postJson(`/api/devices/${encodeURIComponent(form.dataset.device)}/binding`,
      { chairId: form.elements.chairId.value });
    form.closest('td').querySelector('form')?.remove();
    await load();
  } catch (e) {
    error.textContent = `Not bound: ${failure(e)}`;
  }
}

function setLive(live, reason) {
  connection.dataset.state = live ? 'live' : 'lost';
  connection.textContent = live ? 'Live' : `Stale — ${reason ?? 'reconnecting'}`;
}

async function start() {
  let settings;
  try {
    settings = await api.station();
  } catch (e) {
    failureNote.hidden = false;
    failureNote.textContent = e.status === 403 ? 'Only an engineer can view the devices.' : 'Vigil cannot be reached.';
    return;
  }
  state.clockOffsetMs = settings.clockOffsetMs;
  document.getElementById('user-name').textContent = settings.user;
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = api.csrfToken() ?? '';
  });
  unconfigured.addEventListener('submit', event => {
    event.preventDefault();
    bind(event.target);
  });
  await load();
  new LiveStream('/api/devices/stream', {
    heartbeatMs: settings.heartbeatMs,
    onEvent: () => load(),
    onOpen: () => {
      setLive(true);
      load();
    },
    onLost: reason => setLive(false, reason),
    onUnauthorized: api.goToLogin,
  }).start();
  setInterval(load, REFRESH_MS);
}

start();
