package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.testkit.EnvironmentContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("toy-two-circles")
class ToyTwoCirclesEnvironmentTest implements EnvironmentContract<TwoCirclesConfig> {

    private static final Observation ANY = Observation.of(new float[10]);
    private static final double OFFSET = 0.35;
    private static final double RADIUS = 0.2;

    @Override
    public EnvironmentProvider<TwoCirclesConfig> provider() {
        return new ToyTwoCirclesProvider();
    }

    private Environment create() {
        return provider().create(config(), TestRunContext.withSeed(1));
    }

    @Test
    void aRandomDiscTeacherLabelsOneProposalIntoBothDiscsAboutEquallyOften() {
        Environment env = provider().create(new TwoCirclesConfig(100, 0.9, TwoCirclesConfig.TeacherDisc.RANDOM),
                TestRunContext.withSeed(1));
        Action gap = Action.of(0.05f, -0.05f);   // nearer to neither disc by much
        int first = 0;
        int second = 0;
        for (long seed = 0; seed < 400; seed++) {
            Observation o = env.reset(seed);
            Action label = env.expert().act(o, gap);
            if (Math.hypot(label.get(0) - OFFSET, label.get(1) - OFFSET) < RADIUS) {
                first++;
            } else if (Math.hypot(label.get(0) + OFFSET, label.get(1) + OFFSET) < RADIUS) {
                second++;
            }
        }
        assertThat(first + second).isEqualTo(400);
        assertThat(first).isBetween(160, 240);
        Environment nearer = create();
        nearer.reset(0);
        Action label = nearer.expert().act(ANY, Action.of(0.1f, 0.05f));
        assertThat(Math.hypot(label.get(0) - OFFSET, label.get(1) - OFFSET)).isLessThan(RADIUS);
    }

    @Test
    void theReflectionLandsInsideTheNearerDiskOrTheProposalIsReturned() {
        Environment env = create();
        env.reset(3);
        SplittableRandom random = new SplittableRandom(3);
        int outside = 0;
        int answered = 0;
        int[] perDisk = new int[2];
        for (int i = 0; i < 20_000; i++) {
            Action a = Toys.uniformAction(random);
            Action answer = env.expert().act(ANY, a);
            double toFirst = Math.hypot(a.get(0) - OFFSET, a.get(1) - OFFSET);
            double toSecond = Math.hypot(a.get(0) + OFFSET, a.get(1) + OFFSET);
            double nearest = Math.min(toFirst, toSecond);
            if (nearest < RADIUS) {
                assertThat(answer).isEqualTo(a);
                continue;
            }
            outside++;
            double c = toFirst < toSecond ? OFFSET : -OFFSET;
            double answerToCentre = Math.hypot(answer.get(0) - c, answer.get(1) - c);
            if (nearest < 3 * RADIUS - 1e-4) {
                answered++;
                perDisk[c > 0 ? 0 : 1]++;
                assertThat(answerToCentre).as("answer to %s", a).isLessThan(RADIUS);
                assertThat(answerToCentre).isCloseTo(Math.abs(2 * RADIUS - nearest), within(1e-5));
                double cross = (a.get(0) - c) * (answer.get(1) - c) - (a.get(1) - c) * (answer.get(0) - c);
                assertThat(cross).as("proposal, centre and answer are collinear").isCloseTo(0, within(1e-5));
            } else if (nearest > 3 * RADIUS + 1e-4) {
                assertThat(answer).as("no feedback for %s", a).isEqualTo(a);
            }
        }
        System.out.printf("toy-two-circles teacher: %.1f%% of outside uniform proposals answered (disk 1: %d,"
                + " disk 2: %d)%n", 100.0 * answered / outside, perDisk[0], perDisk[1]);
        assertThat(perDisk[0]).isCloseTo(perDisk[1], within(answered / 10));
    }

    @Test
    void theTeacherKeepsBothModes() {
        Environment env = create();
        env.reset(1);
        Action upperRight = env.expert().act(ANY, Action.of(0.7f, 0.5f));
        Action lowerLeft = env.expert().act(ANY, Action.of(-0.5f, -0.7f));
        assertThat(upperRight.get(0)).isPositive();
        assertThat(upperRight.get(1)).isPositive();
        assertThat(lowerLeft.get(0)).isNegative();
        assertThat(lowerLeft.get(1)).isNegative();
        // the mean of the two modes, the origin, is outside both disks
        Action tie = env.expert().act(ANY, Action.zeros(2));
        assertThat(Math.hypot(tie.get(0) + OFFSET, tie.get(1) + OFFSET)).as("a tie goes to the second disk")
                .isLessThan(RADIUS);
    }

    @Test
    void correctingUniformProposalsReachesOnlyPartOfTheSet() {
        Environment env = create();
        double rate = 0;
        for (long seed = 0; seed < 100; seed++) {
            rate += Toys.correctedRandomEpisode(env, seed).info().progress();
        }
        System.out.printf("toy-two-circles, teacher answers to uniform proposals: in-set rate %.4f%n", rate / 100);
        // proposals more than three radii from the nearer disk get no feedback (as in the repository)
        assertThat(rate / 100).isBetween(0.4, 0.8);
    }
}
