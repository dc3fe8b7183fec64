/**
 * A director's prescription of the infusion: drug from the clinic's drug library, mg/kg, minutes, concentration.
 * The library's soft and hard limits for the dose and the dose rate are shown before submitting, and where the
 * entered values fall against them (docs/DOMAIN.md, "Infusion pumps": soft limits ask for an override at the pump,
 * hard limits are not overridable).
 */
import { number } from './format.js';
import { el, field } from './dom.js';

const ROUNDING = 1e-9;

function band(limits) {
  return `soft ${number(limits.lowerSoft, 2)}–${number(limits.upperSoft, 2)}, `
    + `hard ${number(limits.lowerHard, 2)}–${number(limits.upperHard, 2)}`;
}

/** 'hard', 'soft' or null: how far past the band a value is. */
export function pastLimit(value, limits) {
  if (value - limits.upperHard > ROUNDING || limits.lowerHard - value > ROUNDING) {
    return 'hard';
  }
  if (value - limits.upperSoft > ROUNDING || limits.lowerSoft - value > ROUNDING) {
    return 'soft';
  }
  return null;
}

function judge(what, value, limits, unit) {
  const past = pastLimit(value, limits);
  if (past === 'hard') {
    return { level: 'hard', text: `${what} ${number(value, 2)} ${unit} is past the hard limit (${band(limits)}): `
      + 'a pump will not run it.' };
  }
  if (past === 'soft') {
    return { level: 'soft', text: `${what} ${number(value, 2)} ${unit} is past the soft limit (${band(limits)}): `
      + 'the nurse will have to override it with a reason.' };
  }
  return { level: 'ok', text: `${what} ${number(value, 2)} ${unit} is within the library (${band(limits)}).` };
}

/** Updates the limits shown under the form for what is entered now. */
export function showLimits(form, protocol) {
  const drug = (protocol?.drugs ?? []).find(d => d.drug === form.elements.drug.value);
  const out = form.querySelector('[data-f=limits]');
  out.replaceChildren();
  if (!drug) {
    out.append(el('li', { text: 'This drug is not in the library: its dose is not checked.' }));
    return;
  }
  const mgPerKg = Number(form.elements.mgPerKg.value);
  const minutes = Number(form.elements.minutes.value);
  out.append(el('li', { class: 'band', text: `Dose per session: ${band(drug.dosePerSessionMgPerKg)} mg/kg` }),
    el('li', { class: 'band', text: `Dose rate: ${band(drug.doseRateMgPerKgPerHour)} mg/kg/h` }));
  if (mgPerKg > 0) {
    const verdict = judge('Dose', mgPerKg, drug.dosePerSessionMgPerKg, 'mg/kg');
    out.append(el('li', { class: `verdict verdict--${verdict.level}`, text: verdict.text }));
  }
  if (mgPerKg > 0 && minutes > 0) {
    const verdict = judge('Rate', mgPerKg / (minutes / 60), drug.doseRateMgPerKgPerHour, 'mg/kg/h');
    out.append(el('li', { class: `verdict verdict--${verdict.level}`, text: verdict.text }));
  }
}

export function prescriptionForm(protocol, current) {
  const drugs = protocol?.drugs ?? [];
  const form = el('form', { class: 'step-form prescribe', 'data-step': 'PRESCRIBE' },
    el('h3', { text: current ? 'Prescribe again' : 'Prescribe the infusion' }),
    el('label', { class: 'field' }, el('span', { class: 'field-label', text: 'Drug' }),
      el('select', { name: 'drug' }, drugs.map(d => el('option', { value: d.drug, text: d.drug })))),
    el('div', { class: 'row' },
      field('Dose', { name: 'mgPerKg', type: 'number', step: '0.01', min: 0, value: current?.mgPerKg ?? 0.5,
        required: true }, 'mg/kg'),
      field('Over', { name: 'minutes', type: 'number', min: 1, value: current?.minutes ?? 40, required: true },
        'min'),
      field('Concentration', { name: 'concentrationMgPerMl', type: 'number', step: '0.1', min: 0,
        value: current?.concentrationMgPerMl ?? 1, required: true }, 'mg/mL')),
    el('ul', { class: 'limits', 'data-f': 'limits', 'aria-live': 'polite' }),
    el('button', { type: 'submit', class: 'big', text: 'Prescribe' }));
  if (current && drugs.some(d => d.drug === current.drug)) {
    form.elements.drug.value = current.drug;
  }
  showLimits(form, protocol);
  return form;
}
