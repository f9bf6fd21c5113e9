package io.corrigo.core.internal.spec;

import java.util.List;

/**
 * A validated study: learners × feedback conditions × environments × seeds, with its budget and
 * requested device. Every plugin entry is bound to its configuration record.
 *
 * @param name         the study's name (results are stored under it)
 * @param description  free text, may be empty
 * @param source       the file it came from, as the user named it
 * @param seeds        distinct non-negative seeds, one trial per seed per cell
 * @param device       the requested device: {@code auto}, {@code cpu}, {@code gpu} or {@code gpuN}
 * @param budget       training and evaluation budget per trial
 * @param demonstrations the demonstration phase before the interactive one (may be off)
 * @param environments the environment entries
 * @param feedback     the feedback conditions
 * @param learners     the learner entries
 * @param overrides    the {@code --set} assignments applied, in order
 * @param protocol     the study's {@code protocol}: {@code corrigo} or {@code clic-original}
 * @param protocolSettings what the protocol wrote into the entries, e.g.
 *                     {@code feedback[0] (absolute) teacherQuery=executed}; empty for {@code corrigo}
 */
public record StudySpec(String name, String description, String source, List<Long> seeds, String device, Budget budget,
                        Demonstrations demonstrations,
                        List<PluginEntry> environments, List<PluginEntry> feedback, List<PluginEntry> learners,
                        List<String> overrides, String protocol, List<String> protocolSettings) {

    public StudySpec {
        protocolSettings = List.copyOf(protocolSettings);
        seeds = List.copyOf(seeds);
        environments = List.copyOf(environments);
        feedback = List.copyOf(feedback);
        learners = List.copyOf(learners);
        overrides = List.copyOf(overrides);
    }

    /** Number of trials: environments × (learner, feedback) pairs × seeds; all pairs unless a learner says {@code pairWith}. */
    public int trialCount() {
        int pairs = 0;
        for (PluginEntry l : learners) {
            for (PluginEntry f : feedback) {
                pairs += l.pairsWith(f) ? 1 : 0;
            }
        }
        return environments.size() * pairs * seeds.size();
    }
}
