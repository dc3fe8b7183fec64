/**
 * Alarm sound after IEC 60601-1-8 (auditory alarm signals, burst patterns), approximated with Web Audio:
 *
 * - HIGH: a burst of 10 pulses, as 3 + 2 pulses, a pause, 3 + 2 pulses; pulses 150 ms with 100 ms between
 *   them; the burst repeats every 10 s (the standard allows 2.5–15 s between high-priority bursts).
 * - MEDIUM: 3 pulses of 200 ms with 150 ms between them, repeated every 20 s (standard: 2.5–30 s).
 * - LOW: 2 pulses of 200 ms, repeated every 30 s (standard: more than 15 s, or once).
 *
 * Each pulse is a tone with a fundamental in the standard's 150–1000 Hz range plus four harmonics, with
 * 20 ms rise and fall. Only the most urgent unacknowledged priority sounds. An audio pause silences the
 * station for two minutes; it ends early when a new HIGH alarm, or a new alarm of a higher priority than any
 * sounding when the pause began, appears (DOMAIN.md, "Alarm behaviour"). Browsers start audio only after a
 * user gesture, so the page offers "enable sound" until the AudioContext runs.
 */
import { rank } from './format.js';

export const AUDIO_PAUSE_MS = 2 * 60 * 1000;

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

export class AlarmSound {

  constructor({ onChange }) {
    this.context = null;
    this.onChange = onChange;
    this.pausedUntil = 0;
    this.pausedRank = 0;
    this.pausedAlarms = new Set();
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

  pausedFor(now) {
    return Math.max(0, this.pausedUntil - now);
  }

  /** Starts a 2-minute audio pause covering the alarms sounding now; a second press ends it. */
  togglePause(now, unacknowledged) {
    if (this.pausedFor(now) > 0) {
      this.pausedUntil = 0;
    } else {
      this.pausedUntil = now + AUDIO_PAUSE_MS;
      this.pausedRank = Math.max(0, ...unacknowledged.map(a => rank(a.priority)));
      this.pausedAlarms = new Set(unacknowledged.map(a => a.alarmId));
    }
    this.onChange();
  }

  /**
   * Called a few times a second with every unacknowledged alarm (and the station's own technical alarm while
   * the stream is lost). Ends a pause on break-through and plays the due burst.
   */
  update(now, unacknowledged) {
    if (this.pausedFor(now) > 0) {
      const breaksThrough = unacknowledged.some(a => !this.pausedAlarms.has(a.alarmId)
        && (a.priority === 'HIGH' || rank(a.priority) > this.pausedRank));
      if (breaksThrough) {
        this.pausedUntil = 0;
        this.onChange();
      }
    }
    const top = unacknowledged.reduce((best, a) => (rank(a.priority) > rank(best) ? a.priority : best), null);
    if (top !== this.sounding) {
      if (rank(top) > rank(this.sounding)) {
        this.lastBurst[top] = 0;
      }
      this.sounding = top;
    }
    if (!top || this.pausedFor(now) > 0 || !this.unlocked) {
      return;
    }
    const pattern = PATTERNS[top];
    if (now - this.lastBurst[top] >= pattern.repeatMs) {
      this.lastBurst[top] = now;
      this.play(pattern);
    }
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
