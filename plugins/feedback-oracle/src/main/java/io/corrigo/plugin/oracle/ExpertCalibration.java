package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.run.Seeds;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Finds the degradation level at which the degraded expert, acting alone, succeeds at the target
 * rate (baselines spec §1.6: "bisect the knob on seeded episodes"). Every estimate runs the same
 * episodes — seeds {@value #SEED_BASE}, {@value #SEED_BASE}+1, … for the resets and a degradation
 * stream derived from each — so the rate is a (nearly) monotone step function of the level and the
 * result does not depend on the trial seed. The expert acting alone is shown its own previous
 * action as the proposal (the centre of the action space at the first step).
 */
final class ExpertCalibration {

    /**
     * First reset seed of the calibration episodes; far from the evaluation seeds (100001 + j) and
     * from the derived training seeds.
     */
    static final long SEED_BASE = 7_000_001L;

    /**
     * How far (absolute) the reached rate may miss the target before calibration fails; it also
     * fails when the closest rate is 0 or 1 (an expert that never or always succeeds is a different
     * experiment from a "10 %" or "90 %" one).
     */
    static final double MISSED = 0.1;

    /** Bisection steps at most; the interval then is 1/8192 of its start. */
    private static final int MAX_STEPS = 13;

    private final ExpertConfig config;
    private final Environment environment;
    private final Space space;

    ExpertCalibration(ExpertConfig config, Environment environment) {
        if (!config.calibrated()) {
            throw new IllegalArgumentException("no targetSuccess to calibrate against");
        }
        this.config = config;
        this.environment = environment;
        this.space = environment.actionSpace();
    }

    /** The calibrated level and the success rate it reaches on the calibration episodes. */
    record Result(double level, double success) {
    }

    /**
     * Bisects {@code [0, maxLevel]}, keeping the level whose rate is closest to the target (the
     * smaller level on ties), and stops early once the rate is within half an episode of it.
     *
     * @throws IllegalArgumentException if the clean expert succeeds less often than the target, or
     *                                  the strongest degradation still more often, or the rate jumps
     *                                  past the target so that the closest level misses it by more
     *                                  than {@value #MISSED} or never or always succeeds
     */
    Result run() {
        double target = config.targetSuccess();
        double low = 0;
        double high = config.degradation().maxLevel();
        Result best = new Result(low, success(low));
        if (best.success() < target) {
            throw unreachable("the undegraded expert succeeds in only", best);
        }
        Result strongest = new Result(high, success(high));
        if (strongest.success() > target) {
            throw unreachable("even at the strongest " + config.degradation().name().toLowerCase(Locale.ROOT)
                    + " degradation the expert succeeds in", strongest);
        }
        Result above = best;
        Result below = strongest;
        best = closer(best, strongest, target);
        double tolerance = 0.5 / config.calibrationEpisodes();
        for (int i = 0; i < MAX_STEPS && Math.abs(best.success() - target) > tolerance; i++) {
            double middle = (low + high) / 2;
            Result r = new Result(middle, success(middle));
            best = closer(best, r, target);
            if (r.success() > target) {
                low = middle;
                above = r;
            } else {
                high = middle;
                below = r;
            }
        }
        if (Math.abs(best.success() - target) > MISSED || best.success() == 0 || best.success() == 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot calibrate expert.targetSuccess %.3f on %s with %s degradation: over %d calibration episodes "
                            + "the success rate jumps from %.3f at level %.6g to %.3f at level %.6g (near that level every "
                            + "episode behaves alike); use a degradation that spreads the episodes (gaussian, "
                            + "epsilon-random) or a target the rate passes through", target,
                    environment.getClass().getSimpleName(), config.degradation().name().toLowerCase(Locale.ROOT),
                    config.calibrationEpisodes(), above.success(), above.level(), below.success(), below.level()));
        }
        return best;
    }

    /** The fraction of the calibration episodes the expert degraded at {@code level} solves. */
    double success(double level) {
        int successes = 0;
        for (int i = 0; i < config.calibrationEpisodes(); i++) {
            long seed = SEED_BASE + i;
            DegradedExpert expert = new DegradedExpert(config.degradation(), level, space,
                    new SplittableRandom(Seeds.derive(seed, DegradedExpert.STREAM)));
            successes += solves(expert, seed) ? 1 : 0;
        }
        return (double) successes / config.calibrationEpisodes();
    }

    private boolean solves(DegradedExpert expert, long seed) {
        Observation observation = environment.reset(seed);
        Action previous = centre();
        for (int t = 1; t <= environment.maxSteps(); t++) {
            Action action = space.clip(expert.apply(environment.expert().act(observation, previous)));
            StepResult step = environment.step(action);
            if (step.info().success()) {
                return true;
            }
            if (step.done()) {
                return false;
            }
            observation = step.observation();
            previous = action;
        }
        return false;
    }

    private Action centre() {
        double[] c = new double[space.dimension()];
        for (int i = 0; i < c.length; i++) {
            c[i] = (space.low(i) + space.high(i)) / 2;
        }
        return Action.ofDoubles(c);
    }

    private static Result closer(Result a, Result b, double target) {
        double da = Math.abs(a.success() - target);
        double db = Math.abs(b.success() - target);
        return db < da || (db == da && b.level() < a.level()) ? b : a;
    }

    private IllegalArgumentException unreachable(String what, Result r) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "cannot calibrate expert.targetSuccess %.3f on %s: %s %.3f of %d calibration episodes (level %s)",
                config.targetSuccess(), environment.getClass().getSimpleName(), what, r.success(),
                config.calibrationEpisodes(), r.level()));
    }
}
