/**
 * One session under review: the summary, the hemodynamic chart (uPlot, served from Vigil's jar), the alarm, action
 * and checkpoint tables from {@code GET /api/sessions/{id}/review}, and beside the chart the chair's tile as the
 * station showed it at the slider's moment ({@code GET /api/sessions/{id}/timeline?at=}), drawn by the station's
 * own tile code. Playback moves the moment at 1, 10 or 60 times real time; one tile request is in flight at a time
 * and the latest moment asked for wins.
 */
import * as api from './api.js';
import { chairLabel, clockSpan, durationSeconds, number, priorityMarker, ruleLabel, span, timeOfDay }
  from './format.js';
import { createTile, updateTile } from './tile.js';
import { dateTime, showUser, treatmentLabel } from './review-common.js';
import { drawChart } from './review-chart.js';

const sessionId = decodeURIComponent(window.location.pathname.split('/').pop());
const slider = document.getElementById('slider');
const moment = document.getElementById('moment');
const slot = document.getElementById('tile-slot');
const TICK_MS = 250;

const state = { review: null, tile: null, chart: null, at: null, inFlight: false, wanted: null, timer: null };

async function start() {
  await showUser();
  try {
    state.review = await api.getJson(`/api/sessions/${encodeURIComponent(sessionId)}/review`);
  } catch (e) {
    const failure = document.getElementById('failure');
    failure.hidden = false;
    failure.textContent = e.status === 404 ? `No session ${sessionId}.`
      : `The review could not be loaded (${e.message}).`;
    return;
  }
  const { review } = state;
  const summary = review.summary;
  document.getElementById('title').textContent = [chairLabel(summary.chairId), summary.patientPseudonym ?? '—',
    treatmentLabel(summary.treatment), dateTime(summary.startedAt)].join(' · ');
  showFigures(review);
  showAlarms(review.alarms);
  showRows('actions', review.actions, a => [timeOfDay(a.at), a.user, a.what]);
  showRows('checkpoints', review.checkpoints, c => [c.label, timeOfDay(c.dueAt), timeOfDay(c.doneAt),
    (c.status ?? '').toLowerCase()]);
  const first = Date.parse(review.replayFrom);
  const last = summary.endedAt ? Date.parse(summary.endedAt) : Date.now();
  slider.min = String(first);
  slider.max = String(last);
  slider.value = String(first);
  state.chart = drawChart(document.getElementById('chart'), review, () => state.at);
  state.tile = await tile(summary.chairId);
  slot.append(state.tile);
  show(first);
}

/** The station's own tile, from the station page's template; nothing on it can be pressed here. */
async function tile(chairId) {
  const page = await fetch('/index.html', { credentials: 'same-origin' }).then(r => r.text());
  const template = new DOMParser().parseFromString(page, 'text/html').getElementById('tile-template');
  const element = createTile(template, chairId);
  element.inert = true;
  return element;
}

function show(at) {
  state.at = at;
  slider.value = String(at);
  moment.value = `${timeOfDay(at)} · ${clockSpan(Math.round((at - Number(slider.min)) / 1000))} into the session`;
  state.chart?.redraw(false);
  state.wanted = at;
  fetchTile();
}

async function fetchTile() {
  if (state.inFlight || state.wanted === null) {
    return;
  }
  const at = state.wanted;
  state.wanted = null;
  state.inFlight = true;
  try {
    const chair = await api.getJson(`/api/sessions/${encodeURIComponent(sessionId)}/timeline?at=`
      + new Date(at).toISOString());
    updateTile(state.tile, chair, context(chair, at));
    state.tile.dataset.at = new Date(at).toISOString();
  } catch (e) {
    moment.value = `${timeOfDay(at)} · the chair could not be replayed (${e.message})`;
  } finally {
    state.inFlight = false;
    fetchTile();
  }
}

function context(chair, at) {
  const pause = chair.audioPause;
  const paused = pause && !pause.endedAt && Date.parse(pause.until) > at;
  return {
    now: at,
    history: { recent: (chairId, vital, now) => recent(vital, now) },
    pending: new Map(),
    actions: new Map(),
    audioPause: () => (paused ? { remainingMs: Date.parse(pause.until) - at, by: pause.pausedBy } : null),
  };
}

const TREND_SERIES = { NIBP_SYSTOLIC: 'sbp', NIBP_DIASTOLIC: 'dbp', HEART_RATE: 'hr' };

/** The tile's short trends at the moment: the 30 minutes before it, from the review's series. */
function recent(vital, now) {
  const points = state.review.vitals[TREND_SERIES[vital]] ?? [];
  return points.filter(p => p.t <= now && p.t >= now - 30 * 60000).map(p => [p.t, p.v]);
}

