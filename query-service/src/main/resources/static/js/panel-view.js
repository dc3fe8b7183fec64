/**
 * The contents of the session panel, built from the session as {@code GET /api/sessions/{id}/panel} answers it:
 * what happened (gate, prescription, devices, checkpoints, discharge criteria), the steps the workflow allows next
 * as big buttons or short forms, the other actions, and every step taken with who and when. Each button and form
 * carries {@code data-step}: the panel's controller sends it (panel.js).
 */
import { chairLabel, number, timeOfDay } from './format.js';
import { el, field } from './dom.js';
import { prescriptionForm } from './prescription.js';
import { STATE_WORDS, TREATMENT_WORDS } from './words.js';

/** The steps shown under "Other actions": possible most of the time, rarely the next thing to do. */
const OTHER_STEPS = ['ESCALATE', 'TRANSFER', 'DEFER', 'ADD_NOTE'];

const MEDICATIONS = {
  BENZODIAZEPINE: 'Benzodiazepine', NON_BENZODIAZEPINE_HYPNOTIC: 'Non-benzodiazepine hypnotic',
  PSYCHOSTIMULANT: 'Psychostimulant', MAOI: 'MAOI',
};

function button(step, text, cls = 'big') {
  return el('button', { type: 'button', class: cls, 'data-step': step, text });
}

function reasonForm(step, label, submit, { name = 'reason', required = true, cls = 'small' } = {}) {
  return el('form', { class: `step-form ${cls}`, 'data-step': step },
    field(label, { name, maxlength: 500, required }),
    el('button', { type: 'submit', class: cls === 'big' ? 'big' : 'secondary', text: submit }));
}

function facts(...rows) {
  const list = el('dl', { class: 'panel-facts' });
  rows.filter(Boolean).forEach(([term, value, cls]) => list.append(el('div', { class: cls ?? null },
    el('dt', { text: term }), el('dd', { text: value }))));
  return list;
}

/**
 * A free chair: the patients booked for today without a chair, each seated here with one press, and the form that
 * books a session here — or books it for today with no chair yet, to be seated when the patient comes.
 */
export function bookingView(chairId, protocol, bookings = []) {
  const open = bookings.filter(b => !b.chairId);
  return [
    open.length ? el('section', { class: 'day-bookings', 'data-f': 'day-bookings' },
      el('h3', { text: 'Booked for today' }),
      ...open.map(b => el('button', {
        type: 'button', class: 'secondary', 'data-step': 'SEAT', 'data-booking': b.bookingId, 'data-day': b.day,
        text: `${b.patientPseudonym} · ${number(b.weightKg, 1)} kg · ${TREATMENT_WORDS[b.treatment] ?? b.treatment}`
          + ` — seat at ${chairLabel(chairId)}`,
      }))) : null,
    bookingForm(chairId, protocol),
  ].filter(Boolean);
}

function bookingForm(chairId, protocol) {
  const treatments = (protocol?.treatments ?? ['IV_KETAMINE', 'ESKETAMINE']).map((t, i) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'treatment', value: t, checked: i === 0 }),
      el('span', { text: TREATMENT_WORDS[t] ?? t })));
  const protocolName = protocol ? `${protocol.name} ${protocol.version}` : 'the clinic protocol';
  return el('form', { class: 'step-form booking', 'data-step': 'BOOK' },
    el('h3', { text: `Book a session at ${chairLabel(chairId)}` }),
    field('Patient pseudonym', { name: 'patientPseudonym', maxlength: 100, required: true }),
    el('div', { class: 'row' },
      field('Weight', { name: 'weightKg', type: 'number', step: '0.1', min: 1, max: 400, inputmode: 'decimal',
        required: true }, 'kg'),
      field('Age', { name: 'ageYears', type: 'number', min: 1, max: 120, inputmode: 'numeric', required: true },
        'years')),
    el('fieldset', { class: 'choices' }, el('legend', { text: 'Treatment' }), ...treatments),
    el('label', { class: 'field' }, el('span', { class: 'field-label', text: 'Protocol' }),
      el('select', { name: 'protocol' }, el('option', { value: protocol?.name ?? '', text: protocolName }))),
    el('button', { type: 'submit', class: 'big', text: 'Book session' }),
    el('button', { type: 'submit', class: 'secondary', 'data-step': 'BOOK_FOR_TODAY',
      text: 'Book for today, no chair yet' }));
}

