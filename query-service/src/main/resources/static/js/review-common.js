/** What both review pages share: the logged-in user in the header, and labels for what a session records. */
import * as api from './api.js';

export async function showUser() {
  const station = await api.station();
  document.getElementById('user-name').textContent = station.user;
  document.getElementById('logout-csrf').value = station.csrfToken ?? '';
  return station;
}

export function treatmentLabel(treatment) {
  return { IV_KETAMINE: 'IV ketamine', ESKETAMINE: 'Esketamine' }[treatment] ?? treatment ?? '—';
}

/** "2026-12-06 09:21" in the screen's time zone. */
export function dateTime(instant) {
  const t = new Date(instant);
  if (Number.isNaN(t.getTime())) {
    return '—';
  }
  const pad = n => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
