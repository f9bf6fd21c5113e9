package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("clic-half")
class ClicConfigTest {

    @Test
    void halfDefaultsAreTheRepositorysSettings() {
        ClicHalfConfig c = new ClicHalfProvider().defaultConfig();
        assertThat(c.hiddenSizes()).containsExactly(512, 512, 512, 256);
        assertThat(List.of(c.trainingSamples(), c.trainingLangevinSteps(), c.implicitHalfspaces(), c.actSamples(),
                c.actLangevinSteps(), c.actLangevinPasses(), c.endOfEpisodeUpdates(), c.batchSize(), c.minBufferSize(),
                c.updateEvery(), c.bufferCapacity())).containsExactly(512, 25, 128, 512, 25, 2, 500, 32, 32, 5, 60_000);
        assertThat(List.of(c.learningRate(), c.softmaxTemperature(), c.likelihoodScale(), c.alphaDegrees(), c.gamma(),
                c.kappa(), c.mainHalfspaceWeight(), c.gradientPenalty(), c.penaltyMargin(), c.actTemperature(),
                c.gradientClip())).containsExactly(3e-4, 1.0, 0.1, 30.0, 0.1, 0.1, 0.3, 1.0, 1.0, 0.1, 1.0);
        assertThat(c.inference()).isEqualTo(EnergySampler.Method.LANGEVIN);
    }

    @Test
    void circularAndExplicitDefaultsAreTheRepositorysSettings() {
        ClicCircularConfig c = ClicCircularConfig.DEFAULTS;
        assertThat(List.of(c.softmaxTemperature(), c.radiusRatio(), c.kappa())).containsExactly(2.0, 0.5, 0.05);
        assertThat(c.endOfEpisodeUpdates()).isEqualTo(200);
        ClicExplicitConfig e = ClicExplicitConfig.DEFAULTS;
        assertThat(List.of(e.alphaDegrees(), e.gamma(), e.mainWeight(), e.coneWeight(), e.gradientClip()))
                .containsExactly(30.0, 0.3, 0.2, 0.02, 0.0);
        assertThat(List.of(e.implicitHalfspaces(), e.endOfEpisodeUpdates())).containsExactly(256, 500);
    }

    @Test
    void cpuSmallDownsizesComputeOnly() {
        ClicHalfConfig d = ClicHalfConfig.DEFAULTS;
        ClicHalfConfig s = new ClicHalfConfig(ComputePreset.CPU_SMALL, d.learningRate(), d.batchSize(), d.hiddenSizes(),
                d.trainingSamples(), d.trainingLangevinSteps(), d.softmaxTemperature(), d.likelihoodScale(),
                d.alphaDegrees(), d.gamma(), d.kappa(), d.implicitHalfspaces(), d.mainHalfspaceWeight(),
                d.gradientPenalty(), d.penaltyMargin(), d.inference(), d.actSamples(), d.actLangevinSteps(),
                d.actLangevinPasses(), d.dfoIterations(), d.actTemperature(), d.updateEvery(), d.endOfEpisodeUpdates(),
                d.bufferCapacity(), d.minBufferSize(), d.gradientClip(), d.feedbackKinds(), null, null);
        assertThat(s.hiddenSizes()).containsExactly(128, 128, 128);
        assertThat(List.of(s.trainingSamples(), s.trainingLangevinSteps(), s.implicitHalfspaces(), s.actSamples(),
                s.endOfEpisodeUpdates())).containsExactly(64, 0, 32, 256, 100);
        assertThat(s.inference()).isEqualTo(EnergySampler.Method.DFO);
        assertThat(List.of(s.alphaDegrees(), s.gamma(), s.kappa(), s.learningRate())).containsExactly(30.0, 0.1, 0.1, 3e-4);
        ClicExplicitConfig e = ClicExplicitConfig.DEFAULTS;
        ClicExplicitConfig es = new ClicExplicitConfig(ComputePreset.CPU_SMALL, e.learningRate(), e.batchSize(),
                e.hiddenSizes(), e.alphaDegrees(), e.gamma(), e.implicitHalfspaces(), e.mainWeight(), e.coneWeight(),
                e.updateEvery(), 70, e.bufferCapacity(), e.minBufferSize(), e.gradientClip(), e.feedbackKinds());
        assertThat(es.hiddenSizes()).containsExactly(128, 128, 128);
        assertThat(es.implicitHalfspaces()).isEqualTo(32);
        assertThat(es.endOfEpisodeUpdates()).as("a value given explicitly is kept").isEqualTo(70);
    }

    @Test
    void circularRefusesRelativeAndPartialFeedback() {
        ClicCircularConfig d = ClicCircularConfig.DEFAULTS;
        assertThatThrownBy(() -> new ClicCircularConfig(d.preset(), d.learningRate(), d.batchSize(), d.hiddenSizes(),
                d.trainingSamples(), d.trainingLangevinSteps(), d.softmaxTemperature(), d.likelihoodScale(),
                d.radiusRatio(), d.kappa(), d.gradientPenalty(), d.penaltyMargin(), d.inference(), d.actSamples(),
                d.actLangevinSteps(), d.actLangevinPasses(), d.dfoIterations(), d.actTemperature(), d.updateEvery(),
                d.endOfEpisodeUpdates(), d.bufferCapacity(), d.minBufferSize(), d.gradientClip(),
                EnumSet.of(FeedbackKind.ABSOLUTE, FeedbackKind.RELATIVE), null, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("feedbackKinds"));
    }

    @Test
    void halfReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new ClicHalfConfig(null, -1, 0, List.of(0), 1, -1, 0, 0, 0, 1, 0, 0, -1, -1, -1, null,
                0, -1, -1, -1, -1, -1, -1, 0, 0, -1, EnumSet.noneOf(FeedbackKind.class), null, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(20));
    }

    @Test
    void clippingAndScheduleDefaultToEachRepositoryVersionsOwnAndCanBeChanged() {
        assertThat(ClicHalfConfig.DEFAULTS.clipping()).isEqualTo(io.corrigo.djl.AdamOptimizer.Clipping.PER_TENSOR_NORM);
        assertThat(ClicCircularConfig.DEFAULTS.clipping()).isEqualTo(io.corrigo.djl.AdamOptimizer.Clipping.GLOBAL_NORM);
        assertThat(ClicHalfConfig.DEFAULTS.schedule().constant()).isTrue();
        ClicHalfConfig d = ClicHalfConfig.DEFAULTS;
        ClicHalfConfig global = new ClicHalfConfig(d.preset(), d.learningRate(), d.batchSize(), d.hiddenSizes(),
                d.trainingSamples(), d.trainingLangevinSteps(), d.softmaxTemperature(), d.likelihoodScale(),
                d.alphaDegrees(), d.gamma(), d.kappa(), d.implicitHalfspaces(), d.mainHalfspaceWeight(),
                d.gradientPenalty(), d.penaltyMargin(), d.inference(), d.actSamples(), d.actLangevinSteps(),
                d.actLangevinPasses(), d.dfoIterations(), d.actTemperature(), d.updateEvery(), d.endOfEpisodeUpdates(),
                d.bufferCapacity(), d.minBufferSize(), d.gradientClip(), d.feedbackKinds(),
                io.corrigo.djl.AdamOptimizer.Clipping.GLOBAL_NORM, LearningRateSchedule.REPOSITORY_TORCH);
        assertThat(global.energy().clipping()).isEqualTo(io.corrigo.djl.AdamOptimizer.Clipping.GLOBAL_NORM);
        assertThat(global.energy().schedule().rate(3e-4, 0)).isEqualTo(1e-5);
    }
}
