package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class DiffusionConfigTest {

    @Test
    void defaultsAreDiffusionPolicysLowDimensionalSettings() {
        DiffusionConfig d = DiffusionConfig.DEFAULTS;
        assertThat(List.of(d.observationHorizon(), d.predictionHorizon(), d.executionHorizon())).containsExactly(2, 16, 8);
        assertThat(d.diffusionSteps()).isEqualTo(100);
        assertThat(d.sampler()).isEqualTo(DiffusionConfig.Sampler.DDIM);
        assertThat(d.samplingSteps()).isEqualTo(10);
        assertThat(d.learningRate()).isEqualTo(1e-4);
        assertThat(d.batchSize()).isEqualTo(256);
        assertThat(d.emaPower()).isEqualTo(0.75);
    }

    @Test
    void rejectsAnExecutedPartThatDoesNotFitThePrediction() {
        assertThatThrownBy(() -> Configs.with(Map.of("observationHorizon", 2, "predictionHorizon", 8, "executionHorizon", 8)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executionHorizon")
                .hasMessageContaining("2 - 1 + 8 > 8");
    }

    @Test
    void rejectsAUnetHorizonItCannotHalveAndSuggestsTheMlp() {
        assertThatThrownBy(() -> Configs.with(Map.of("denoiser", DiffusionConfig.DenoiserKind.UNET,
                "observationHorizon", 1, "predictionHorizon", 6, "executionHorizon", 2)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("predictionHorizon")
                .hasMessageContaining("divisible by 4").hasMessageContaining("mlp");
    }

    @Test
    void rejectsUnetWidthsThatGroupNormCannotSplit() {
        assertThatThrownBy(() -> Configs.with(Map.of("unetDownDims", List.of(64, 100))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unetDownDims[1]");
    }

    @Test
    void rejectsMoreSamplingStepsThanTrainingSteps() {
        assertThatThrownBy(() -> Configs.with(Map.of("samplingSteps", 101)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("samplingSteps");
    }

    @Test
    void acceptsTheSingleStepVariantOfTheClicPaper() {
        DiffusionConfig c = Configs.with(Map.of("observationHorizon", 1, "predictionHorizon", 1, "executionHorizon", 1));
        assertThat(c.horizons()).isEqualTo(new Horizons(1, 1, 1));
    }
}
