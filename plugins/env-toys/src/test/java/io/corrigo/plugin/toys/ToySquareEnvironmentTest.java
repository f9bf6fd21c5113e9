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
@Feature("toy-square")
class ToySquareEnvironmentTest implements EnvironmentContract<DesiredActionConfig> {

    private static final Observation ANY = Observation.of(new float[10]);
    private static final double HALF = 0.4;
    private static final double EPS = 1e-6;

    @Override
    public EnvironmentProvider<DesiredActionConfig> provider() {
        return new ToySquareProvider();
    }

    private Environment create() {
        return provider().create(config(), TestRunContext.withSeed(1));
    }

    @Test
    void theSquaresEdgeBisectsTheProposalAndTheAnswer() {
        Environment env = create();
        env.reset(3);
        SplittableRandom random = new SplittableRandom(3);
        int edges = 0;
        int corners = 0;
        for (int i = 0; i < 20_000; i++) {
            Action a = Toys.uniformAction(random);
            Action answer = env.expert().act(ANY, a);
            boolean outX = Math.abs(a.get(0)) > HALF;
            boolean outY = Math.abs(a.get(1)) > HALF;
            if (!outX && !outY) {
                assertThat(answer).isEqualTo(a);
                continue;
            }
            assertThat((double) Math.max(Math.abs(answer.get(0)), Math.abs(answer.get(1)))).isLessThanOrEqualTo(HALF);
            double mx = (a.get(0) + answer.get(0)) / 2;
            double my = (a.get(1) + answer.get(1)) / 2;
            if (outX && outY) {
                corners++;
                assertThat(Math.abs(mx)).as("midpoint is the corner").isCloseTo(HALF, within(EPS));
                assertThat(Math.abs(my)).isCloseTo(HALF, within(EPS));
            } else {
                edges++;
                int across = outX ? 0 : 1;
                int along = 1 - across;
                double[] m = {mx, my};
                assertThat(Math.abs(m[across])).as("midpoint on the edge of %s", a).isCloseTo(HALF, within(EPS));
                assertThat(Math.abs(m[along])).isLessThanOrEqualTo(HALF);
                assertThat(answer.get(along) - a.get(along)).as("a_T − a is normal to the edge").isZero();
                assertThat(Math.signum(answer.get(across) - a.get(across))).isEqualTo(-Math.signum(a.get(across)));
            }
        }
        assertThat(edges).isGreaterThan(5_000);
        assertThat(corners).isGreaterThan(5_000);
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
        System.out.printf("toy-square, teacher answers to uniform proposals: in-set rate %.4f, %d/100 solved%n",
                rate / 100, solved);
        assertThat(solved).isEqualTo(100);
        assertThat(rate / 100).isEqualTo(1.0);
    }
}
