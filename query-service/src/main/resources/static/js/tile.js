/**
 * One chair's tile: built once from the page's template, then updated in place, so a button under the
 * nurse's finger is never replaced between press and release. What a tile shows follows docs/DOMAIN.md
 * ("Who uses it"); alarm colours and markers follow IEC 60601-1-8 ("Alarm behaviour"). A value Vigil did
 * not send shows as "—" with the reason, never as a number.
 */
import {
  NOT_AVAILABLE, age, chairLabel, countdown, clockSpan, durationSeconds, millis, minutesSince, number, phaseLabel,
  priorityMarker, rank, ruleLabel, signed, span,
} from './format.js';
import { sparkline } from './trends.js';

/** A 1 Hz vital older than this is shown with its age: a frozen number must not pass for a live one. */
const LIVE_VITAL_MS = 15000;

/**
 * Technical alarms Vigil refuses to resolve by hand because nothing would raise them again while their cause
 * stays: they clear when the device is back or with the next cuff reading (query-service, POST
 * /api/alarms/{alarmId}/resolve answers 409 for them).
 */
const NOT_RESOLVABLE = new Set(['device-offline', 'nibp-stale']);

/** The drug-library advisory a nurse may accept with a reason (docs/DOMAIN.md, "Infusion pumps": soft limits). */
const SOFT_LIMIT = 'drug-library-soft-limit';

const REASON_ACTIONS = {
  resolve: { open: 'Resolve…', label: 'What was fixed?', confirm: 'Resolve', sending: 'Resolving…' },
  override: { open: 'Override…', label: 'Reason for overriding the soft limit', confirm: 'Override',
    sending: 'Overriding…' },
};

/** What besides acknowledging can be done with an alarm: 'override', 'resolve' or null. */
export function reasonAction(alarm) {
  if (alarm.rule === SOFT_LIMIT) {
    return 'override';
  }
  return alarm.kind === 'TECHNICAL' && !NOT_RESOLVABLE.has(alarm.rule) ? 'resolve' : null;
}

export function createTile(template, chairId) {
  const tile = template.content.firstElementChild.cloneNode(true);
  tile.dataset.chair = chairId;
  const heading = field(tile, 'chair');
  heading.id = `tile-${chairId}`;
  heading.textContent = chairLabel(chairId);
  tile.setAttribute('aria-labelledby', heading.id);
  return tile;
}

function field(tile, name) {
  return tile.querySelector(`[data-f="${name}"]`);
}

