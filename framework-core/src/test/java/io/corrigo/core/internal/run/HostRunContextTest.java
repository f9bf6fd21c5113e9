package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Host")
@Feature("Trial runner")
class HostRunContextTest {

    @TempDir
    Path dir;

    @Test
    void averagesEachMetricPerEpisodeAndKeepsTheUnitALearnerGaveIt() {
        HostRunContext context = new HostRunContext("t", 1, ComputeDevice.CPU, dir, () -> false);
        context.metrics().record("loss", 1.0, "nats");
        context.metrics().record("loss", 3.0); // a value without a unit keeps the name's unit
        context.metrics().record("labels", 4);
        context.metrics().record("loss", Double.NaN, "nats");

        assertThat(context.drainEpisode(1)).containsExactly(new MetricPoint(1, "labels", 4, 1, ""),
                new MetricPoint(1, "loss", 2.0, 2, "nats"));
        context.metrics().record("loss", 5.0);
        assertThat(context.drainEpisode(2)).containsExactly(new MetricPoint(2, "loss", 5.0, 1, "nats"));
        assertThat(context.drainEpisode(3)).isEmpty();
    }
}
