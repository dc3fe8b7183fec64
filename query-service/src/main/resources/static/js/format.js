/**
 * Pure formatting for the station: numbers, ages, countdowns and labels. Nothing here reads the clock; every
 * function takes "now" (Vigil's time, corrected for the screen's clock offset) as an argument.
 */

export const NOT_AVAILABLE = '—';

const PRIORITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1 };

/** Higher number, more urgent; 0 for none. */
export function rank(priority) {
  return PRIORITY_RANK[priority] ?? 0;
}

/** IEC 60601-1-8 priority markers: "!!!" high, "!!" medium, "!" low, so colour is never the only signal. */
export function priorityMarker(priority) {
  return { HIGH: '!!!', MEDIUM: '!!', LOW: '!' }[priority] ?? '';
}

export function millis(instant) {
  if (instant === null || instant === undefined) {
    return null;
  }
  const t = typeof instant === 'number' ? instant : Date.parse(instant);
  return Number.isNaN(t) ? null : t;
}

/** "12 s ago", "4 min ago", "2 h 5 min ago". */
export function age(instant, now) {
  const t = millis(instant);
  if (t === null) {
    return NOT_AVAILABLE;
  }
  const seconds = Math.max(0, Math.floor((now - t) / 1000));
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  return `${span(seconds)} ago`;
}

/** "45 s", "4 min", "2 h 5 min". */
export function span(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** m:ss for a countdown to {@code instant}; negative when passed. */
export function countdown(instant, now) {
  const t = millis(instant);
  if (t === null) {
    return null;
  }
  const seconds = Math.round((t - now) / 1000);
  return { overdue: seconds < 0, text: clockSpan(Math.abs(seconds)) };
}

/** 125 → "2:05", 3725 → "1:02:05". */
export function clockSpan(totalSeconds) {
  const s = Math.floor(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole minutes since {@code instant}. */
export function minutesSince(instant, now) {
  const t = millis(instant);
  return t === null ? null : Math.max(0, Math.floor((now - t) / 60000));
}

/** A signed whole number: "+18", "−4", "±0". */
export function signed(n) {
  const r = Math.round(n);
  if (r > 0) {
    return `+${r}`;
  }
  return r < 0 ? `−${Math.abs(r)}` : '±0';
}

export function number(value, digits = 0) {
  return value === null || value === undefined || Number.isNaN(value) ? NOT_AVAILABLE : value.toFixed(digits);
}

/** "OBSERVATION" → "Observation", "PRE_ASSESSMENT" → "Pre-assessment". */
export function phaseLabel(phase) {
  if (!phase) {
    return null;
  }
  const words = phase.toLowerCase().split('_');
  return words[0].charAt(0).toUpperCase() + words[0].slice(1) + (words.length > 1 ? '-' + words.slice(1).join(' ') : '');
}

/** "chair-3" → "Chair 3". */
export function chairLabel(chairId) {
  const m = /^chair-(.+)$/i.exec(chairId);
  return m ? `Chair ${m[1]}` : chairId;
}

/** Natural order: chair-2 before chair-10. */
export function compareChairs(a, b) {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * Seconds of a duration as Jackson writes it: an ISO-8601 string ("PT18M30S") or a number of seconds.
 * Null when absent or unreadable.
 */
export function durationSeconds(value) {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return value;
  }
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/
    .exec(String(value));
  if (!m) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  const total = (Number(m[2] ?? 0) * 86400) + (Number(m[3] ?? 0) * 3600) + (Number(m[4] ?? 0) * 60)
    + Number(m[5] ?? 0);
  return m[1] ? -total : total;
}

/** "Severe hypertension" from "severe-hypertension". */
export function ruleLabel(rule) {
  if (!rule) {
    return 'Alarm';
  }
  const words = rule.replaceAll(/[-_]/g, ' ').toLowerCase().split(' ').map(w => ACRONYMS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Abbreviations a nurse reads as written on the monitor. */
const ACRONYMS = { nibp: 'NIBP', hr: 'HR', spo2: 'SpO₂', rr: 'RR', bp: 'BP', sbp: 'SBP', dbp: 'DBP' };

/** "09:21:04" in the screen's locale, 24 h. */
export function timeOfDay(instant) {
  const t = millis(instant);
  if (t === null) {
    return NOT_AVAILABLE;
  }
  return new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
