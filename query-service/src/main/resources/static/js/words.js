/**
 * The session workflow in a nurse's words: the states of docs/DOMAIN.md ("Session lifecycle") and the domain's
 * refusals rewritten without identifiers, state codes or ISO times.
 */
import { timeOfDay } from './format.js';

export const STATE_WORDS = {
  SCHEDULED: 'booked, not checked in',
  CHECKED_IN: 'checked in',
  PRE_ASSESSMENT: 'pre-assessed',
  GATE: 'at the pre-dose gate',
  DEFERRED: 'deferred',
  DOSING: 'dosing',
  OBSERVATION: 'in observation',
  DISCHARGE_ASSESSMENT: 'assessed for discharge',
  DISCHARGED: 'discharged',
  DOCUMENTED: 'documented',
  REVIEWED: 'reviewed',
  ESCALATED: 'escalated to a provider',
  TRANSFERRED: 'transferred to emergency care',
};

export const TREATMENT_WORDS = { IV_KETAMINE: 'IV ketamine', ESKETAMINE: 'Esketamine nasal spray' };

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
const STATE_CODE = new RegExp(`\\b(${Object.keys(STATE_WORDS).join('|')})\\b`, 'g');

/**
 * "session 3f…: observation runs until 2026-03-02T11:00:00Z (…)" → "Observation runs until 11:00:00 (…)";
 * "session 3f… is in CHECKED_IN: cannot check the patient in; allowed next: …" → "The session is checked in:
 * cannot check the patient in; allowed next: …".
 */
export function plain(reason) {
  if (!reason) {
    return 'Vigil refused without saying why.';
  }
  const text = reason
    .replace(/^session [0-9a-f-]{8,} is (in )?/i, 'The session is ')
    .replace(/^(cannot [^:]*?) in session [0-9a-f-]{8,}:/i, '$1:')
    .replace(/session [0-9a-f-]{8,}:? ?/gi, '')
    .replace(ISO_TIME, iso => timeOfDay(iso))
    .replace(STATE_CODE, code => STATE_WORDS[code]);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a call failed, for a person: Vigil's own reason in plain words, else what happened. */
export function failure(error) {
  if (error?.status === 403) {
    return 'Your role may not do this.';
  }
  if (error?.reason) {
    return plain(error.reason);
  }
  return error?.status ? `Vigil answered ${error.status}.` : 'Vigil cannot be reached.';
}
