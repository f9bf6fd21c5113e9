package io.corrigo.plugin.oracle;

import static io.corrigo.plugin.oracle.ConfigAssertions.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.plugin.oracle.ActionDistanceGateConfig.Norm;
import io.corrigo.plugin.oracle.DaggerConfig.BetaSchedule;
import io.corrigo.plugin.oracle.RandomGateConfig.Schedule;
import io.corrigo.plugin.oracle.ValueGateConfig.Estimator;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** The gates' and DAgger's configurations. */
@Epic("Feedback")
@Feature("gates and dagger")
class TakeoverConfigsTest {

    @Test
    void defaults() {
        assertThat(new ActionDistanceGateProvider().defaultConfig())
                .isEqualTo(new ActionDistanceGateConfig(Norm.L2, 0.2, 1, 0, 0, 4, ExpertConfig.DEFAULTS));
        assertThat(new ValueGateProvider().defaultConfig())
                .isEqualTo(new ValueGateConfig(Estimator.ONE_STEP, 10, 0.05, 0.95, 4, ExpertConfig.DEFAULTS));
        assertThat(new RandomGateProvider().defaultConfig())
                .isEqualTo(new RandomGateConfig(Schedule.PER_STEP, 0.1, 4, ExpertConfig.DEFAULTS));
        assertThat(new DaggerProvider().defaultConfig())
                .isEqualTo(new DaggerConfig(BetaSchedule.LINEAR, 15, 0.5, ExpertConfig.DEFAULTS));
    }

    @Test
    void missingEnumsMeanTheirDefaults() {
        assertThat(new ActionDistanceGateConfig(null, 0.2, 1, 0, 0, 4, null).norm()).isEqualTo(Norm.L2);
        assertThat(new ValueGateConfig(null, 10, 0.05, 0.95, 4, null).estimator()).isEqualTo(Estimator.ONE_STEP);
        assertThat(new RandomGateConfig(null, 0.1, 4, null).schedule()).isEqualTo(Schedule.PER_STEP);
        assertThat(new DaggerConfig(null, 15, 0.5, null).betaSchedule()).isEqualTo(BetaSchedule.LINEAR);
    }

    @Test
    void actionDistanceReportsEveryProblemTogether() {
        assertViolations(() -> new ActionDistanceGateConfig(Norm.L1, 0, 1.1, -0.1, -1, 0, null),
                "threshold", "hitProbability", "missProbability", "missDecay", "takeoverSteps");
    }

    @Test
    void valueGateReportsEveryProblemTogether() {
        assertViolations(() -> new ValueGateConfig(Estimator.ROLLOUT, 0, -0.1, 0.4, 0, null),
                "horizon", "delta", "beta", "takeoverSteps");
        assertViolations(() -> new ValueGateConfig(Estimator.ROLLOUT, 5, Double.POSITIVE_INFINITY, 1.01, 1, null),
                "delta", "beta");
    }

    @Test
    void randomGateReportsEveryProblemTogether() {
        assertViolations(() -> new RandomGateConfig(Schedule.EPISODIC, 1.5, 0, null), "probability", "takeoverSteps");
    }

    @Test
    void daggerReportsEveryProblemTogether() {
        assertViolations(() -> new DaggerConfig(BetaSchedule.EXPONENTIAL, 0, 1.5, null), "betaEpisodes", "betaDecay");
    }
}
