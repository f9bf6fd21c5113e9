package io.corrigo.djl;

/**
 * A learning rate that rises linearly from 0 over {@code warmupUpdates}, then follows half a cosine
 * from {@code peak} down to {@code floor} over {@code decayUpdates}, and stays at {@code floor}
 * after that (Hugging Face's {@code get_cosine_schedule_with_warmup}, as Diffusion Policy uses it,
 * with {@code floor = 0}). Immutable.
 *
 * @param peak          the rate at the end of the warm-up, &gt; 0
 * @param floor         the rate at the end of the decay, in [0, peak]
 * @param warmupUpdates updates of linear warm-up, &gt;= 0
 * @param decayUpdates  updates of cosine decay after the warm-up, &gt;= 0 (0: constant {@code peak})
 * @since 1.3
 */
public record WarmupCosineSchedule(double peak, double floor, long warmupUpdates, long decayUpdates) {

    public WarmupCosineSchedule {
        if (!(peak > 0) || !(floor >= 0 && floor <= peak) || warmupUpdates < 0 || decayUpdates < 0) {
            throw new IllegalArgumentException("need peak > 0, floor in [0, peak], warmup and decay >= 0; got "
                    + peak + ", " + floor + ", " + warmupUpdates + ", " + decayUpdates);
        }
    }

    /** The rate for update number {@code k} (from 0). */
    public double rate(long k) {
        if (k < warmupUpdates) {
            return peak * (double) k / warmupUpdates;
        }
        if (decayUpdates == 0) {
            return peak;
        }
        double progress = Math.min(1, (double) (k - warmupUpdates) / decayUpdates);
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
