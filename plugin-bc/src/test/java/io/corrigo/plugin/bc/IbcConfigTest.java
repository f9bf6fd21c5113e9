package io.corrigo.plugin.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("ibc")
class IbcConfigTest {

    @Test
    void defaultsAreClicsIbcBaseline() {
        IbcConfig c = new IbcLearnerProvider().defaultConfig();
        assertThat(c.preset()).isEqualTo(ComputePreset.DEFAULT);
        assertThat(c.hiddenSizes()).containsExactly(512, 512, 512, 256);
        assertThat(c.trainingSamples()).isEqualTo(512);
        assertThat(c.trainingLangevinSteps()).isEqualTo(25);
        assertThat(c.inference()).isEqualTo(EnergySampler.Method.LANGEVIN);
        assertThat(c.actSamples()).isEqualTo(512);
        assertThat(c.actLangevinPasses()).isEqualTo(2);
        assertThat(c.actTemperature()).isEqualTo(0.1);
        assertThat(c.softmaxTemperature()).isEqualTo(1.0);
        assertThat(c.gradientPenalty()).isEqualTo(1.0);
        assertThat(c.endOfEpisodeUpdates()).isEqualTo(500);
        assertThat(c.learningRate()).isEqualTo(3e-4);
        assertThat(c.weightDecay()).isEqualTo(1e-6);
        assertThat(c.adamEpsilon()).isEqualTo(1e-7);
    }

    @Test
    void cpuSmallPresetDownsizesOnlyTheComputeFieldsLeftAtTheirDefaults() {
        IbcConfig d = IbcConfig.DEFAULTS;
        IbcConfig small = new IbcConfig(ComputePreset.CPU_SMALL, d.learningRate(), d.batchSize(), d.hiddenSizes(),
                d.trainingSamples(), d.trainingLangevinSteps(), d.softmaxTemperature(), d.gradientPenalty(),
                d.penaltyMargin(), d.inference(), d.actSamples(), d.actLangevinSteps(), d.actLangevinPasses(),
                d.dfoIterations(), d.actTemperature(), d.updateEvery(), d.endOfEpisodeUpdates(), d.bufferCapacity(),
                d.minBufferSize(), d.gradientClip(), d.weightDecay(), d.adamEpsilon(), d.feedbackKinds());
        assertThat(small.hiddenSizes()).containsExactly(128, 128, 128);
        assertThat(small.trainingSamples()).isEqualTo(64);
        assertThat(small.trainingLangevinSteps()).isZero();
        assertThat(small.inference()).isEqualTo(EnergySampler.Method.DFO);
        assertThat(small.actSamples()).isEqualTo(256);
        assertThat(small.endOfEpisodeUpdates()).isEqualTo(100);
        assertThat(small.learningRate()).isEqualTo(d.learningRate());
        IbcConfig mine = new IbcConfig(ComputePreset.CPU_SMALL, d.learningRate(), d.batchSize(), List.of(64),
                d.trainingSamples(), d.trainingLangevinSteps(), d.softmaxTemperature(), d.gradientPenalty(),
                d.penaltyMargin(), d.inference(), d.actSamples(), d.actLangevinSteps(), d.actLangevinPasses(),
                d.dfoIterations(), d.actTemperature(), d.updateEvery(), 7, d.bufferCapacity(),
                d.minBufferSize(), d.gradientClip(), d.weightDecay(), d.adamEpsilon(), d.feedbackKinds());
        assertThat(mine.hiddenSizes()).containsExactly(64);
        assertThat(mine.endOfEpisodeUpdates()).isEqualTo(7);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new IbcConfig(null, 0, 0, List.of(0), 1, -1, 0, -1, -1, null, 0, -1, -1, -1, -1, -1, -1,
                0, 0, -1, -1, 0, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(18));
    }
}
