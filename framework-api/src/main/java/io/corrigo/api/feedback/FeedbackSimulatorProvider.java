package io.corrigo.api.feedback;

import io.corrigo.api.PluginProvider;
import io.corrigo.api.env.Environment;
import io.corrigo.api.run.RunContext;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stateless service that creates simulated humans. Register it as a DS component with
 * {@link io.corrigo.api.PluginId}.
 *
 * @param <C> the configuration record type
 * @since 1.0
 */
@ConsumerType
public interface FeedbackSimulatorProvider<C extends Record> extends PluginProvider<C> {

    /**
     * The kinds of feedback a simulator with this configuration may give, {@link FeedbackKind#NONE}
     * excluded. The host checks them against the learner before any trial starts.
     */
    Set<FeedbackKind> produces(C config);

    /**
     * A new simulator for one trial. {@code environment} is the trial's environment, for its
     * spaces, action groups and (for gates that need them) values. The simulator may step it only
     * inside {@code create} (e.g. to calibrate a degraded expert; the host resets it before every
     * episode) and, inside {@code respond}, for a look-ahead that it undoes with
     * {@link Environment#restore} before returning. All randomness comes from {@code context}.
     */
    FeedbackSimulator create(C config, Environment environment, RunContext context);
}
