package io.corrigo.api.learner;

import io.corrigo.api.PluginProvider;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stateless service that creates learners. Register it as a DS component with
 * {@link io.corrigo.api.PluginId}.
 *
 * @param <C> the configuration record type
 * @since 1.0
 */
@ConsumerType
public interface LearnerProvider<C extends Record> extends PluginProvider<C> {

    /**
     * The feedback kinds a learner with this configuration can learn from, {@link FeedbackKind#NONE}
     * implied. A learner that converts a kind (e.g. pointwise BC turning a relative correction into
     * the label {@code a + e·h}) lists it.
     */
    Set<FeedbackKind> accepts(C config);

    /**
     * A new learner for one trial. The caller owns it and closes it. Device, randomness and metrics
     * come from {@code context}; a learner never probes devices or seeds itself.
     */
    Learner create(C config, Space observationSpace, Space actionSpace, RunContext context);
}
