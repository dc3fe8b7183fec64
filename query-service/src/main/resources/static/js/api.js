/**
 * Calls to Vigil's API from the logged-in page: the session cookie authenticates, and every POST echoes the
 * XSRF-TOKEN cookie in the CSRF header (Spring Security's cookie token repository). A 401 means the session
 * ended: back to the login page.
 */

let csrfHeader = 'X-XSRF-TOKEN';
let csrfFallback = null;

/** A refused or failed call; {@code reason} is Vigil's own explanation when it gave one. */
export class ApiError extends Error {
  constructor(status, message, reason = null) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

export function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : csrfFallback;
}

function toLogin() {
  window.location.assign('/login');
}

async function request(method, path, { signal, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) {
      headers[csrfHeader] = token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
  }
  const response = await fetch(path, {
    method, headers, signal, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, 'not logged in');
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, `${method} ${path} → ${response.status}`, reasonOf(text));
  }
  return text ? JSON.parse(text) : null;
}

function reasonOf(text) {
  try {
    const body = JSON.parse(text);
    return typeof body?.reason === 'string' ? body.reason : null;
  } catch {
    return null;
  }
}

export function getJson(path, options) {
  return request('GET', path, options);
}

/** A POST with a JSON body (or none); answers Vigil's JSON answer, or null when it sent none. */
export function postJson(path, body) {
  return request('POST', path, { body });
}

/**
 * Who is logged in, the stream's heartbeat interval and Vigil's clock. Also issues the CSRF cookie.
 * Returns the station settings plus {@code clockOffsetMs}: Vigil's time minus this screen's time.
 */
export async function station() {
  const sent = Date.now();
  const settings = await getJson('/api/station');
  const received = Date.now();
  csrfHeader = settings.csrfHeader || csrfHeader;
  csrfFallback = settings.csrfToken || null;
  const serverTime = Date.parse(settings.serverTime);
  const clockOffsetMs = Number.isNaN(serverTime) ? 0 : serverTime - (sent + received) / 2;
  return { ...settings, clockOffsetMs };
}

export function chairs() {
  return getJson('/api/chairs');
}

/** The chair's trends, or null when this Vigil does not serve them. */
export async function trends(chairId, minutes) {
  try {
    return await getJson(`/api/chairs/${encodeURIComponent(chairId)}/trends?minutes=${minutes}`);
  } catch (e) {
    if (e.status === 404 || e.status === 405) {
      return null;
    }
    throw e;
  }
}

export function acknowledge(alarmId) {
  return request('POST', `/api/alarms/${encodeURIComponent(alarmId)}/ack`);
}

export function resolve(alarmId, reason) {
  return request('POST', `/api/alarms/${encodeURIComponent(alarmId)}/resolve`, { body: { reason } });
}

export function overrideSoftLimit(alarmId, reason) {
  return request('POST', `/api/alarms/${encodeURIComponent(alarmId)}/override`, { body: { reason } });
}

/** Records an audio pause of the chair's session for the logged-in user; answers the pause as Vigil stored it. */
export function pauseAudio(chairId) {
  return request('POST', `/api/chairs/${encodeURIComponent(chairId)}/audio-pause`);
}

/** The latest audio pause of the chair's session, or null when it was never paused or the chair is free. */
export async function audioPause(chairId) {
  try {
    return await getJson(`/api/chairs/${encodeURIComponent(chairId)}/audio-pause`);
  } catch (e) {
    if (e.status === 404) {
      return null;
    }
    throw e;
  }
}

export function goToLogin() {
  toLogin();
}
