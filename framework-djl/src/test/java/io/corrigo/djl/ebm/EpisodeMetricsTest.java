package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.run.MetricSink;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class EpisodeMetricsTest {

    private final List<String> recorded = new ArrayList<>();
    private final MetricSink sink = (name, value) -> recorded.add(name + "=" + value);
    private final EpisodeMetrics metrics = new EpisodeMetrics();

    @Test
    void recordsTheUpdateCountTheMeansAndTheLargestGradientInThatOrder() {
        metrics.add(new ContrastiveTrainer.Step(1.0, 0.5, 0.25, 3.0));
        metrics.add(new ContrastiveTrainer.Step(3.0, 1.5, 0.75, 2.0));
        metrics.flush(sink);
        assertThat(recorded).containsExactly("updates=2.0", "loss=2.0", "divergence=1.0", "penalty=0.5",
                "gradientMax=3.0");
    }

    @Test
    void recordsOnlyTheUpdateCountOfAnEpisodeWithoutUpdates() {
        metrics.flush(sink);
        assertThat(recorded).containsExactly("updates=0.0");
    }

    @Test
    void startsOverAfterEachFlush() {
        metrics.add(new ContrastiveTrainer.Step(9.0, 9.0, 9.0, 9.0));
        metrics.flush(sink);
        recorded.clear();
        metrics.flush(sink);
        assertThat(recorded).containsExactly("updates=0.0");
    }

    @Test
    void recordsZeroDivergencePenaltyAndGradientForLossOnlyUpdates() {
        metrics.add(0.25);
        metrics.add(0.75);
        metrics.flush(sink);
        assertThat(recorded).containsExactly("updates=2.0", "loss=0.5", "divergence=0.0", "penalty=0.0",
                "gradientMax=0.0");
    }

    @Test
    void namesEachMetricsUnitWithTheLossInTheUnitItWasGiven() {
        List<String> units = new ArrayList<>();
        MetricSink withUnits = new MetricSink() {
            @Override
            public void record(String name, double value) {
                units.add(name + " without a unit");
            }

            @Override
            public void record(String name, double value, String unit) {
                units.add(name + " in " + unit);
            }
        };
        EpisodeMetrics hinge = new EpisodeMetrics("action units (hinge)");
        hinge.add(0.5);
        hinge.flush(withUnits);
        assertThat(units).containsExactly("updates in updates", "loss in action units (hinge)", "divergence in nats",
                "penalty in (energy / action unit)²", "gradientMax in energy / action unit");
        units.clear();
        metrics.add(new ContrastiveTrainer.Step(1.0, 0.5, 0.25, 3.0));
        metrics.flush(withUnits);
        assertThat(units).contains("loss in nats");
    }
}
