package io.corrigo.plugin.oracle;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CLIC's simulated teacher giving absolute corrections (Li et al., arXiv:2502.07645, §2.2 and
 * §3 of the spec): consulted on schedule with a banked budget, corrects when the rescaled teacher
 * action is farther than the threshold from the proposal, corrupts the correction with the
 * configured noise, clips it into the action space and executes it one step later.
 */
final class AbsoluteCorrectionSimulator implements FeedbackSimulator {

    private final AbsoluteCorrectionConfig config;
    private final Space actionSpace;
    private final List<CorrectionNoise> noise;
    private final RandomGenerator random;
    private final CorrectionSchedule schedule;
    /** The correction given at the previous step, executed at this one (delayed mode); or null. */
    private Action pending;

    AbsoluteCorrectionSimulator(AbsoluteCorrectionConfig config, Space actionSpace, RandomGenerator random) {
        this.config = config;
        this.actionSpace = actionSpace;
        this.noise = CorrectionNoise.of(config.noise());
        this.random = random;
        this.schedule = new CorrectionSchedule(config.consultEvery(), config.banked());
    }

    @Override
    public void startEpisode() {
        pending = null;
    }

    @Override
    public Response respond(Query query) {
        if (query.proposed().size() != actionSpace.dimension()) {
            throw new IllegalArgumentException("proposed action has " + query.proposed().size()
                    + " dimensions, the action space " + actionSpace.dimension());
        }
        Optional<Action> correction = Optional.empty();
        if (schedule.consults(query.step())) {
            correction = correct(query.expert(), query.proposed());
            schedule.record(query.step(), correction.isPresent());
        }
        Feedback feedback = correction.<Feedback>map(Feedback.AbsoluteCorrection::new)
                .orElse(Feedback.None.instance());
        if (config.delayed()) {
            Action carried = pending;
            pending = correction.orElse(null);
            return carried == null ? new Response(feedback, query.proposed(), Executor.LEARNER)
                    : new Response(feedback, carried, Executor.TEACHER);
        }
        return correction.map(a -> new Response(feedback, a, Executor.TEACHER))
                .orElseGet(() -> new Response(feedback, query.proposed(), Executor.LEARNER));
    }

    /** Bank size, for tests. */
    int bank() {
        return schedule.bank();
    }

    /** The noisy, clipped teacher action, or empty when the proposal is within the threshold. */
    private Optional<Action> correct(Action expert, Action proposed) {
        double[] teacher = Vectors.of(expert);
        double scale = Vectors.maxAbs(teacher);
        if (scale > 1) {
            teacher = Vectors.times(1 / scale, teacher);
        }
        double[] robot = Vectors.of(proposed);
        double[] d = Vectors.minus(teacher, robot);
        if (!(Vectors.norm(d) > config.threshold())) {
            return Optional.empty();
        }
        double[] noisy = d;
        for (CorrectionNoise stage : noise) {
            noisy = stage.apply(noisy, d, random);
        }
        return Optional.of(actionSpace.clip(Action.ofDoubles(Vectors.plus(robot, noisy))));
    }
}
