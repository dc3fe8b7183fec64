/**
 * Short trends (the last 30 minutes) of blood pressure and heart rate per chair. Vigil's trends endpoint
 * fills them when it has one; otherwise, and between fetches, the page keeps what it saw on the live stream
 * since it was opened — never more than it saw, so a gap stays a gap.
 */
import { millis } from './format.js';

export const TREND_MINUTES = 30;
const WINDOW_MS = TREND_MINUTES * 60 * 1000;
const MIN_WINDOW_MS = 5 * 60 * 1000;
export const TREND_VITALS = ['NIBP_SYSTOLIC', 'NIBP_DIASTOLIC', 'HEART_RATE'];

export class TrendHistory {

  constructor() {
    this.byChair = new Map();
  }

  series(chairId) {
    let series = this.byChair.get(chairId);
    if (!series) {
      series = { sessionId: null, points: Object.fromEntries(TREND_VITALS.map(v => [v, []])) };
      this.byChair.set(chairId, series);
    }
    return series;
  }

  /** A new session at the chair starts an empty history. */
  forSession(chairId, sessionId) {
    const series = this.series(chairId);
    if (series.sessionId !== sessionId) {
      series.sessionId = sessionId;
      TREND_VITALS.forEach(v => { series.points[v] = []; });
    }
    return series;
  }

  /**
   * Merges the server's points with what the page saw. Vigil sends {@code {VITAL: [{t: epochMillis, v: value}, …]}}
   * (query-service {@code ChairTrends.Point}); {@code [epochMillis, value]} pairs are read too.
   */
  merge(chairId, sessionId, points) {
    const series = this.forSession(chairId, sessionId);
    for (const vital of TREND_VITALS) {
      const incoming = Array.isArray(points?.[vital]) ? points[vital] : [];
      const all = [...series.points[vital], ...incoming.map(point).filter(p => p !== null)];
      all.sort((a, b) => a[0] - b[0]);
      series.points[vital] = all.filter((p, i) => i === 0 || p[0] !== all[i - 1][0]);
    }
  }

  /** Appends the chair's latest readings when they are new. */
  observe(chair) {
    if (!chair.session) {
      return;
    }
    const series = this.forSession(chair.chairId, chair.session.sessionId);
    for (const vital of TREND_VITALS) {
      const reading = chair.vitals?.[vital];
      const t = millis(reading?.receivedAt ?? reading?.deviceTime);
      if (t === null || reading.value === null || reading.value === undefined) {
        continue;
      }
      const list = series.points[vital];
      if (list.length === 0 || t > list[list.length - 1][0]) {
        list.push([t, reading.value]);
      }
    }
  }

  /** Points of the last 30 minutes before {@code now}. */
  recent(chairId, vital, now) {
    const series = this.byChair.get(chairId);
    if (!series) {
      return [];
    }
    const from = now - WINDOW_MS;
    series.points[vital] = series.points[vital].filter(p => p[0] >= from - 60000);
    return series.points[vital].filter(p => p[0] >= from && p[0] <= now + 5000);
  }
}

function point(p) {
  const [t, v] = Array.isArray(p) ? p : [p?.t, p?.v];
  const at = millis(t);
  return at === null || typeof v !== 'number' ? null : [at, v];
}

const SVG = 'http://www.w3.org/2000/svg';
const PAD = 3;

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, v));
  return element;
}

/**
 * Draws series on a time axis ending now and starting 30 minutes earlier, or at the session's start when that
 * is later (at least 5 minutes), so a young session uses the whole width and the x-axis means the same on
 * every tile. {@code lines}: [{points, className, dots}]; {@code references}: [{value, className}] drawn as
 * dashed lines (the patient's baseline); {@code minSpan}: the smallest range of values the height stands for, so
 * that beat-to-beat noise does not fill the chart.
 */
export function sparkline(figure, { lines, references = [], label, now, since, minSpan = 20 }) {
  const values = [...lines.flatMap(l => l.points.map(p => p[1])), ...references.map(r => r.value)]
    .filter(v => typeof v === 'number');
  let svg = figure.querySelector('svg');
  if (!svg) {
    svg = svgElement('svg', { role: 'img' });
    figure.appendChild(svg);
  }
  const WIDTH = Math.max(60, Math.round(svg.clientWidth || 200));
  const HEIGHT = Math.max(20, Math.round(svg.clientHeight || 40));
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('aria-label', label);
  svg.replaceChildren();
  const hasData = lines.some(l => l.points.length > 0);
  figure.classList.toggle('empty', !hasData);
  if (!hasData) {
    return;
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < minSpan) {
    const mid = (max + min) / 2;
    min = mid - minSpan / 2;
    max = mid + minSpan / 2;
  }
  const margin = (max - min) * 0.08;
  min -= margin;
  max += margin;
  const window = Math.min(WINDOW_MS, Math.max(MIN_WINDOW_MS, since === null || since === undefined
    ? WINDOW_MS : now - since));
  const from = now - window;
  const x = t => PAD + ((t - from) / window) * (WIDTH - 2 * PAD);
  const y = v => HEIGHT - PAD - ((v - min) / (max - min)) * (HEIGHT - 2 * PAD);
  for (const reference of references) {
    if (typeof reference.value === 'number') {
      svg.appendChild(svgElement('line', {
        x1: PAD, x2: WIDTH - PAD, y1: y(reference.value), y2: y(reference.value), class: reference.className,
      }));
    }
  }
  for (const line of lines) {
    if (line.points.length === 0) {
      continue;
    }
    const path = line.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`);
    svg.appendChild(svgElement('path', { d: path.join(' '), class: line.className }));
    if (line.dots) {
      for (const p of line.points) {
        svg.appendChild(svgElement('circle', { cx: x(p[0]).toFixed(1), cy: y(p[1]).toFixed(1), r: 1.8,
          class: `${line.className} dot` }));
      }
    }
  }
}
