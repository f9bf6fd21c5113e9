package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.ConfigException;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.run.RunContext;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A suboptimal expert: the scripted teacher's action degraded by Gaussian noise, ε-random actions,
 * a constant bias or a random rotation (the graded experts of RLIF, Luo et al., ICLR 2024; baselines
 * spec §1.6). The "worse mode" degradation is environment-specific and not offered.
 */
final class DegradedExpert {

    /** The random stream the degradation draws from. */
    static final String STREAM = "expert";

    private final Degradation degradation;
    private final double level;
    private final Space space;
    private final RandomGenerator random;
    private final DirectionalNoise rotation;

    DegradedExpert(Degradation degradation, double level, Space space, RandomGenerator random) {
        this.degradation = degradation;
        this.level = level;
        this.space = space;
        this.random = random;
        this.rotation = degradation == Degradation.ROTATION ? new DirectionalNoise(level, 0) : null;
    }

    /** The clean expert: {@link #apply(Action)} returns its argument. */
    static DegradedExpert none(Space space) {
        return new DegradedExpert(Degradation.NONE, 0, space, null);
    }

    /**
     * The expert of {@code config} for a trial on {@code environment}: calibrated first when a
     * target success rate is set (stepping the fresh environment, and noting the level and the
     * rate reached in {@code context}), degraded with randomness from {@code context}'s
     * {@value #STREAM} stream.
     *
     * @throws ConfigException          if rotation is asked for in a 1-D action space
     * @throws IllegalArgumentException if the target rate cannot be reached (see {@link ExpertCalibration})
     */
    static DegradedExpert create(ExpertConfig config, Environment environment, RunContext context) {
        Space space = environment.actionSpace();
        if (config.degradation() == Degradation.NONE) {
            return none(space);
        }
        if (config.degradation() == Degradation.ROTATION && space.dimension() < 2) {
            throw new ConfigException(List.of(new ConfigException.Violation("expert.degradation",
                    "rotation needs an action space of at least 2 dimensions, but the environment's has "
                            + space.dimension() + "; use gaussian, epsilon-random or bias instead")));
        }
        double level = config.level();
        if (config.calibrated()) {
            ExpertCalibration.Result result = new ExpertCalibration(config, environment).run();
            level = result.level();
            context.note("expert.level", String.format(Locale.ROOT, "%.6g", level));
            context.note("expert.success", String.format(Locale.ROOT, "%.4f over %d calibration episodes (target %.4f)",
                    result.success(), config.calibrationEpisodes(), config.targetSuccess()));
        }
        return new DegradedExpert(config.degradation(), level, space, context.random(STREAM));
    }

    /** The degraded action; not clipped. */
    Action apply(Action expert) {
        return switch (degradation) {
            case NONE -> expert;
            case GAUSSIAN -> gaussian(expert);
            case EPSILON_RANDOM -> random.nextDouble() < level ? uniform() : expert;
            case BIAS -> bias(expert);
            case ROTATION -> rotate(expert);
        };
    }

    double level() {
        return level;
    }

    private Action gaussian(Action expert) {
        double[] a = Vectors.of(expert);
        for (int i = 0; i < a.length; i++) {
            a[i] += level * halfWidth(i) * random.nextGaussian();
        }
        return Action.ofDoubles(a);
    }

    private Action uniform() {
        double[] a = new double[space.dimension()];
        for (int i = 0; i < a.length; i++) {
            a[i] = space.low(i) + random.nextDouble() * (space.high(i) - space.low(i));
        }
        return space.clip(Action.ofDoubles(a));
    }

    private Action bias(Action expert) {
        double[] a = Vectors.of(expert);
        double perDimension = level / Math.sqrt(a.length);
        for (int i = 0; i < a.length; i++) {
            a[i] += perDimension * halfWidth(i);
        }
        return Action.ofDoubles(a);
    }

    private Action rotate(Action expert) {
        double[] centre = new double[space.dimension()];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = (space.low(i) + space.high(i)) / 2;
        }
        double[] offset = Vectors.minus(Vectors.of(expert), centre);
        if (Vectors.norm(offset) < 1e-12) {
            return expert;
        }
        return Action.ofDoubles(Vectors.plus(centre, rotation.apply(offset, offset, random)));
    }

    private double halfWidth(int i) {
        return (space.high(i) - space.low(i)) / 2;
    }
}
