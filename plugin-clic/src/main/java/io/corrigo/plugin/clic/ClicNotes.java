package io.corrigo.plugin.clic;

import io.corrigo.api.run.RunContext;
import io.corrigo.djl.Deviations;
import io.corrigo.djl.NativeAutograd;
import io.corrigo.djl.ebm.EnergySampler;
import java.util.List;
import java.util.Locale;

/** The manifest notes of a CLIC learner: its preset and every deviation from the repository's settings. */
final class ClicNotes {

    private ClicNotes() {
    }

    static void energy(RunContext context, EnergySettings s) {
        common(context, s.id(), s.preset().name(), Deviations.of(s.config(), s.original()));
        context.note(s.id() + ".gradientPenalty", s.gradientPenalty() > 0
                ? "exact double back-propagation; " + NativeAutograd.describe()
                : "off");
        context.note(s.id() + ".counterExamples", s.trainingSamples() + " per state, uniform"
                + (s.trainingLangevinSteps() > 0 ? " then " + s.trainingLangevinSteps() + " Langevin steps" : "")
                + "; the repository: 512, uniform then 25 Langevin steps");
        context.note(s.id() + ".inference", s.inference() == EnergySampler.Method.DFO
                ? s.actSamples() + " uniform samples, " + s.dfoIterations() + " DFO rounds, softmax(Q/"
                        + s.actTemperature() + "); the repository: 512 samples, 2 x 25 Langevin steps"
                : s.actSamples() + " uniform samples, " + s.actLangevinPasses() + " x " + s.actLangevinSteps()
                        + " Langevin steps, softmax(Q/" + s.actTemperature() + ")");
        context.note(s.id() + ".optimizer", "Adam lr " + s.learningRate() + ", " + s.schedule() + "; gradient clip "
                + (s.gradientClip() > 0 ? s.gradientClip() + " " + s.clipping().name().toLowerCase(Locale.ROOT) : "off"));
    }

    static void common(RunContext context, String id, String preset, List<String> deviations) {
        context.note(id + ".preset", preset.toLowerCase(Locale.ROOT).replace('_', '-'));
        context.note(id + ".deviations", deviations.isEmpty() ? "none" : String.join("; ", deviations));
    }
}
