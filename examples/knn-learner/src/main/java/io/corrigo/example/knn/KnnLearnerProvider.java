package io.corrigo.example.knn;

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Provides the {@code knn} learner. */
@Component(service = LearnerProvider.class)
@PluginId("knn")
public final class KnnLearnerProvider implements LearnerProvider<KnnConfig> {

    @Override
    public Class<KnnConfig> configType() {
        return KnnConfig.class;
    }

    @Override
    public KnnConfig defaultConfig() {
        return KnnConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "k-nearest-neighbour regression on the labels received (example drop-in, no DJL)";
    }

    @Override
    public Set<FeedbackKind> accepts(KnnConfig config) {
        return EnumSet.of(FeedbackKind.ABSOLUTE, FeedbackKind.LABEL, FeedbackKind.TAKEOVER, FeedbackKind.RELATIVE,
                FeedbackKind.PARTIAL);
    }

    @Override
    public Learner create(KnnConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new KnnLearner(config, observationSpace, actionSpace);
    }
}
