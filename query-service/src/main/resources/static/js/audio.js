/**
 * Alarm sound after IEC 60601-1-8 (auditory alarm signals, burst patterns), approximated with Web Audio:
 *
 * - HIGH: a burst of 10 pulses, as 3 + 2 pulses, a pause, 3 + 2 pulses; pulses 150 ms with 100 ms between
 *   them; the burst repeats every 10 s (the standard allows 2.5–15 s between high-priority bursts).
 * - MEDIUM: 3 pulses of 200 ms with 150 ms between them, repeated every 20 s (standard: 2.5–30 s).
 * - LOW: 2 pulses of 200 ms, repeated every 30 s (standard: more than 15 s, or once).
 *
 * Each pulse is a tone with a fundamental in the standard's 150–1000 Hz range plus four harmonics, with
 * 20 ms rise and fall. Only the most urgent unacknowledged priority sounds.
 *
 * Audio pause is kept per chair, as Vigil records it per session (POST /api/chairs/{chairId}/audio-pause): for
 * two minutes a paused chair's alarms are silent; the pause ends early when a new alarm appears there of a
 * higher priority than every other alarm sounding there, as Vigil decides it (docs/DOMAIN.md, "Alarm behaviour":
 * a higher-priority alarm breaks through). Each new alarm is judged once, when the page first sees it. The station's own alarm (lost stream) belongs to no chair and is paused under the key ''.
 * Times here are this screen's clock. Browsers start audio only after a user gesture, so the page offers
 * "enable sound" until the AudioContext runs.
 */
import { rank } from './format.js';

export const AUDIO_PAUSE_MS = 2 * 60 * 1000;

/** The pause key of the alarms that belong to no chair. */
export const STATION = '';

const PATTERNS = {
  HIGH: { frequency: 659, pulse: 0.15, onsets: tenPulseBurst(), repeatMs: 10000 },
  MEDIUM: { frequency: 523, pulse: 0.2, onsets: [0, 0.35, 0.7], repeatMs: 20000 },
  LOW: { frequency: 440, pulse: 0.2, onsets: [0, 0.35], repeatMs: 30000 },
};

function tenPulseBurst() {
  const pulse = 0.15;
  const gap = 0.1;
  const step = pulse + gap;
  const group = [0, step, 2 * step, 3 * step + 0.2, 4 * step + 0.2];
  const second = 5 * step + 0.2 + 0.7;
  return [...group, ...group.map(t => t + second)];
}

function keyOf(alarm) {
  return alarm.chairId ?? STATION;
}

export class AlarmSound {

  constructor({ onChange }) {
    this.context = null;
    this.onChange = onChange;
    this.pauses = new Map();
    this.lastBurst = { HIGH: 0, MEDIUM: 0, LOW: 0 };
    this.sounding = null;
  }

  get unlocked() {
    return this.context !== null && this.context.state === 'running';
  }

  /** Called from a click: creates or resumes the AudioContext. */
  async unlock() {
    if (!this.context) {
      this.context = new AudioContext();
      this.context.addEventListener('statechange', () => this.onChange());
    }
    await this.context.resume();
    this.onChange();
  }

  /** Milliseconds left of the longest pause that holds; 0 when nothing is paused. */
  pausedFor(now) {
    return Math.max(0, ...[...this.pauses.values()].map(p => p.until - now));
  }

  /** The pause of one chair while it holds: {@code {until, by}}, else null. */
  pauseOf(key, now) {
    const pause = this.pauses.get(key);
    return pause && pause.until > now ? pause : null;
  }

  /** Starts a 2-minute pause at each key, covering the alarms sounding there now. */
  pause(keys, now, unacknowledged) {
    keys.forEach(key => this.hold(key, now + AUDIO_PAUSE_MS, unacknowledged.filter(a => keyOf(a) === key)));
    this.onChange();
  }

  /**
   * A pause Vigil recorded, made here or on another screen, or found after a reload. Vigil says it still holds,
   * so none of the alarms sounding at the chair now broke through it: it covers them all.
   */
  adopt(key, { until, by }, unacknowledged) {
    this.hold(key, until, unacknowledged.filter(a => keyOf(a) === key), by);
    this.onChange();
  }

  hold(key, until, covered, by = null) {
    const existing = this.pauses.get(key);
    const alarms = new Set([...(existing?.alarms ?? []), ...covered.map(a => a.alarmId)]);
    this.pauses.set(key, { until, alarms, by: by ?? existing?.by ?? null });
  }

  /** The pause at {@code key} ended: broken through, resumed, or the POST recording it failed. */
  end(key) {
    if (this.pauses.delete(key)) {
      this.onChange();
    }
  }

  /** Every pause ends (the nurse pressed "resume"). */
  resume() {
    this.pauses.clear();
    this.onChange();
  }

  /**
   * Called a few times a second with every unacknowledged alarm (and the station's own technical alarm while
   * the stream is lost). Ends lapsed and broken-through pauses and plays the due burst of what is not paused.
   * Returns the keys whose pause was broken through now.
   */
  update(now, unacknowledged) {
    const brokenThrough = [];
    for (const [key, pause] of this.pauses) {
      const here = unacknowledged.filter(a => keyOf(a) === key);
      const breaksThrough = here.filter(a => !pause.alarms.has(a.alarmId)).some(a => {
        pause.alarms.add(a.alarmId);
        return here.every(other => other === a || rank(a.priority) > rank(other.priority));
      });
      if (pause.until <= now || breaksThrough) {
        this.pauses.delete(key);
        if (breaksThrough) {
          brokenThrough.push(key);
        }
        this.onChange();
      }
    }
    const audible = unacknowledged.filter(a => !this.pauses.has(keyOf(a)));
    const top = audible.reduce((best, a) => (rank(a.priority) > rank(best) ? a.priority : best), null);
    if (top !== this.sounding) {
      if (rank(top) > rank(this.sounding)) {
        this.lastBurst[top] = 0;
      }
      this.sounding = top;
      this.onChange();
    }
    if (top && this.unlocked) {
      const pattern = PATTERNS[top];
      if (now - this.lastBurst[top] >= pattern.repeatMs) {
        this.lastBurst[top] = now;
        this.play(pattern);
      }
    }
    return brokenThrough;
  }

  play(pattern) {
    const ctx = this.context;
    const start = ctx.currentTime + 0.05;
    const master = ctx.createGain();
    master.gain.value = 0.25;
    master.connect(ctx.destination);
    for (const onset of pattern.onsets) {
      const t0 = start + onset;
      const envelope = ctx.createGain();
      envelope.gain.setValueAtTime(0, t0);
      envelope.gain.linearRampToValueAtTime(1, t0 + 0.02);
      envelope.gain.setValueAtTime(1, t0 + pattern.pulse - 0.02);
      envelope.gain.linearRampToValueAtTime(0, t0 + pattern.pulse);
      envelope.connect(master);
      [1, 2, 3, 4, 5].forEach(harmonic => {
        const oscillator = ctx.createOscillator();
        const level = ctx.createGain();
        oscillator.frequency.value = pattern.frequency * harmonic;
        level.gain.value = 1 / (harmonic * 1.6);
        oscillator.connect(level).connect(envelope);
        oscillator.start(t0);
        oscillator.stop(t0 + pattern.pulse + 0.01);
      });
    }
  }
}
