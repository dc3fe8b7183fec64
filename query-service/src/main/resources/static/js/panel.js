/**
 * The session panel beside the tiles: opened from a chair's tile, it books a session at a free chair or walks the
 * session at the chair through its workflow, one press per step. It sits beside the grid, never over it, so every
 * tile and its alarms stay in view while a form is open; the tiles go on updating.
 *
 * Every step is sent to Vigil, which decides: a refused step shows Vigil's reason in plain words and the panel
 * shows the session as it now stands. A form the nurse has begun is never replaced by an update: when the session
 * changed meanwhile (another nurse acted) the panel says so and keeps the entry; sending it lets Vigil decide.
 */
import * as api from './api.js';
import { chairLabel } from './format.js';
import { showLimits } from './prescription.js';
import { bookingView, sessionView } from './panel-view.js';
import { failure } from './words.js';

const PATHS = {
  CHECK_IN: 'check-in', RECORD_PRE_ASSESSMENT: 'pre-assessment', EVALUATE_GATE: 'gate',
  OVERRIDE_GATE_HOLD: 'gate/override', DEFER: 'defer', START_DOSING: 'dosing/start',
  ADMINISTER_ESKETAMINE_DEVICE: 'esketamine-devices', START_OBSERVATION: 'observation',
  ASSESS_DISCHARGE: 'discharge-assessment', DISCHARGE: 'discharge', DISCHARGE_OVERRIDE: 'discharge/override',
  DOCUMENT: 'documentation', REVIEW: 'review', ESCALATE: 'escalate', RESOLVE_ESCALATION: 'escalation/resolve',
  TRANSFER: 'transfer', ADD_NOTE: 'notes', PRESCRIBE: 'prescription',
};

/** The steps of a free chair: book here, book for today without a chair, seat one booked for today. */
const BOOKING_STEPS = ['BOOK', 'BOOK_FOR_TODAY', 'SEAT'];

/**
 * How often an open panel refetches its session even without a change of phase: checkpoints fall due, and a step
 * taken elsewhere (a director's override) changes no chair at a chair whose devices are quiet.
 */
const REFRESH_MS = 5000;

function numberOf(form, name) {
  const value = form.elements[name]?.value;
  return value === undefined || value === '' ? null : Number(value);
}

function textOf(form, name) {
  const value = form.elements[name]?.value?.trim();
  return value ? value : null;
}

/** The JSON body of a step's form, as the workflow's endpoints read it. */
function bodyOf(step, form, chairId) {
  if (!form) {
    return undefined;
  }
  switch (step) {
    case 'BOOK':
    case 'BOOK_FOR_TODAY': return {
      chairId: step === 'BOOK' ? chairId : undefined, patientPseudonym: textOf(form, 'patientPseudonym'),
      weightKg: numberOf(form, 'weightKg'), ageYears: numberOf(form, 'ageYears'),
      treatment: form.elements.treatment.value,
    };
    case 'RECORD_PRE_ASSESSMENT': {
      const ride = form.elements.rideHomeArranged.value;
      return {
        weightKg: numberOf(form, 'weightKg'),
        baseline: { systolic: numberOf(form, 'systolic'), diastolic: numberOf(form, 'diastolic'),
          heartRate: numberOf(form, 'heartRate'), spo2: numberOf(form, 'spo2') },
        interactingMedications: [...form.querySelectorAll('input[name=medication]:checked')].map(i => i.value),
        rideHomeArranged: ride === '' ? null : ride === 'yes', rideHome: textOf(form, 'rideHome'),
      };
    }
    case 'ASSESS_DISCHARGE': return { aldreteScore: numberOf(form, 'aldreteScore') };
    case 'PRESCRIBE': return {
      drug: form.elements.drug.value, mgPerKg: numberOf(form, 'mgPerKg'), minutes: numberOf(form, 'minutes'),
      concentrationMgPerMl: numberOf(form, 'concentrationMgPerMl'),
    };
    default: return form.elements.reason ? { reason: textOf(form, 'reason') } : { text: textOf(form, 'text') };
  }
}

/** Where a session stands, to tell when the panel must fetch it again. */
function phaseOf(chair) {
  return `${chair?.session?.sessionId ?? ''}/${chair?.session?.endedAt ?? ''}/${chair?.phase ?? ''}`;
}