/** The pre-assessment, its vitals pre-filled from the monitor's last readings for the nurse to confirm. */
function preAssessmentForm(session, monitor) {
  const source = monitor.at ? `From the monitor at ${timeOfDay(monitor.at)} — confirm or correct.`
    : 'No monitor reading yet: enter what you measured.';
  return el('form', { class: 'step-form', 'data-step': 'RECORD_PRE_ASSESSMENT' },
    el('h3', { text: 'Pre-assessment' }),
    el('p', { class: 'hint', 'data-f': 'prefill', text: source }),
    el('div', { class: 'row' },
      field('Weight', { name: 'weightKg', type: 'number', step: '0.1', value: session.weightKg, required: true },
        'kg'),
      field('SBP', { name: 'systolic', type: 'number', value: monitor.systolic, required: true }, 'mmHg'),
      field('DBP', { name: 'diastolic', type: 'number', value: monitor.diastolic, required: true }, 'mmHg')),
    el('div', { class: 'row' },
      field('HR', { name: 'heartRate', type: 'number', value: monitor.heartRate }, '/min'),
      field('SpO₂', { name: 'spo2', type: 'number', value: monitor.spo2 }, '%')),
    el('fieldset', { class: 'choices' }, el('legend', { text: 'Interacting medications taken' }),
      ...Object.entries(MEDICATIONS).map(([code, words]) => el('label', { class: 'choice' },
        el('input', { type: 'checkbox', name: 'medication', value: code }), el('span', { text: words })))),
    el('fieldset', { class: 'choices' }, el('legend', { text: 'Ride home arranged?' }),
      el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'rideHomeArranged', value: 'yes' }),
        el('span', { text: 'Yes' })),
      el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'rideHomeArranged', value: 'no' }),
        el('span', { text: 'No' }))),
    field('Who drives home (optional)', { name: 'rideHome', maxlength: 200 }),
    el('button', { type: 'submit', class: 'big', text: 'Record pre-assessment' }));
}

function gateView(workflow, director, steps) {
  if (!workflow.gateOutcome) {
    return null;
  }
  const held = workflow.gateOutcome === 'HOLD' && !workflow.gateOverriddenBy;
  const box = el('section', { class: `gate gate--${held ? 'hold' : 'pass'}`, 'data-f': 'gate' },
    el('h3', { text: workflow.gateOutcome === 'PASS' ? 'Pre-dose gate passed'
      : (held ? 'Pre-dose gate holds' : `Gate hold overridden by ${workflow.gateOverriddenBy}`) }),
    workflow.gateReasons.length ? el('ul', {}, workflow.gateReasons.map(r => el('li', { text: r }))) : null);
  if (held && !director) {
    box.append(el('p', { class: 'ask', text: 'Ask the director: only a director can override the hold. '
      + 'Or check again after the patient rested, or defer today’s dose.' }));
  }
  if (held && director && steps.includes('OVERRIDE_GATE_HOLD')) {
    box.append(reasonForm('OVERRIDE_GATE_HOLD', 'Reason for overriding the hold', 'Override the hold',
      { cls: 'big' }));
  }
  return box;
}

function prescriptionView(panel, director, protocol) {
  const { workflow, prescription } = panel;
  if (workflow.treatment !== 'IV_KETAMINE') {
    return null;
  }
  const box = el('section', { class: 'prescription', 'data-f': 'prescription' }, el('h3', { text: 'Prescription' }));
  if (prescription) {
    box.append(facts(
      ['Drug', prescription.drug],
      ['Dose', `${number(prescription.mgPerKg, 2)} mg/kg = ${number(prescription.expectedDoseMg, 1)} mg`],
      ['Over', `${prescription.minutes} min at ${number(prescription.concentrationMgPerMl, 1)} mg/mL`],
      ['Pump', `${number(prescription.vtbiMl, 1)} mL at ${number(prescription.rateMlPerHour, 1)} mL/h`],
      ['By', `${prescription.prescribedBy} at ${timeOfDay(prescription.at)}`]));
  } else {
    box.append(el('p', { class: 'hint', text: 'Not prescribed yet: a director prescribes the infusion.' }));
  }
  const before = ['SCHEDULED', 'CHECKED_IN', 'PRE_ASSESSMENT', 'GATE'].includes(workflow.state);
  if (director && before) {
    box.append(prescriptionForm(protocol, prescription));
  }
  return box;
}

