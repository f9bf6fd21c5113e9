package io.corrigo.core.internal.spec;

import io.corrigo.core.internal.plugin.BundlePin;
import io.corrigo.core.internal.plugin.PluginKind;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a study's {@code environments}, {@code feedback} or {@code learners} list, bound to
 * its plugin's configuration record (defaults filled in).
 *
 * @param kind   the section it is in
 * @param index  its position in that section
 * @param id     the plugin id
 * @param label  its name in results: the {@code label} key, or the id
 * @param config the bound configuration record
 * @param pairWith for a learner, the labels of the feedback conditions it runs under ({@code pairWith}
 *                 in the study); empty means all of them
 * @param bundle   the bundle the study pins the plugin to ({@code bundle:}, {@code version:}), if any
 * @param trialTimeLimit for a learner, its own {@code trialTimeLimit} in seconds, overriding the budget's
 * @param teacherQuery for a feedback condition, which action the scripted teacher is asked about
 *                     ({@code teacherQuery}); {@link TeacherQuery#PROPOSAL} for other entries
 */
public record PluginEntry(PluginKind kind, int index, String id, String label, Record config, List<String> pairWith,
                          Optional<BundlePin> bundle, Optional<Integer> trialTimeLimit, TeacherQuery teacherQuery) {

    public PluginEntry {
        pairWith = List.copyOf(pairWith);
        teacherQuery = teacherQuery == null ? TeacherQuery.PROPOSAL : teacherQuery;
    }

    /** An entry whose teacher is asked about the proposal. */
    public PluginEntry(PluginKind kind, int index, String id, String label, Record config, List<String> pairWith,
                       Optional<BundlePin> bundle, Optional<Integer> trialTimeLimit) {
        this(kind, index, id, label, config, pairWith, bundle, trialTimeLimit, TeacherQuery.PROPOSAL);
    }

    /** An entry with the default choice of bundle and the budget's time limit. */
    public PluginEntry(PluginKind kind, int index, String id, String label, Record config, List<String> pairWith) {
        this(kind, index, id, label, config, pairWith, Optional.empty(), Optional.empty());
    }

    /** An entry paired with every feedback condition. */
    public PluginEntry(PluginKind kind, int index, String id, String label, Record config) {
        this(kind, index, id, label, config, List.of());
    }

    /** Whether this learner entry runs under {@code feedback}. */
    public boolean pairsWith(PluginEntry feedback) {
        return pairWith.isEmpty() || pairWith.contains(feedback.label());
    }

    /** The config path of the entry, e.g. {@code learners[1]}. */
    public String path() {
        return kind.section() + "[" + index + "]";
    }
}