function play(speed) {
  stop();
  document.querySelectorAll('[data-speed]')
    .forEach(b => b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed)));
  state.timer = setInterval(() => {
    const next = Math.min(Number(slider.max), state.at + TICK_MS * speed);
    show(next);
    if (next >= Number(slider.max)) {
      stop();
    }
  }, TICK_MS);
}

function stop() {
  clearInterval(state.timer);
  state.timer = null;
  document.querySelectorAll('[data-speed]').forEach(b => b.setAttribute('aria-pressed', 'false'));
}

function showFigures(review) {
  const f = review.figures;
  const summary = review.summary;
  const mg = v => (v === null || v === undefined ? '—' : `${number(v, 1)} mg`);
  const perKg = v => (v === null || v === undefined ? '—' : `${number(v, 3)} mg/kg`);
  const duration = v => (durationSeconds(v) === null ? '—' : span(Math.round(durationSeconds(v))));
  const peak = p => (p ? `${number(p.value)} mmHg at ${timeOfDay(p.at)}` : '—');
  const percent = f.prescribedMg ? ` (${number(100 * f.differenceMg / f.prescribedMg, 1)} %)` : '';
  const items = [
    ['Dose prescribed', `${mg(f.prescribedMg)} · ${perKg(f.prescribedMgPerKg)}`],
    ['Dose delivered', `${mg(f.deliveredMg)} · ${perKg(f.deliveredMgPerKg)}`],
    ['Difference', f.differenceMg === null ? '—' : `${mg(f.differenceMg)}${percent}`],
    ['Peak SBP', peak(f.peakSystolic)],
    ['Peak DBP', peak(f.peakDiastolic)],
    ['Alarms', ['HIGH', 'MEDIUM', 'LOW']
      .map(p => `${priorityMarker(p)} ${p} ${f.alarmsByPriority[p] ?? 0}`).join(' · ')],
    ['Time to acknowledge',
      `median ${duration(f.medianTimeToAcknowledge)} · worst ${duration(f.worstTimeToAcknowledge)}`],
    ['Escalations', String(f.escalations)],
    ['Observed', `${duration(f.observedFor)} (${timeOfDay(f.firstVitalAt)}–${timeOfDay(f.lastVitalAt)})`],
    ['Discharge criteria met', f.dischargeCriteriaMetAt ? timeOfDay(f.dischargeCriteriaMetAt) : 'not recorded'],
    ['Baseline', baselineText(summary.baseline)],
    ['Protocol', summary.protocol ? `${summary.protocol.name} ${summary.protocol.version}`
      + (review.thresholds ? '' : ' (not the loaded version: thresholds not drawn)') : '—'],
  ];
  document.getElementById('figures').replaceChildren(...items.map(([term, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    dd.dataset.figure = term;
    div.append(dt, dd);
    return div;
  }));
}

function baselineText(baseline) {
  return baseline ? `${baseline.systolic}/${baseline.diastolic} mmHg, HR ${baseline.heartRate}` : '—';
}

function showAlarms(alarms) {
  const duration = v => (durationSeconds(v) === null ? '—' : span(Math.round(durationSeconds(v))));
  showRows('alarms', alarms, a => [timeOfDay(a.raisedAt), `${priorityMarker(a.priority)} ${a.priority}`,
    `${ruleLabel(a.rule)} — ${a.message ?? ''}`,
    a.acknowledgedBy ? `${a.acknowledgedBy} ${timeOfDay(a.acknowledgedAt)}` : '—',
    duration(a.timeToAcknowledge), a.escalatedAt ? `${timeOfDay(a.escalatedAt)} → ${a.escalatedTo}` : '—',
    timeOfDay(a.clearedAt), [a.resolution, a.resolvedBy].filter(Boolean).join(' by ') || '—']);
}

function showRows(table, items, cells) {
  const body = document.querySelector(`#${table} tbody`);
  body.replaceChildren(...items.map(item => {
    const tr = document.createElement('tr');
    cells(item).forEach(text => {
      const td = document.createElement('td');
      td.textContent = text ?? '—';
      tr.append(td);
    });
    return tr;
  }));
  if (items.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 8;
    td.textContent = 'None.';
    tr.append(td);
    body.append(tr);
  }
}

slider.addEventListener('input', () => {
  stop();
  show(Number(slider.value));
});
document.querySelectorAll('[data-speed]')
  .forEach(b => b.addEventListener('click', () => play(Number(b.dataset.speed))));
document.getElementById('pause').addEventListener('click', stop);

start();
