package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("cartpole")
class DiscreteLqrTest {

    @Test
    void scalarIntegratorHasTheGoldenRatioAsCostToGo() {
        // x' = x + u, Q = R = 1: P = 1 + P − P²/(1 + P) gives P² = P + 1
        DiscreteLqr lqr = DiscreteLqr.solve(new double[][] {{1}}, new double[] {1}, new double[] {1}, 1);
        double golden = (1 + Math.sqrt(5)) / 2;
        assertThat(lqr.costToGo(new double[] {1})).isCloseTo(golden, within(1e-9));
        assertThat(lqr.gains()[0]).isCloseTo(golden / (1 + golden), within(1e-9));
        assertThat(lqr.control(new double[] {2})).isCloseTo(-2 * golden / (1 + golden), within(1e-9));
    }

    @Test
    void doubleIntegratorMatchesScipy() {
        // scipy.linalg.solve_discrete_are(A, B, diag(1, 1), 1) for A = [[1, 0.1], [0, 1]], B = [0, 0.1]
        DiscreteLqr lqr = DiscreteLqr.solve(new double[][] {{1, 0.1}, {0, 1}}, new double[] {0, 0.1},
                new double[] {1, 1}, 1);
        assertThat(lqr.gains()).containsExactly(new double[] {0.91704155, 1.68205216}, within(1e-6));
    }

    @Test
    void refusesASystemItCannotStabilise() {
        assertThatThrownBy(() -> DiscreteLqr.solve(new double[][] {{2}}, new double[] {0}, new double[] {1}, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not stabilisable");
    }
}