function devicesView(workflow) {
  if (workflow.treatment !== 'ESKETAMINE' || workflow.esketamineDevices.length === 0) {
    return null;
  }
  return el('section', { class: 'devices-given', 'data-f': 'devices-given' },
    el('h3', { text: 'Esketamine devices given' }),
    el('ol', {}, workflow.esketamineDevices.map((at, i) =>
      el('li', { text: `Device ${i + 1} (28 mg) at ${timeOfDay(at)}` }))));
}

function checkpointsView(workflow) {
  if (!workflow.checkpoints.length) {
    return null;
  }
  const title = workflow.treatment === 'ESKETAMINE' ? 'REMS blood pressures' : 'Blood-pressure checkpoints';
  return el('section', { class: 'checkpoints', 'data-f': 'checkpoints' }, el('h3', { text: title }),
    el('ul', {}, workflow.checkpoints.map(c => el('li', { class: `checkpoint checkpoint--${c.status.toLowerCase()}`,
      'data-checkpoint': c.label },
      el('span', { class: 'label', text: c.label }),
      el('span', { class: 'status', text: c.status === 'DONE' ? `done ${timeOfDay(c.doneAt)}`
        : (c.status === 'OVERDUE' ? 'overdue' : (c.dueAt ? `due ${timeOfDay(c.dueAt)}` : 'due, time not known yet')) })))));
}

function dischargeView(workflow, director, steps) {
  const box = el('section', { class: 'discharge', 'data-f': 'discharge' });
  if (workflow.observeUntil && ['DOSING', 'OBSERVATION', 'DISCHARGE_ASSESSMENT'].includes(workflow.state)) {
    box.append(el('p', { class: 'hint', text: `Observation until ${timeOfDay(workflow.observeUntil)}; `
      + 'discharge can be assessed from then.' }));
  }
  if (workflow.dischargeCriteriaMet !== null && workflow.dischargeCriteriaMet !== undefined) {
    box.append(el('h3', { text: workflow.dischargeCriteriaMet ? 'Discharge criteria met'
      : 'Discharge criteria not met' }));
    box.append(el('p', { class: 'hint', text: 'BP within 20 mmHg of baseline, SpO₂ ≥ 95 % on room air, Aldrete ≥ 9, '
      + 'from recent readings.' }));
    if (!workflow.dischargeCriteriaMet) {
      box.append(el('ul', { class: 'missing' }, workflow.unmetDischargeCriteria.map(c => el('li', { text: c }))));
      if (director && steps.includes('DISCHARGE')) {
        box.append(reasonForm('DISCHARGE_OVERRIDE', 'Reason for discharging against the criteria',
          'Discharge against the criteria'));
      } else if (steps.includes('DISCHARGE')) {
        box.append(el('p', { class: 'ask', text: 'Assess again when the readings improve, or ask the director.' }));
      }
    }
  }
  return box.childElementCount ? box : null;
}

