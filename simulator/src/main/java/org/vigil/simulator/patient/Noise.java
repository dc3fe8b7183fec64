package org.vigil.simulator.patient;

import java.util.SplittableRandom;

/**
 * Deterministic noise addressed by (seed, channel, index) rather than drawn from a shared stream, so a
 * value at a given second is the same whatever else was asked for before it: reproducible from the seed.
 */
final class Noise {

    private Noise() {
    }

    /** A standard normal deviate, clipped to ±2 so a plateau scenario never leaves its band by chance. */
    static double gaussian(long seed, long channel, long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, channel, index));
        return Math.max(-2.0, Math.min(2.0, random.nextGaussian()));
    }

    /** A uniform value in [0, 1). */
    static double uniform(long seed, long channel, long index) {
        return new SplittableRandom(mix(seed, channel, index)).nextDouble();
    }

    private static long mix(long seed, long channel, long index) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= (channel + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL;
        h = Long.rotateLeft(h, 31) + index * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
