package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks for simulators whose overseer takes over ({@link Feedback.Takeover}), on top of
 * {@link FeedbackSimulatorContract}: every takeover step executes the announced expert action and
 * is reported, a takeover counts {@code stepsLeft} down by one per step to zero and only its first
 * step is {@code started}, and outside takeovers the learner acts.
 * {@code class ValueGateTest implements TakeoverSimulatorContract<ValueGateConfig>}.
 *
 * @param <C> the simulator's configuration record
 */
public interface TakeoverSimulatorContract<C extends Record> extends FeedbackSimulatorContract<C> {

    @Test
    default void declaresTakeovers() {
        assertThat(provider().produces(config())).contains(FeedbackKind.TAKEOVER);
    }

    @Test
    default void everyTakeoverStepIsExecutedByTheTeacherWithTheAnnouncedAction() {
        assertThat(trial(37)).filteredOn(s -> s.response().feedback() instanceof Feedback.Takeover)
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.response().executedBy()).isEqualTo(Response.Executor.TEACHER);
                    assertThat(s.response().executed())
                            .isEqualTo(((Feedback.Takeover) s.response().feedback()).expertAction());
                });
    }

    @Test
    default void stepsWithoutFeedbackExecuteTheLearnersProposal() {
        assertThat(trial(41)).filteredOn(s -> s.response().feedback() instanceof Feedback.None)
                .allSatisfy(s -> {
                    assertThat(s.response().executedBy()).isEqualTo(Response.Executor.LEARNER);
                    assertThat(s.response().executed()).isEqualTo(s.query().proposed());
                });
    }

    @Test
    default void aTakeoverCountsDownToZeroAndOnlyItsFirstStepIsStarted() {
        List<Exchange> exchanges = trial(43);
        int started = 0;
        Feedback.Takeover running = null;
        for (Exchange e : exchanges) {
            if (e.query().step() == 1) {
                running = null;
            }
            Feedback f = e.response().feedback();
            if (running != null && running.stepsLeft() > 0) {
                assertThat(f).as("step %d continues a takeover", e.query().step())
                        .isEqualTo(new Feedback.Takeover(e.response().executed(), running.stepsLeft() - 1, false));
            } else if (f instanceof Feedback.Takeover t) {
                assertThat(t.started()).as("step %d begins a takeover", e.query().step()).isTrue();
            }
            if (f instanceof Feedback.Takeover t) {
                started += t.started() ? 1 : 0;
                running = t;
            } else {
                running = null;
            }
        }
        assertThat(started).as("takeovers in the trial").isPositive();
    }
}
