/**
 * The review's hemodynamic chart, drawn with uPlot (loaded by the page from Vigil's jar as the global {@code uPlot}):
 * NIBP systolic, diastolic and mean as points, heart rate, SpO2 and respiratory rate as lines on the left axis;
 * the infusion rate and the cumulative dose on the right axis. Over them: the alarms as bands from raise to end with
 * their marks, the baseline (dashed), the protocol's thresholds (dotted), the checkpoints, a lane of the team's
 * actions, and the moment the tile beside the chart shows.
 */

const COLOURS = {
  sbp: '#e8edf2', dbp: '#a3b0bd', map: '#7d8a98', hr: '#86efac', spo2: '#93c5fd', rr: '#f0abfc',
  rate: '#fdba74', dose: '#fb923c',
};
const BANDS = { HIGH: 'rgba(220, 38, 38, 0.22)', MEDIUM: 'rgba(250, 204, 21, 0.18)', LOW: 'rgba(34, 211, 238, 0.15)' };
const MARKS = { HIGH: '#ef4444', MEDIUM: '#facc15', LOW: '#22d3ee' };

/** Series on one time axis (seconds): every series' own times, merged; a series has null where it has no value. */
function aligned(review) {
  const series = [
    ...['sbp', 'dbp', 'map', 'hr', 'spo2', 'rr'].map(name => review.vitals[name] ?? []),
    review.infusion.filter(p => p.rateMlPerHour !== null).map(p => ({ t: p.t, v: p.rateMlPerHour })),
    review.infusion.map(p => ({ t: p.t, v: p.deliveredMg })),
  ];
  const times = [...new Set(series.flatMap(points => points.map(p => p.t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns = series.map(points => {
    const column = new Array(times.length).fill(null);
    points.forEach(p => { column[index.get(p.t)] = p.v; });
    return column;
  });
  return [times.map(t => t / 1000), ...columns];
}

function seconds(instant) {
  return instant ? Date.parse(instant) / 1000 : null;
}

/** Draws everything that is not a series: bands, marks, reference lines, checkpoints, actions, the moment. */
function overlay(review, momentOf) {
  return u => {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const x = t => u.valToPos(t, 'x', true);
    const y = v => u.valToPos(v, 'v', true);
    const end = seconds(review.summary.endedAt) ?? u.scales.x.max;
    const dpr = window.devicePixelRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    review.alarms.forEach(alarm => {
      const from = x(seconds(alarm.raisedAt));
      const to = x(seconds(alarm.clearedAt) ?? end);
      ctx.fillStyle = BANDS[alarm.priority] ?? BANDS.LOW;
      ctx.fillRect(from, top, Math.max(2, to - from), height);
      ctx.fillStyle = MARKS[alarm.priority] ?? MARKS.LOW;
      [['▲', alarm.raisedAt], ['✓', alarm.acknowledgedAt], ['⇑', alarm.escalatedAt], ['■', alarm.clearedAt]]
        .filter(([, at]) => at)
        .forEach(([mark, at], i) => ctx.fillText(mark, x(seconds(at)) - 4 * dpr, top + (12 + 12 * i) * dpr));
    });
    const horizontal = (value, colour, dash) => {
      if (value === null || value === undefined) {
        return;
      }
      ctx.strokeStyle = colour;
      ctx.setLineDash(dash.map(d => d * dpr));
      ctx.lineWidth = dpr;
      ctx.beginPath();
      ctx.moveTo(left, y(value));
      ctx.lineTo(left + width, y(value));
      ctx.stroke();
    };
    const baseline = review.summary.baseline ?? {};
    horizontal(baseline.systolic, COLOURS.sbp, [6, 4]);
    horizontal(baseline.diastolic, COLOURS.dbp, [6, 4]);
    horizontal(baseline.heartRate, COLOURS.hr, [6, 4]);
    const t = review.thresholds;
    if (t) {
      horizontal(t.severeHypertension?.systolicAbove, MARKS.HIGH, [2, 3]);
      horizontal(t.severeHypertension?.diastolicAbove, MARKS.HIGH, [2, 3]);
      horizontal(t.hypotension?.systolicBelow, MARKS.MEDIUM, [2, 3]);
      horizontal(t.desaturation?.highBelow, MARKS.HIGH, [2, 3]);
      horizontal(t.tachycardia?.highAbove, MARKS.HIGH, [2, 3]);
    }
    ctx.setLineDash([]);
    review.checkpoints.forEach(c => {
      if (c.dueAt) {
        ctx.strokeStyle = '#7d8a98';
        ctx.beginPath();
        ctx.moveTo(x(seconds(c.dueAt)), top);
        ctx.lineTo(x(seconds(c.dueAt)), top + height);
        ctx.stroke();
      }
      if (c.doneAt) {
        ctx.strokeStyle = '#e8edf2';
        ctx.beginPath();
        ctx.arc(x(seconds(c.doneAt)), top + height - 24 * dpr, 4 * dpr, 0, 2 * Math.PI);
        ctx.stroke();
      }
    });
    ctx.fillStyle = '#e8edf2';
    review.actions.forEach(a => ctx.fillText('◆', x(seconds(a.at)) - 4 * dpr, top + height - 6 * dpr));
    const at = momentOf();
    if (at !== null) {
      ctx.strokeStyle = '#facc15';
      ctx.lineWidth = 2 * dpr;
      ctx.beginPath();
      ctx.moveTo(x(at / 1000), top);
      ctx.lineTo(x(at / 1000), top + height);
      ctx.stroke();
    }
    ctx.restore();
  };
}

/** Draws the chart in {@code element}; {@code momentOf()} is the moment shown beside it (epoch ms) or null. */
export function drawChart(element, review, momentOf) {
  const points = (label, stroke) => ({ label, stroke, scale: 'v', paths: () => null,
    points: { show: true, size: 7, fill: stroke } });
  const line = (label, stroke, scale = 'v') => ({ label, stroke, scale, width: 1, spanGaps: true,
    points: { show: false } });
  const options = {
    width: Math.max(480, element.clientWidth),
    height: 420,
    scales: {
      x: { time: true },
      v: { range: [0, 220] },
      dose: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] },
    },
    axes: [
      { stroke: '#a3b0bd', grid: { stroke: '#2c3846' } },
      { scale: 'v', label: 'mmHg · /min · %', stroke: '#a3b0bd', grid: { stroke: '#2c3846' } },
      { scale: 'dose', side: 1, label: 'mg · mL/h', stroke: COLOURS.dose, grid: { show: false } },
    ],
    series: [
      {},
      points('SBP', COLOURS.sbp), points('DBP', COLOURS.dbp), points('MAP', COLOURS.map),
      line('HR', COLOURS.hr), line('SpO₂', COLOURS.spo2), line('RR', COLOURS.rr),
      { ...line('Rate mL/h', COLOURS.rate, 'dose'), paths: uPlot.paths.stepped({ align: 1 }) },
      { ...line('Dose mg', COLOURS.dose, 'dose'), width: 2 },
    ],
    hooks: { draw: [overlay(review, momentOf)] },
  };
  const chart = new uPlot(options, aligned(review), element);
  element.dataset.drawn = 'true';
  new ResizeObserver(() => chart.setSize({ width: Math.max(480, element.clientWidth), height: 420 })).observe(element);
  return chart;
}