export class SessionPanel {

  /**
   * @param chairOf  chairId → the chair as the page knows it now (for the patient and the monitor's readings)
   * @param onLayout called after the panel opened or closed: the grid's width changed
   */
  constructor(element, { chairOf, onLayout, onSelect }) {
    this.element = element;
    this.body = element.querySelector('[data-f=panel-body]');
    this.title = element.querySelector('[data-f=panel-title]');
    this.message = element.querySelector('[data-f=panel-message]');
    this.chairOf = chairOf;
    this.onLayout = onLayout;
    this.onSelect = onSelect;
    this.chairId = null;
    this.roles = [];
    this.protocol = null;
    this.phase = null;
    /** The session drawn now (null: a free chair; undefined: nothing yet), so a redraw of it keeps what is open. */
    this.shown = undefined;
    this.sending = false;
    this.dirty = false;
    /** How many times the nurse has typed or chosen in the panel: a load never wipes an entry made while it ran. */
    this.edits = 0;
    this.loadedAt = 0;
    this.generation = 0;
    element.querySelector('[data-f=panel-close]').addEventListener('click', () => this.close());
    element.addEventListener('click', event => this.clicked(event));
    element.addEventListener('submit', event => {
      event.preventDefault();
      const submitter = event.submitter?.dataset.step ? event.submitter : null;
      this.send(submitter?.dataset.step ?? event.target.dataset.step, event.target, submitter ?? undefined);
    });
    element.addEventListener('input', event => {
      this.dirty = true;
      this.edits++;
      const form = event.target.closest('form.prescribe');
      if (form) {
        showLimits(form, this.protocol);
      }
    });
    setInterval(() => {
      if (this.chairId && !this.sending && Date.now() - this.loadedAt >= REFRESH_MS) {
        this.load(false).catch(() => {});
      }
    }, REFRESH_MS);
    element.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        this.close();
      }
    });
  }

  configure(roles, protocol) {
    this.roles = roles;
    this.protocol = protocol;
  }

  get director() {
    return this.roles.includes('DIRECTOR');
  }

  open(chairId) {
    this.chairId = chairId;
    this.dirty = false;
    this.shown = undefined;
    this.element.hidden = false;
    document.body.classList.add('panel-open');
    this.say(null);
    this.title.textContent = chairLabel(chairId);
    this.onSelect(chairId);
    this.onLayout();
    this.load(true).then(() => this.element.querySelector('button, input, summary')?.focus());
  }

  close() {
    const chairId = this.chairId;
    this.chairId = null;
    this.generation++;
    this.element.hidden = true;
    document.body.classList.remove('panel-open');
    this.onSelect(null);
    this.onLayout();
    document.querySelector(`button[data-open-panel="${CSS.escape(chairId ?? '')}"]`)?.focus();
  }

  /** The page learnt something new about a chair: a new phase or session is fetched, else every few seconds. */
  chairChanged(chair) {
    if (!this.chairId || chair.chairId !== this.chairId || this.sending) {
      return;
    }
    if (phaseOf(chair) !== this.phase || Date.now() - this.loadedAt > REFRESH_MS) {
      this.load(false).catch(() => {});
    }
  }

  say(text, kind = 'refused') {
    this.message.hidden = !text;
    this.message.textContent = text ?? '';
    this.message.dataset.kind = kind;
  }

  /**
   * Shows the chair's session as it is now. With `replace` it shows it even over an entry in progress (after a
   * step was sent, whose form is done with), except an entry made while this load was on its way, which is kept.
   */
  async load(replace) {
    const chairId = this.chairId;
    const generation = ++this.generation;
    const edits = this.edits;
    const chair = this.chairOf(chairId);
    this.phase = phaseOf(chair);
    this.loadedAt = Date.now();
    const session = chair?.session && !chair.session.endedAt ? chair.session : null;
    const panel = session ? await api.getJson(`/api/sessions/${encodeURIComponent(session.sessionId)}/panel`) : null;
    const bookings = session ? [] : await api.getJson('/api/bookings').catch(() => []);
    if (generation !== this.generation || chairId !== this.chairId) {
      return;
    }
    const key = panel ? `${session.sessionId}/${panel.taken.length}/${panel.workflow.state}/${panel.steps.join()}`
      + `/${JSON.stringify(panel.workflow.checkpoints.map(c => c.status))}/${panel.prescription?.at ?? ''}`
      + `/${panel.steps.includes('RECORD_PRE_ASSESSMENT') ? this.monitor(chair).at : ''}`
      : `free/${chair?.session?.sessionId ?? ''}/${bookings.filter(b => !b.chairId).map(b => b.bookingId).join()}`;
    if (key === this.key && !replace) {
      return;
    }
    if (this.dirty && (!replace || edits !== this.edits)) {
      this.say('This session changed while you were entering: your entry is kept. Sending it lets Vigil check '
        + 'it against the session as it is now.', 'changed');
      return;
    }
    const shown = session?.sessionId ?? null;
    const kept = shown === this.shown ? this.openSections() : [];
    this.shown = shown;
    this.key = key;
    this.dirty = false;
    this.title.textContent = session ? `${chairLabel(chairId)} · ${session.patientPseudonym ?? ''}`
      : chairLabel(chairId);
    this.body.replaceChildren(...(panel
      ? sessionView({ ...panel, session }, { monitor: this.monitor(chair), director: this.director,
        protocol: this.protocol })
      : bookingView(chairId, this.protocol, bookings)));
    kept.forEach(name => this.body.querySelector(`details.${CSS.escape(name)}`)?.setAttribute('open', ''));
  }

  /**
   * The folded sections ("Escalate, transfer, defer, note…") the nurse has opened: a redraw of the same session
   * keeps them open, so a section never folds away under her finger because the session changed or was refetched.
   */
  openSections() {
    return [...this.body.querySelectorAll('details[open]')].map(d => d.classList[0]).filter(Boolean);
  }

  /** The monitor's last readings, to pre-fill the pre-assessment. */
  monitor(chair) {
    const value = vital => {
      const reading = chair?.vitals?.[vital];
      return reading && typeof reading.value === 'number' ? Math.round(reading.value) : null;
    };
    return {
      systolic: value('NIBP_SYSTOLIC'), diastolic: value('NIBP_DIASTOLIC'),
      heartRate: value('HEART_RATE') ?? value('PULSE_RATE'), spo2: value('SPO2'),
      at: chair?.vitals?.NIBP_SYSTOLIC?.receivedAt ?? null,
    };
  }

  clicked(event) {
    const button = event.target.closest('button[data-step]');
    if (button && !button.disabled && button.type !== 'submit') {
      this.send(button.dataset.step, null, button);
    }
  }

  async send(step, form, button = form?.querySelector('button[type=submit]')) {
    const chair = this.chairOf(this.chairId);
    const chairId = this.chairId;
    if (!PATHS[step] && !BOOKING_STEPS.includes(step) || this.sending) {
      return;
    }
    this.sending = true;
    if (button) {
      button.disabled = true;
      button.dataset.label = button.textContent;
      button.textContent = 'Sending…';
    }
    try {
      if (step === 'BOOK') {
        await api.postJson('/api/sessions', bodyOf(step, form, chairId));
      } else if (step === 'BOOK_FOR_TODAY') {
        await api.postJson('/api/bookings', bodyOf(step, form, chairId));
      } else if (step === 'SEAT') {
        const { day, booking } = button.dataset;
        await api.postJson(`/api/bookings/${encodeURIComponent(day)}/${encodeURIComponent(booking)}/seat`,
          { chairId });
      } else {
        const session = encodeURIComponent(chair.session.sessionId);
        await api.postJson(`/api/sessions/${session}/${PATHS[step]}`, bodyOf(step, form, chairId));
      }
      this.say(null);
      this.dirty = false;
      this.sending = false;
      if (step === 'BOOK' || step === 'SEAT') {
        await this.awaitSession(chairId);
      }
      await this.load(true);
    } catch (e) {
      this.sending = false;
      this.dirty = false;
      if (button) {
        button.disabled = false;
        button.textContent = button.dataset.label;
      }
      await this.load(false).catch(() => {});
      this.say(`Not done: ${failure(e)}`);
    }
  }

  /** After booking, the chair's new session reaches the page over the stream; fetched here if it is slow. */
  async awaitSession(chairId) {
    for (let i = 0; i < 20; i++) {
      const chair = this.chairOf(chairId);
      if (chair?.session && !chair.session.endedAt) {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}
