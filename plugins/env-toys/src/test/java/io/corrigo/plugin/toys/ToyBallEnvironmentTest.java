package io.corrigo.plugin.toys;

import static org.assertj.core.api.Assertions.assertThat;

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
@Feature("toy-ball")
class ToyBallEnvironmentTest implements EnvironmentContract<DesiredActionConfig> {

    private static final Observation ANY = Observation.of(new float[10]);

    @Override
    public EnvironmentProvider<DesiredActionConfig> provider() {
        return new ToyBallProvider();
    }

    private Environment create() {
        return provider().create(config(), TestRunContext.withSeed(1));
    }

    @Test
    void theAnswerIsInsideTheDiskOrTheProposalItself() {
        Environment env = create();
        env.reset(7);
        SplittableRandom random = new SplittableRandom(7);
        int outside = 0;
        int unanswered = 0;
        double sumX = 0;
        double sumSquares = 0;
        for (int i = 0; i < 20_000; i++) {
            Action proposal = Toys.uniformAction(random);
            Action answer = env.expert().act(ANY, proposal);
            if (proposal.norm() < 0.4) {
                assertThat(answer).isEqualTo(proposal);
            } else if (answer.equals(proposal)) {
                outside++;
                unanswered++;
            } else {
                outside++;
                assertThat(answer.norm()).as("answer to %s", proposal).isLessThan(0.4);
                sumX += answer.get(0);
                sumSquares += answer.get(0) * answer.get(0);
            }
            env.step(Action.zeros(2));
            if (i % 100 == 99) {
                env.reset(i);
            }
        }
        int answered = outside - unanswered;
        double mean = sumX / answered;
        double sd = Math.sqrt(sumSquares / answered - mean * mean);
        System.out.printf("toy-ball teacher: %.2f%% of outside proposals unanswered (label outside the disk),"
                + " label x mean %.4f sd %.4f%n", 100.0 * unanswered / outside, mean, sd);
        // P(|N(0, 0.15² I)| >= 0.4) = exp(-0.4² / (2 · 0.15²)) ≈ 2.9 %
        assertThat((double) unanswered / outside).isBetween(0.02, 0.04);
        assertThat(mean).isBetween(-0.01, 0.01);
        assertThat(sd).isBetween(0.13, 0.15);
    }

    @Test
    void labelsAreSeededByTheResetSeedAndTheStep() {
        Environment a = create();
        Environment b = create();
        Action far = Action.of(1, 1);
        a.reset(5);
        b.reset(5);
        Action first = a.expert().act(ANY, far);
        assertThat(a.expert().act(ANY, far)).as("asked twice in one step").isEqualTo(first);
        assertThat(b.expert().act(ANY, far)).as("another instance, same seed").isEqualTo(first);
        a.step(Action.zeros(2));
        assertThat(a.expert().act(ANY, far)).as("the next step").isNotEqualTo(first);
        b.reset(6);
        assertThat(b.expert().act(ANY, far)).as("another seed").isNotEqualTo(first);
    }

    @Test
    void executingTheTeachersAnswersToRandomProposalsSolvesTheTask() {
        Environment env = create();
        int solved = 0;
        double rate = 0;
        for (long seed = 0; seed < 100; seed++) {
            var last = Toys.correctedRandomEpisode(env, seed);
            solved += last.info().success() ? 1 : 0;
            rate += last.info().progress();
        }
        System.out.printf("toy-ball, teacher answers to uniform proposals: in-set rate %.4f, %d/100 solved%n",
                rate / 100, solved);
        assertThat(solved).isGreaterThanOrEqualTo(99);
    }
}
