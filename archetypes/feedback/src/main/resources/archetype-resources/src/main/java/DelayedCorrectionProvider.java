package ${package};

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.run.RunContext;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Provides the {@code ${pluginId}} feedback simulator. Stateless: the host creates one simulator per
 * trial for the trial's environment; the component annotation registers it as an OSGi service when
 * the bundle starts, and the plugin id is the name studies use.
 */
@Component(service = FeedbackSimulatorProvider.class)
@PluginId("${pluginId}")
public final class DelayedCorrectionProvider implements FeedbackSimulatorProvider<DelayedCorrectionConfig> {

    @Override
    public Class<DelayedCorrectionConfig> configType() {
        return DelayedCorrectionConfig.class;
    }

    @Override
    public DelayedCorrectionConfig defaultConfig() {
        return DelayedCorrectionConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "absolute corrections that arrive a few steps after the mistake (a human's reaction time)";
    }

    @Override
    public Set<FeedbackKind> produces(DelayedCorrectionConfig config) {
        return EnumSet.of(FeedbackKind.ABSOLUTE);
    }

    @Override
    public FeedbackSimulator create(DelayedCorrectionConfig config, Environment environment, RunContext context) {
        return new DelayedCorrectionSimulator(config, environment.actionSpace());
    }
}
