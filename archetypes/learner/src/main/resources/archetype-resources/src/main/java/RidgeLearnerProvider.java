package ${package};

import io.corrigo.api.PluginId;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.run.RunContext;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Provides the {@code ${pluginId}} learner. Stateless: the host creates one learner per trial with
 * {@link LearnerProvider}'s create method. The component annotation registers it as an OSGi service
 * when the bundle starts; the plugin id is the name studies use.
 */
@Component(service = LearnerProvider.class)
@PluginId("${pluginId}")
public final class RidgeLearnerProvider implements LearnerProvider<RidgeConfig> {

    @Override
    public Class<RidgeConfig> configType() {
        return RidgeConfig.class;
    }

    @Override
    public RidgeConfig defaultConfig() {
        return RidgeConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "ridge regression of the labels received onto the scaled observation (a linear policy)";
    }

    @Override
    public Set<FeedbackKind> accepts(RidgeConfig config) {
        return EnumSet.of(FeedbackKind.ABSOLUTE, FeedbackKind.RELATIVE, FeedbackKind.TAKEOVER, FeedbackKind.LABEL);
    }

    @Override
    public Learner create(RidgeConfig config, Space observationSpace, Space actionSpace, RunContext context) {
        return new RidgeLearner(config, observationSpace, actionSpace);
    }
}
