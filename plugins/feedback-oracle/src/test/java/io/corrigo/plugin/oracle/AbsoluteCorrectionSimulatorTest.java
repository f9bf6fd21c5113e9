package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The accurate CLIC teacher: the contract plus the protocol (threshold, schedule, bank, delay). */
@Epic("Feedback")
@Feature("absolute")
class AbsoluteCorrectionSimulatorTest implements FeedbackSimulatorContract<AbsoluteCorrectionConfig> {

    private static final Space BOX = Space.cube(2, -1, 1);
    private static final double FAR = 0.5;
    private static final double NEAR = 0.1;

    @Override
    public FeedbackSimulatorProvider<AbsoluteCorrectionConfig> provider() {
        return new AbsoluteCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Test
    void givesNoFeedbackWithinTheThreshold() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 1, true, false), BOX);
        assertThat(simulator.respond(query(1, 0.19)).feedback()).isEqualTo(Feedback.None.instance());
        assertThat(simulator.respond(query(2, 0.21)).feedback()).isInstanceOf(Feedback.AbsoluteCorrection.class);
    }

    @Test
    void accurateCorrectionIsTheTeacherAction() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 1, true, false), BOX);
        Query query = new Query(Observation.of(0, 0), Action.of(0.5f, -0.5f), Action.of(-0.25f, 0.75f), 1);
        assertThat(simulator.respond(query).feedback())
                .isEqualTo(new Feedback.AbsoluteCorrection(Action.of(-0.25f, 0.75f)));
    }

    @Test
    void rescalesATeacherActionBeyondOneByItsLargestComponentBeforeTheThreshold() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 1, true, false), Space.cube(2, -3, 3));
        Observation o = Observation.of(0, 0);
        assertThat(simulator.respond(new Query(o, Action.of(0.9f, 0), Action.of(2, 0), 1)).feedback())
                .as("(2, 0) is rescaled to (1, 0), within 0.2 of (0.9, 0)").isEqualTo(Feedback.None.instance());
        assertThat(simulator.respond(new Query(o, Action.of(0, 0), Action.of(2, -1), 2)).feedback())
                .isEqualTo(new Feedback.AbsoluteCorrection(Action.of(1, -0.5f)));
    }

    @Test
    void consultsEverySecondStepAndBanksUnusedSlotsAcrossEpisodes() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, true, false), BOX);
        double[] distances = {FAR, NEAR, FAR, NEAR, FAR, FAR, FAR, NEAR, NEAR, FAR};
        assertThat(run(simulator, distances, 1)).containsExactly(
                // t: 1 off, bank 0 | 2 banked | 3 spent | 4 banked | 5 spent | 6 scheduled | 7 off, bank 0
                false, false, true, false, true, true, false,
                // 8 banked | 9 consulted off-schedule, nothing needed, bank kept | 10 scheduled
                false, false, true);
        assertThat(simulator.bank()).isEqualTo(1);
        simulator.startEpisode();
        assertThat(run(simulator, new double[] {FAR, FAR, FAR}, 1)).as("the bank carries over")
                .containsExactly(true, true, false);
        assertThat(simulator.bank()).isZero();
    }

    @Test
    void withoutBankingConsultsOnScheduleOnly() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, false, false), BOX);
        double[] distances = {FAR, NEAR, FAR, NEAR, FAR, FAR, FAR, NEAR, NEAR, FAR};
        assertThat(run(simulator, distances, 1)).containsExactly(
                false, false, false, false, false, true, false, false, false, true);
        assertThat(simulator.bank()).isZero();
    }

    @Test
    void consultsEveryStepWhenConsultEveryIsOne() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 1, true, false), BOX);
        assertThat(run(simulator, new double[] {FAR, NEAR, FAR}, 1)).containsExactly(true, false, true);
    }

    @Test
    void delayedCorrectionIsExecutedAtTheNextStepByTheTeacher() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, true, true), BOX);
        Query first = query(1, FAR);
        assertThat(simulator.respond(first)).isEqualTo(Response.silent(first.proposed()));
        Query second = query(2, FAR);
        Response given = simulator.respond(second);
        assertThat(given.feedback()).isEqualTo(new Feedback.AbsoluteCorrection(Action.zeros(2)));
        assertThat(given.executed()).isEqualTo(second.proposed());
        assertThat(given.executedBy()).isEqualTo(Executor.LEARNER);
        Response next = simulator.respond(query(3, FAR));
        assertThat(next.feedback()).isEqualTo(Feedback.None.instance());
        assertThat(next.executed()).isEqualTo(Action.zeros(2));
        assertThat(next.executedBy()).isEqualTo(Executor.TEACHER);
        Query fourth = query(4, FAR);
        assertThat(simulator.respond(fourth).executedBy()).as("the correction is executed once").isEqualTo(Executor.LEARNER);
    }

    @Test
    void carriesTheDelayedCorrectionUntilItIsExecutedAndNothingWhenImmediate() {
        AbsoluteCorrectionSimulator delayed = simulator(config(0.2, 2, true, true), BOX);
        assertThat(delayed.carried()).isEmpty();
        delayed.respond(query(2, FAR));
        assertThat(delayed.carried()).contains(Action.zeros(2));
        Response executed = delayed.respond(query(3, NEAR));
        assertThat(executed.executed()).isEqualTo(Action.zeros(2));
        assertThat(delayed.carried()).isEmpty();
        delayed.respond(query(4, FAR));
        delayed.startEpisode();
        assertThat(delayed.carried()).as("dropped with the episode").isEmpty();

        AbsoluteCorrectionSimulator immediate = simulator(config(0.2, 2, true, false), BOX);
        immediate.respond(query(2, FAR));
        assertThat(immediate.carried()).isEmpty();
    }

    @Test
    void immediateCorrectionIsExecutedAtTheSameStepByTheTeacher() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, true, false), BOX);
        Response given = simulator.respond(query(2, FAR));
        assertThat(given.feedback()).isEqualTo(new Feedback.AbsoluteCorrection(Action.zeros(2)));
        assertThat(given.executed()).isEqualTo(Action.zeros(2));
        assertThat(given.executedBy()).isEqualTo(Executor.TEACHER);
        Query next = query(3, FAR);
        assertThat(simulator.respond(next)).isEqualTo(Response.silent(next.proposed()));
    }

    @Test
    void startEpisodeDropsThePendingCorrection() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, true, true), BOX);
        simulator.respond(query(2, FAR));
        simulator.startEpisode();
        Query first = query(1, NEAR);
        assertThat(simulator.respond(first)).isEqualTo(Response.silent(first.proposed()));
    }

    @Test
    void consecutiveCorrectionsOffABankAreEachExecutedOneStepLater() {
        AbsoluteCorrectionSimulator simulator = simulator(config(0.2, 2, true, true), BOX);
        simulator.respond(query(2, NEAR));
        Response third = simulator.respond(query(3, FAR));
        Response fourth = simulator.respond(query(4, 0.7));
        Response fifth = simulator.respond(query(5, FAR));
        assertThat(third.executedBy()).isEqualTo(Executor.LEARNER);
        assertThat(fourth.feedback()).isInstanceOf(Feedback.AbsoluteCorrection.class);
        assertThat(fourth.executedBy()).isEqualTo(Executor.TEACHER);
        assertThat(fifth.executedBy()).isEqualTo(Executor.TEACHER);
        assertThat(fifth.feedback()).isEqualTo(Feedback.None.instance());
    }

    @Test
    void correctionsOfARandomLearnerStayInsideTheActionSpace() {
        assertThat(trial(41)).map(Exchange::response).map(Response::feedback)
                .filteredOn(f -> f instanceof Feedback.AbsoluteCorrection)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(BOX.contains(((Feedback.AbsoluteCorrection) f).action())).isTrue());
    }

    @Test
    void aRandomLearnerIsCorrectedAtAboutHalfTheStepsWithTheBank() {
        List<Exchange> exchanges = trial(43);
        long corrected = exchanges.stream().filter(e -> e.response().feedback() instanceof Feedback.AbsoluteCorrection)
                .count();
        assertThat((double) corrected / exchanges.size()).isBetween(0.3, 0.6);
    }

    static AbsoluteCorrectionConfig config(double threshold, int every, boolean banked, boolean delayed) {
        return new AbsoluteCorrectionConfig(threshold, every, banked, delayed, AbsoluteCorrectionConfig.Noise.DEFAULTS);
    }

    static AbsoluteCorrectionSimulator simulator(AbsoluteCorrectionConfig config, Space space) {
        return new AbsoluteCorrectionSimulator(config, space, new SplittableRandom(1));
    }

    /** A query at {@code step} whose proposal lies {@code distance} from the teacher's (0, 0). */
    static Query query(int step, double distance) {
        return new Query(Observation.of(0, 0), Action.ofDoubles(distance, 0), Action.zeros(2), step);
    }

    /** Whether a correction was given at each step, for proposals at the scripted distances. */
    private static List<Boolean> run(AbsoluteCorrectionSimulator simulator, double[] distances, int firstStep) {
        List<Boolean> corrected = new ArrayList<>();
        for (int i = 0; i < distances.length; i++) {
            corrected.add(simulator.respond(query(firstStep + i, distances[i])).feedback()
                    instanceof Feedback.AbsoluteCorrection);
        }
        return corrected;
    }
}