function setText(element, text) {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function setAttr(element, name, value) {
  if (value === null || value === undefined) {
    element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** Text plus a muted reason, for a value that is not available. */
function setMissing(element, reason) {
  setText(element, `${NOT_AVAILABLE} ${reason}`);
  element.classList.add('missing');
}

function setPresent(element, text) {
  setText(element, text);
  element.classList.remove('missing');
}

/** The most urgent active alarm priority, whether its alarms are acknowledged, and whether all are technical. */
export function alarmState(chair) {
  const alarms = chair.activeAlarms ?? [];
  const top = alarms.reduce((best, a) => (rank(a.priority) > rank(best) ? a.priority : best), null);
  const ofTop = alarms.filter(a => a.priority === top);
  return {
    top,
    unacknowledged: ofTop.some(a => !a.acknowledgedBy),
    acknowledgedBy: [...new Set(ofTop.map(a => a.acknowledgedBy).filter(Boolean))],
    technical: ofTop.length > 0 && ofTop.every(a => a.kind === 'TECHNICAL'),
    escalated: alarms.some(a => a.escalatedAt && !a.acknowledgedBy),
  };
}

export function sortAlarms(alarms) {
  return [...alarms].sort((a, b) => rank(b.priority) - rank(a.priority)
    || Number(Boolean(a.acknowledgedBy)) - Number(Boolean(b.acknowledgedBy))
    || (millis(b.raisedAt) ?? 0) - (millis(a.raisedAt) ?? 0));
}

/**
 * Brings the tile up to date. {@code context}: now (Vigil's time), history (TrendHistory), pending (alarm ids
 * being acknowledged → state), optionally actions (alarm ids being resolved or overridden → {state, message})
 * and audioPause (chair id → {remainingMs, by} while its sounds are paused, else null).
 */
export function updateTile(tile, chair, context) {
  const session = chair.session && !chair.session.endedAt ? chair.session : null;
  setAttr(tile, 'data-updated', chair.updatedAt ?? '');
  tile.classList.toggle('tile--free', !session);
  const state = alarmState(chair);
  const priority = state.top ?? 'NONE';
  setAttr(tile, 'data-priority', priority);
  ['HIGH', 'MEDIUM', 'LOW'].forEach(p => tile.classList.toggle(`tile--${p.toLowerCase()}`, state.top === p));
  tile.classList.toggle('tile--flash', state.unacknowledged);
  tile.classList.toggle('tile--technical', state.technical);
  tile.classList.toggle('tile--escalated', state.escalated);

  updateHeader(tile, chair, session, state, context.now);
  updateAudioPause(field(tile, 'audio-paused'), session ? context.audioPause?.(chair.chairId) : null);
  const body = field(tile, 'body');
  body.hidden = !session;
  const free = field(tile, 'free');
  free.hidden = Boolean(session);
  if (!session) {
    setText(free, chair.session?.endedAt ? 'Free — last session ended' : 'Free');
  } else {
    updateVitals(tile, chair, session, context.now);
    updateFacts(tile, chair, session, context.now);
    updateTrends(tile, chair, session, context);
  }
  updateAlarms(tile, chair, context);
}

function updateOpenButton(button, chair, session) {
  button.dataset.openPanel = chair.chairId;
  setText(button, session ? 'Session ▸' : 'Book ▸');
  setAttr(button, 'aria-label', session ? `Open the session at ${chairLabel(chair.chairId)}`
    : `Book a session at ${chairLabel(chair.chairId)}`);
}

function updateHeader(tile, chair, session, state, now) {
  updateOpenButton(field(tile, 'open'), chair, session);
  const patient = field(tile, 'patient');
  const phase = field(tile, 'phase');
  const flag = field(tile, 'flag');
  if (!session) {
    setText(patient, '');
    setText(phase, '');
  } else {
    setText(patient, session.patientPseudonym ?? '');
    setAttr(patient, 'title', `${session.ageYears ?? '?'} years, ${number(session.weightKg, 1)} kg`);
    const label = phaseLabel(chair.phase) ?? 'In session';
    const doseMinutes = minutesSince(chair.doseStartedAt, now);
    const sessionMinutes = minutesSince(session.startedAt, now);
    const elapsed = doseMinutes !== null
      ? `${doseMinutes} min since dose start`
      : (sessionMinutes !== null ? `${sessionMinutes} min since session start` : '');
    setText(phase, elapsed ? `${label} · ${elapsed}` : label);
  }
  if (state.top) {
    const by = state.unacknowledged ? '' : ` · ✓ ${state.acknowledgedBy.join(', ')}`;
    const escalated = state.escalated ? ' · ESCALATED' : '';
    setText(flag, `${priorityMarker(state.top)} ${state.top}${state.technical ? ' · TECH' : ''}${escalated}${by}`);
    flag.hidden = false;
  } else {
    setText(flag, '');
    flag.hidden = true;
  }
}

function updateAudioPause(element, pause) {
  element.hidden = !pause;
  if (pause) {
    setText(element, `sound paused ${clockSpan(Math.ceil(pause.remainingMs / 1000))}`);
    setAttr(element, 'title', pause.by ? `Audio paused by ${pause.by}` : 'Audio paused');
  }
}

function reading(chair, vital) {
  return chair.vitals ? chair.vitals[vital] : undefined;
}

function showVital(tile, name, value, digits, now) {
  const valueElement = field(tile, name);
  const note = field(tile, `${name}-note`);
  const vital = valueElement.closest('.vital');
  if (!value) {
    setText(valueElement, NOT_AVAILABLE);
    setText(note, 'no reading');
    vital.classList.add('unavailable');
    vital.classList.remove('old');
    return;
  }
  if (value.value === null || value.value === undefined) {
    setText(valueElement, NOT_AVAILABLE);
    setText(note, 'not available');
    vital.classList.add('unavailable');
    vital.classList.remove('old');
    return;
  }
  vital.classList.remove('unavailable');
  setText(valueElement, number(value.value, digits));
  const received = millis(value.receivedAt);
  const old = received !== null && now - received > LIVE_VITAL_MS;
  vital.classList.toggle('old', old);
  setText(note, old ? age(value.receivedAt, now) : '');
}

function updateVitals(tile, chair, session, now) {
  const heartRate = reading(chair, 'HEART_RATE');
  const pulseRate = reading(chair, 'PULSE_RATE');
  const usePulse = !heartRate && pulseRate;
  field(tile, 'hr-label').innerHTML = usePulse ? 'PR <small>/min</small>' : 'HR <small>/min</small>';
  showVital(tile, 'hr', usePulse ? pulseRate : heartRate, 0, now);
  showVital(tile, 'spo2', reading(chair, 'SPO2'), 0, now);
  showVital(tile, 'rr', reading(chair, 'RESPIRATORY_RATE'), 0, now);

  const systolic = reading(chair, 'NIBP_SYSTOLIC');
  const diastolic = reading(chair, 'NIBP_DIASTOLIC');
  const bp = field(tile, 'bp');
  const note = field(tile, 'bp-note');
  const changeNote = field(tile, 'bp-change');
  const box = bp.closest('.vital');
  const staleBadge = field(tile, 'bp-stale');
  staleBadge.hidden = chair.bpStale !== true;
  box.classList.toggle('stale', chair.bpStale === true);
  if (!systolic && !diastolic) {
    setText(bp, NOT_AVAILABLE);
    setText(changeNote, 'no reading yet');
    setText(note, '');
    box.classList.add('unavailable');
    return;
  }
  const sys = systolic?.value;
  const dia = diastolic?.value;
  if (sys === null || sys === undefined || dia === null || dia === undefined) {
    setText(bp, NOT_AVAILABLE);
    setText(changeNote, 'not available');
    setText(note, age((systolic ?? diastolic).receivedAt, now));
    box.classList.add('unavailable');
    return;
  }
  box.classList.remove('unavailable');
  setText(bp, `${Math.round(sys)}/${Math.round(dia)}`);
  const baseline = session.baseline;
  const change = baseline && typeof baseline.systolic === 'number' && typeof baseline.diastolic === 'number'
    ? `${signed(sys - baseline.systolic)}/${signed(dia - baseline.diastolic)} vs baseline`
    : 'no baseline';
  setText(changeNote, change);
  setAttr(changeNote, 'title', baseline ? `Baseline ${baseline.systolic}/${baseline.diastolic} mmHg` : null);
  setText(note, age(systolic.receivedAt, now));
}

function due(element, instant, now, absentReason, nullReason, prefix = '') {
  if (instant === undefined) {
    setMissing(element, absentReason);
    element.classList.remove('overdue');
    return;
  }
  const c = countdown(instant, now);
  if (!c) {
    setMissing(element, nullReason);
    element.classList.remove('overdue');
    return;
  }
  element.classList.toggle('overdue', c.overdue);
  setPresent(element, c.overdue ? `${prefix}overdue ${c.text}` : `${prefix}in ${c.text}`);
}

/** Esketamine's checkpoints are the REMS blood pressures (docs/DOMAIN.md, "The treatment"); IV ketamine has no REMS. */
function updateFacts(tile, chair, session, now) {
  due(field(tile, 'next-bp'), chair.nextBpDueAt, now, 'not reported', 'none scheduled');
  setText(field(tile, 'checkpoint-label'), session.treatment === 'ESKETAMINE' ? 'REMS' : 'Checkpoint');
  const checkpoint = field(tile, 'checkpoint');
  if (chair.nextCheckpoint === undefined) {
    setMissing(checkpoint, 'not reported');
  } else if (chair.nextCheckpoint === null) {
    setMissing(checkpoint, 'none due');
  } else {
    due(checkpoint, chair.nextCheckpoint.dueAt, now, 'no time', 'no time', `${chair.nextCheckpoint.label} `);
  }

  const pump = field(tile, 'pump');
  const dose = field(tile, 'dose');
  const p = chair.pump;
  if (p === undefined || p === null) {
    setMissing(pump, p === undefined ? 'not reported' : 'no pump');
    setMissing(dose, p === undefined ? 'not reported' : 'no pump');
  } else {
    const seconds = durationSeconds(p.timeRemaining);
    const parts = [
      p.drug ?? `${NOT_AVAILABLE} drug`,
      p.status ? p.status.toLowerCase() : null,
      p.rateMlPerHour === null || p.rateMlPerHour === undefined ? `${NOT_AVAILABLE} mL/h` : `${number(p.rateMlPerHour, 1)} mL/h`,
      `${number(p.volumeInfusedMl, 1)} of ${number(p.vtbiMl, 1)} mL`,
      seconds === null ? `${NOT_AVAILABLE} left` : `${clockSpan(Math.max(0, seconds))} left`,
      INTERLOCK_PAUSE[p.interlockPause] ?? null,
    ].filter(Boolean);
    setPresent(pump, parts.join(' · '));
    pump.classList.toggle('pump-stopped', ['STOPPED', 'PAUSED'].includes(p.status));
    if (p.doseDeliveredMgPerKg === null || p.doseDeliveredMgPerKg === undefined) {
      setMissing(dose, 'not reported');
    } else {
      const mg = p.doseDeliveredMg === null || p.doseDeliveredMg === undefined ? '' : ` (${number(p.doseDeliveredMg, 1)} mg)`;
      setPresent(dose, `${number(p.doseDeliveredMgPerKg, 2)} mg/kg${mg}`);
    }
  }
  updateDevices(field(tile, 'devices'), chair.devices);
}

/** The pump interlock's pause as the pump line says it; a nurse restarts the pump, Vigil never does. */
const INTERLOCK_PAUSE = {
  REQUESTED: 'pause sent by Vigil',
  CONFIRMED: 'paused by Vigil — restart at the pump',
  FAILED: 'pump did not pause',
};

function updateDevices(element, devices) {
  const list = Array.isArray(devices) ? devices : [];
  if (list.length === 0) {
    setMissing(element, 'none bound');
    element.classList.remove('offline');
    return;
  }
  const described = list.map(d => {
    if (typeof d === 'string') {
      return { id: d, text: `${d} state ${NOT_AVAILABLE}`, offline: false };
    }
    const offline = d.offline === true || d.state === 'DISCONNECTED';
    const state = offline ? 'offline' : (d.state === 'CONNECTED' ? 'connected' : (d.state ?? 'unknown').toLowerCase());
    return { id: d.deviceId, text: `${d.deviceId} ${state}`, offline };
  });
  const anyOffline = described.some(d => d.offline);
  element.classList.toggle('offline', anyOffline);
  const known = list.some(d => typeof d !== 'string');
  setPresent(element, described.map(d => d.text).join(', '));
  setAttr(element, 'title', known ? described.map(d => d.text).join(', ') : 'link state not reported');
}

function updateTrends(tile, chair, session, context) {
  const { history, now } = context;
  const baseline = session.baseline ?? {};
  const since = millis(session.startedAt);
  const minutes = since === null ? 30 : Math.min(30, Math.max(5, Math.ceil((now - since) / 60000)));
  setText(field(tile, 'trend-bp').querySelector('figcaption'), `BP ${minutes} min`);
  setText(field(tile, 'trend-hr').querySelector('figcaption'), `HR ${minutes} min`);
  sparkline(field(tile, 'trend-bp'), {
    now,
    since,
    label: 'Blood pressure, last 30 minutes, with baseline',
    minSpan: 40,
    lines: [
      { points: history.recent(chair.chairId, 'NIBP_SYSTOLIC', now), className: 'line-sys', dots: true },
      { points: history.recent(chair.chairId, 'NIBP_DIASTOLIC', now), className: 'line-dia', dots: true },
    ],
    references: [
      { value: baseline.systolic, className: 'baseline' },
      { value: baseline.diastolic, className: 'baseline' },
    ],
  });
  sparkline(field(tile, 'trend-hr'), {
    now,
    since,
    label: 'Heart rate, last 30 minutes, with baseline',
    minSpan: 40,
    lines: [{ points: history.recent(chair.chairId, 'HEART_RATE', now), className: 'line-hr', dots: false }],
    references: [{ value: baseline.heartRate, className: 'baseline' }],
  });
}

function updateAlarms(tile, chair, context) {
  const list = field(tile, 'alarms');
  const alarms = sortAlarms(chair.activeAlarms ?? []);
  list.hidden = alarms.length === 0;
  setAttr(list, 'aria-label', `Active alarms, ${chairLabel(chair.chairId)}`);
  const existing = new Map([...list.children].map(li => [li.dataset.alarm, li]));
  alarms.forEach((alarm, index) => {
    let item = existing.get(alarm.alarmId);
    if (!item) {
      item = createAlarmItem(alarm, chair);
    }
    existing.delete(alarm.alarmId);
    updateAlarmItem(item, alarm, chair, context);
    if (list.children[index] !== item) {
      list.insertBefore(item, list.children[index] ?? null);
    }
  });
  existing.forEach(item => item.remove());
}

function createAlarmItem(alarm) {
  const item = document.createElement('li');
  item.dataset.alarm = alarm.alarmId;
  item.innerHTML = '<span class="marker"></span><span class="tech" hidden>TECH</span>'
    + '<span class="what"><strong class="rule"></strong> <span class="message"></span></span>'
    + '<span class="since"></span><span class="state"></span>'
    + '<span class="actions"><button type="button" class="more" data-reason-open hidden></button>'
    + '<button type="button" class="ack" data-ack></button></span>'
    + '<p class="escalation" hidden></p>'
    + '<form class="reason" hidden><label><span class="reason-label"></span>'
    + '<input name="reason" maxlength="200" autocomplete="off"></label>'
    + '<button type="submit" class="confirm"></button>'
    + '<button type="button" class="cancel" data-reason-cancel>Cancel</button>'
    + '<span class="reason-error" role="alert"></span></form>';
  item.querySelector('button.ack').dataset.ack = alarm.alarmId;
  return item;
}

function updateAlarmItem(item, alarm, chair, context) {
  const priority = alarm.priority ?? 'LOW';
  const escalated = Boolean(alarm.escalatedAt);
  item.className = `alarm alarm--${priority.toLowerCase()}${alarm.kind === 'TECHNICAL' ? ' alarm--technical' : ''}`
    + `${alarm.acknowledgedBy ? ' alarm--acknowledged' : ''}${escalated ? ' alarm--escalated' : ''}`;
  setText(item.querySelector('.marker'), `${priorityMarker(priority)} ${priority}`);
  item.querySelector('.tech').hidden = alarm.kind !== 'TECHNICAL';
  setText(item.querySelector('.rule'), ruleLabel(alarm.rule));
  setText(item.querySelector('.message'), alarm.message ?? '');
  const raised = millis(alarm.raisedAt);
  setText(item.querySelector('.since'),
    raised === null ? '' : span(Math.max(0, Math.floor((context.now - raised) / 1000))));
  setAttr(item.querySelector('.since'), 'title', alarm.raisedAt ? `Raised ${alarm.raisedAt}` : null);
  const stateText = [
    alarm.conditionEnded ? 'back in range' : null,
    alarm.acknowledgedBy ? `acknowledged by ${alarm.acknowledgedBy}` : null,
  ].filter(Boolean).join(' · ');
  setText(item.querySelector('.state'), stateText);
  setAttr(item.querySelector('.state'), 'title',
    alarm.acknowledgedAt ? `Acknowledged ${age(alarm.acknowledgedAt, context.now)}` : null);
  updateEscalation(item.querySelector('.escalation'), alarm, context.now);
  const button = item.querySelector('button.ack');
  const pending = context.pending.get(alarm.alarmId);
  button.hidden = Boolean(alarm.acknowledgedBy);
  button.disabled = pending === 'sending';
  setText(button, pending === 'sending' ? 'Acknowledging…' : (pending ? `${pending} — retry` : 'Acknowledge'));
  setAttr(button, 'aria-label',
    `Acknowledge ${priority} alarm ${ruleLabel(alarm.rule)} at ${chairLabel(chair.chairId)}`);
  updateReasonAction(item, alarm, chair, context.actions?.get(alarm.alarmId));
}

/** "escalated to charge nurse / provider · 1:02 ago": someone else has been called to this chair. */
function updateEscalation(element, alarm, now) {
  const at = millis(alarm.escalatedAt);
  element.hidden = at === null;
  if (at !== null) {
    const since = clockSpan(Math.max(0, Math.floor((now - at) / 1000)));
    setText(element, `escalated to ${alarm.escalatedTo ?? 'the next responder'} · ${since} ago`);
    setAttr(element, 'title', `Escalated ${alarm.escalatedAt}`);
  }
}

/**
 * The small second action of an alarm (resolve a technical alarm, override a soft limit), which asks for a reason
 * in a form inside the row: a browser prompt would stop the page, its sounds and its live values while open.
 * Whether the form is open is the form's own state, set by the page's click handlers.
 */
function updateReasonAction(item, alarm, chair, action) {
  const kind = reasonAction(alarm);
  const open = item.querySelector('button.more');
  const form = item.querySelector('form.reason');
  item.dataset.action = kind ?? '';
  if (!kind) {
    open.hidden = true;
    form.hidden = true;
    return;
  }
  const words = REASON_ACTIONS[kind];
  open.hidden = !form.hidden;
  open.dataset.reasonOpen = alarm.alarmId;
  setText(open, words.open);
  setAttr(open, 'aria-label', `${words.confirm} ${ruleLabel(alarm.rule)} at ${chairLabel(chair.chairId)}`);
  setText(form.querySelector('.reason-label'), words.label);
  form.dataset.alarm = alarm.alarmId;
  form.dataset.action = kind;
  const confirm = form.querySelector('button.confirm');
  confirm.disabled = action?.state === 'sending';
  setText(confirm, action?.state === 'sending' ? words.sending : words.confirm);
  setText(form.querySelector('.reason-error'), action?.state === 'failed' ? action.message : '');
}