/** The big control of one allowed step, or null when it belongs elsewhere or to someone else. */
function stepControl(step, panel, monitor, director) {
  const { workflow } = panel;
  const iv = workflow.treatment === 'IV_KETAMINE';
  switch (step) {
    case 'CHECK_IN': return button(step, 'Check in');
    case 'RECORD_PRE_ASSESSMENT':
      return workflow.state === 'CHECKED_IN' ? preAssessmentForm(panel.session, monitor)
        : el('details', { class: 'redo' }, el('summary', { text: 'Correct the pre-assessment' }),
          preAssessmentForm(panel.session, monitor));
    case 'EVALUATE_GATE': return button(step, workflow.gateOutcome ? 'Check the gate again (latest BP)'
      : 'Check the pre-dose gate (latest BP)', workflow.gateOutcome ? 'secondary' : 'big');
    case 'START_DOSING': return button(step, 'Start infusion');
    case 'ADMINISTER_ESKETAMINE_DEVICE':
      return button(step, `Record device ${workflow.esketamineDevices.length + 1} given now`);
    case 'START_OBSERVATION':
      return button(step, iv ? 'Infusion ended — start observation' : 'Dosing finished — start observation',
        iv ? 'big' : 'secondary');
    case 'ASSESS_DISCHARGE':
      return el('form', { class: 'step-form', 'data-step': step }, el('h3', { text: 'Discharge assessment' }),
        field('Aldrete score', { name: 'aldreteScore', type: 'number', min: 0, max: 10, required: true },
          'of 10'),
        el('button', { type: 'submit', class: workflow.dischargeCriteriaMet ? 'secondary' : 'big',
          text: workflow.dischargeCriteriaMet === null ? 'Assess discharge' : 'Assess again' }));
    case 'DISCHARGE': return workflow.dischargeCriteriaMet ? button(step, 'Discharge') : null;
    case 'DOCUMENT': return reasonForm(step, 'Summary (optional)', 'Document the session',
      { name: 'text', required: false, cls: 'big' });
    case 'REVIEW': return director ? reasonForm(step, 'Review comment (optional)', 'Review the session',
      { name: 'text', required: false, cls: 'big' }) : null;
    case 'RESOLVE_ESCALATION': return reasonForm(step, 'What was done (optional)', 'Resolve the escalation',
      { name: 'text', required: false, cls: 'big' });
    default: return null;
  }
}

function otherControl(step) {
  switch (step) {
    case 'ESCALATE': return reasonForm(step, 'Why a provider is needed', 'Escalate');
    case 'TRANSFER': return reasonForm(step, 'Why the patient goes to emergency care', 'Transfer');
    case 'DEFER': return reasonForm(step, 'Why today’s dose is withheld', 'Defer');
    case 'ADD_NOTE': return reasonForm(step, 'Note', 'Add note', { name: 'text' });
    default: return null;
  }
}

function takenView(taken) {
  return el('section', { class: 'taken', 'data-f': 'taken' }, el('h3', { text: 'Steps taken' }),
    el('ol', { reversed: true }, [...taken].reverse().map(t => el('li', {},
      el('time', { datetime: t.at, text: timeOfDay(t.at) }),
      el('span', { class: 'what', text: t.what }),
      el('span', { class: 'by', text: t.by ? `by ${t.by}` : '' })))));
}

/** Everything the panel shows of a session. */
export function sessionView(panel, { monitor, director, protocol }) {
  const { workflow, steps } = panel;
  const next = steps.filter(s => !OTHER_STEPS.includes(s)).map(s => stepControl(s, panel, monitor, director))
    .filter(Boolean);
  const others = steps.filter(s => OTHER_STEPS.includes(s)).map(otherControl).filter(Boolean);
  const state = workflow.state === 'ESCALATED' && workflow.resumesTo
    ? `${STATE_WORDS.ESCALATED} (from ${STATE_WORDS[workflow.resumesTo]})` : STATE_WORDS[workflow.state];
  return [
    el('p', { class: 'panel-state', 'data-f': 'state', 'data-state': workflow.state,
      text: `${TREATMENT_WORDS[workflow.treatment] ?? workflow.treatment} · ${state}` }),
    gateView(workflow, director, steps),
    prescriptionView(panel, director, protocol),
    devicesView(workflow),
    checkpointsView(workflow),
    dischargeView(workflow, director, steps),
    next.length ? el('section', { class: 'next', 'data-f': 'next' }, el('h3', { text: 'Next' }), ...next) : null,
    others.length ? el('details', { class: 'others', 'data-f': 'others' },
      el('summary', { text: 'Escalate, transfer, defer, note…' }), ...others) : null,
    takenView(panel.taken),
  ].filter(Boolean);
}
