/**
 * The sessions list of the review: filters, sort and page live in the address (so a list can be bookmarked and
 * shared), and every change asks Vigil's sessions index again ({@code GET /api/review/sessions}).
 */
import * as api from './api.js';
import { chairLabel, span } from './format.js';
import { showUser, treatmentLabel, dateTime } from './review-common.js';

const form = document.getElementById('filters');
const body = document.querySelector('#sessions tbody');
const empty = document.getElementById('empty');
const count = document.getElementById('count');
const pageLabel = document.getElementById('page');
const previous = document.getElementById('previous');
const next = document.getElementById('next');

const FILTERS = ['from', 'to', 'chair', 'patient', 'treatment', 'highAlarm', 'doseMismatch', 'remsIncomplete'];

function query() {
  return new URLSearchParams(window.location.search);
}

function fillForm(params) {
  FILTERS.forEach(name => {
    const input = form.elements[name];
    if (input.type === 'checkbox') {
      input.checked = params.get(name) === 'true';
    } else {
      input.value = params.get(name) ?? '';
    }
  });
}

function go(params) {
  history.pushState(null, '', `/review?${params}`);
  load();
}

async function load() {
  const params = query();
  fillForm(params);
  document.querySelectorAll('[data-sort]').forEach(button => {
    const sorted = (params.get('sort') ?? 'startedAt') === button.dataset.sort;
    const order = params.get('order') ?? 'desc';
    button.closest('th').setAttribute('aria-sort', sorted ? (order === 'asc' ? 'ascending' : 'descending') : 'none');
  });
  const listing = await api.getJson(`/api/review/sessions?${params}`);
  body.replaceChildren(...listing.rows.map(row));
  empty.hidden = listing.rows.length > 0;
  const pages = Math.max(1, Math.ceil(listing.total / listing.size));
  count.textContent = `${listing.total} session${listing.total === 1 ? '' : 's'}`;
  pageLabel.textContent = `Page ${listing.page + 1} of ${pages}`;
  previous.disabled = listing.page === 0;
  next.disabled = listing.page + 1 >= pages;
}

function row({ summary, highAlarms, doseMismatch, observationMessages }) {
  const tr = document.createElement('tr');
  tr.dataset.session = summary.sessionId;
  const started = Date.parse(summary.startedAt);
  const ended = summary.endedAt ? Date.parse(summary.endedAt) : null;
  const link = document.createElement('a');
  link.href = `/review/${encodeURIComponent(summary.sessionId)}`;
  link.textContent = dateTime(summary.startedAt);
  [link, chairLabel(summary.chairId), summary.patientPseudonym ?? '—', treatmentLabel(summary.treatment),
    ended ? span(Math.round((ended - started) / 1000)) : 'running',
    highAlarms > 0 ? `!!! ${highAlarms}` : '0', doseMismatch ? 'mismatch' : 'as prescribed',
    String(observationMessages)].forEach(content => {
    const td = document.createElement('td');
    td.append(content);
    tr.append(td);
  });
  tr.classList.toggle('has-high', highAlarms > 0);
  tr.classList.toggle('has-mismatch', doseMismatch);
  return tr;
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const params = new URLSearchParams();
  const current = query();
  FILTERS.forEach(name => {
    const input = form.elements[name];
    const value = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value.trim();
    if (value) {
      params.set(name, value);
    }
  });
  ['sort', 'order', 'size'].forEach(name => current.get(name) && params.set(name, current.get(name)));
  go(params);
});

form.addEventListener('reset', () => {
  setTimeout(() => go(new URLSearchParams()), 0);
});

document.querySelectorAll('[data-sort]').forEach(button => button.addEventListener('click', () => {
  const params = query();
  const same = (params.get('sort') ?? 'startedAt') === button.dataset.sort;
  const order = same && (params.get('order') ?? 'desc') === 'desc' ? 'asc' : 'desc';
  params.set('sort', button.dataset.sort);
  params.set('order', order);
  params.delete('page');
  go(params);
}));

function turn(by) {
  const params = query();
  params.set('page', String(Math.max(0, Number(params.get('page') ?? 0) + by)));
  go(params);
}

previous.addEventListener('click', () => turn(-1));
next.addEventListener('click', () => turn(1));
window.addEventListener('popstate', load);

showUser().then(load);
