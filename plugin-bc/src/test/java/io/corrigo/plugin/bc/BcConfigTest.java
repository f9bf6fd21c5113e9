package io.corrigo.plugin.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.Mlp;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("bc")
class BcConfigTest {

    private static BcConfig with(double learningRate, int batchSize, List<Integer> hidden, int updateEvery,
                                 int endOfEpisodeUpdates, int capacity, int minBuffer, double clip,
                                 Set<FeedbackKind> kinds) {
        return new BcConfig(learningRate, batchSize, hidden, Mlp.Activation.RELU, updateEvery, endOfEpisodeUpdates,
                capacity, minBuffer, clip, kinds);
    }

    private static List<String> fieldsOf(ConfigException e) {
        return e.violations().stream().map(ConfigException.Violation::field).toList();
    }

    @Test
    void defaultsFollowClicsHgDaggerBaseline() {
        BcConfig c = BcConfig.defaults();
        assertThat(c.learningRate()).isEqualTo(3e-4);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(c.hiddenSizes()).containsExactly(256, 256);
        assertThat(c.activation()).isEqualTo(Mlp.Activation.RELU);
        assertThat(c.updateEvery()).isEqualTo(5);
        assertThat(c.endOfEpisodeUpdates()).isEqualTo(1000);
        assertThat(c.bufferCapacity()).isEqualTo(60_000);
        assertThat(c.minBufferSize()).isEqualTo(32);
        assertThat(c.gradientClip()).isEqualTo(1.0);
        assertThat(c.feedbackKinds()).containsExactlyInAnyOrder(FeedbackKind.ABSOLUTE, FeedbackKind.RELATIVE,
                FeedbackKind.PARTIAL, FeedbackKind.TAKEOVER, FeedbackKind.LABEL);
    }

    @Test
    void providerDefaultIsTheDocumentedDefault() {
        assertThat(new BcLearnerProvider().defaultConfig()).isEqualTo(BcConfig.defaults());
        assertThat(new BcLearnerProvider().configType()).isEqualTo(BcConfig.class);
    }

    @Test
    void rejectsNonPositiveLearningRate() {
        assertThatThrownBy(() -> with(0, 32, List.of(8), 5, 10, 100, 32, 1, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(fieldsOf(e)).containsExactly("learningRate"));
        assertThatThrownBy(() -> with(Double.NaN, 32, List.of(8), 5, 10, 100, 32, 1, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("learningRate");
    }

    @Test
    void rejectsNonPositiveBatchSizeAndCapacity() {
        assertThatThrownBy(() -> with(1e-3, 0, List.of(8), 5, 10, 0, 1, 1, null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(fieldsOf(e)).contains("batchSize", "bufferCapacity"));
    }

    @Test
    void rejectsNegativeScheduleCounts() {
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), -1, -2, 100, 32, 1, null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("updateEvery", "endOfEpisodeUpdates"));
    }

    @Test
    void rejectsMinBufferSizeOutsideOneToCapacity() {
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), 5, 10, 100, 0, 1, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("minBufferSize");
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), 5, 10, 100, 101, 1, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("minBufferSize");
    }

    @Test
    void rejectsNegativeGradientClip() {
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), 5, 10, 100, 32, -0.5, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gradientClip");
    }

    @Test
    void rejectsNonPositiveAndMissingHiddenSizes() {
        assertThatThrownBy(() -> with(1e-3, 32, Arrays.asList(64, 0, null), 5, 10, 100, 32, 1, null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("hiddenSizes[1]", "hiddenSizes[2]"));
    }

    @Test
    void rejectsEmptyFeedbackKindsAndNone() {
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), 5, 10, 100, 32, 1, Set.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("feedbackKinds");
        assertThatThrownBy(() -> with(1e-3, 32, List.of(8), 5, 10, 100, 32, 1, EnumSet.of(FeedbackKind.NONE)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NONE");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> with(-1, 0, List.of(0), -1, -1, 0, 0, -1, Set.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(8));
    }

    @Test
    void missingObjectFieldsTakeTheirDefaults() {
        BcConfig c = new BcConfig(1e-3, 16, null, null, 5, 10, 100, 16, 0, null);
        assertThat(c.hiddenSizes()).containsExactly(256, 256);
        assertThat(c.activation()).isEqualTo(Mlp.Activation.RELU);
        assertThat(c.feedbackKinds()).hasSize(5);
    }

    @Test
    void acceptsExactlyTheConfiguredKinds() {
        BcConfig c = with(1e-3, 32, List.of(8), 5, 10, 100, 32, 1, EnumSet.of(FeedbackKind.ABSOLUTE));
        assertThat(new BcLearnerProvider().accepts(c)).containsExactly(FeedbackKind.ABSOLUTE);
    }

    @Test
    void kerasVariantIsOptInAndRejectsAnUnsquashedOutputOrABadEpsilon() {
        BcConfig d = BcConfig.defaults();
        assertThat(d.init()).isEqualTo(Mlp.Initialisation.TORCH);
        assertThat(d.outputSquash()).isEqualTo(Mlp.OutputSquash.TANH);
        assertThat(d.adamEpsilon()).isEqualTo(1e-8);
        BcConfig keras = new BcConfig(3e-4, 32, List.of(8), Mlp.Activation.TANH, 5, 10, 100, 32, 1, null, false,
                Mlp.Initialisation.KERAS, Mlp.OutputSquash.SIGMOID2, 1e-7);
        assertThat(keras.outputSquash()).isEqualTo(Mlp.OutputSquash.SIGMOID2);
        assertThatThrownBy(() -> new BcConfig(3e-4, 32, List.of(8), null, 5, 10, 100, 32, 1, null, false, null,
                Mlp.OutputSquash.NONE, 0))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("outputSquash", "adamEpsilon"));
    }
}
