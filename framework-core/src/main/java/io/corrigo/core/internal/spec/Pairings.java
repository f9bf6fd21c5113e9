package io.corrigo.core.internal.spec;

import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Rejects learner × feedback pairs where the simulator can say something the learner cannot use. */
final class Pairings {

    private Pairings() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void check(PluginCatalog catalog, List<PluginEntry> learners, List<PluginEntry> feedback, YamlDocument doc,
                      MappingNode root, List<Problem> problems) {
        for (PluginEntry l : learners) {
            LearnerProvider lp = (LearnerProvider) catalog.find(PluginKind.LEARNER, l.id(), l.bundle()).orElseThrow();
            Set<FeedbackKind> accepted = EnumSet.copyOf((Set<FeedbackKind>) lp.accepts(l.config()));
            accepted.add(FeedbackKind.NONE);
            for (PluginEntry f : feedback) {
                if (!l.pairsWith(f)) {
                    continue;
                }
                FeedbackSimulatorProvider fp = (FeedbackSimulatorProvider) catalog.find(PluginKind.FEEDBACK, f.id(), f.bundle()).orElseThrow();
                Set<FeedbackKind> produced = EnumSet.noneOf(FeedbackKind.class);
                produced.addAll((Set<FeedbackKind>) fp.produces(f.config()));
                produced.removeAll(accepted);
                if (!produced.isEmpty()) {
                    accepted.remove(FeedbackKind.NONE);
                    problems.add(Problem.of(Problem.INCOMPATIBLE, l.path(),
                            "learner '" + l.id() + "' cannot learn from feedback '" + f.label() + "' (" + f.path()
                                    + ", plugin '" + f.id() + "'): it gives " + names(produced) + " feedback",
                            "'" + l.id() + "' accepts " + names(accepted) + ". Drop the pair or pick another learner.",
                            doc.locate(entryNode(root, l))));
                    accepted.add(FeedbackKind.NONE);
                }
            }
        }
    }

    private static String names(Set<FeedbackKind> kinds) {
        return kinds.stream().map(FeedbackKind::id).collect(Collectors.joining(", "));
    }

    private static Node entryNode(MappingNode root, PluginEntry e) {
        return YamlDocument.tuples(root, e.kind().section()).stream().findFirst()
                .map(t -> t.getValueNode() instanceof SequenceNode s && e.index() < s.getValue().size()
                        ? s.getValue().get(e.index()) : t.getValueNode())
                .orElse(root);
    }
}
