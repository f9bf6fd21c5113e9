package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Host")
@Feature("Resume")
class CheckpointsTest {

    @TempDir
    Path work;

    private static Checkpoints.HostState host(int episode, Map<String, String> notes) {
        return new Checkpoints.HostState(Checkpoints.FORMAT, episode, new Effort(10, 4, 3, 0), 1234, List.of(), List.of(),
                List.of(), notes, List.of(new HostRunContext.GeneratorState("learner", 99L)),
                new HostRunContext.Accumulated(Map.of("loss", new double[] {3, 2}), Map.of("loss", "nats")), false);
    }

    private void writeHostOnly(String folder, Checkpoints.HostState state) throws Exception {
        Path dir = Files.createDirectories(work.resolve(folder));
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(dir.resolve(Checkpoints.HOST_FILE).toFile(), state);
    }

    @Test
    void theLatestCompleteCheckpointWinsAndAHalfWrittenOneIsIgnored() throws Exception {
        Checkpoints checkpoints = new Checkpoints(work);
        assertThat(checkpoints.latest()).isEmpty();

        writeHostOnly(Checkpoints.PREVIOUS, host(4, Map.of()));   // killed between the two renames
        Files.createDirectories(work.resolve(Checkpoints.NEXT).resolve("learner"));   // and a half-written next one
        assertThat(checkpoints.latest()).get().extracting(s -> s.host().episode()).isEqualTo(4);

        writeHostOnly(Checkpoints.CURRENT, host(8, Map.of()));
        Checkpoints.Saved latest = checkpoints.latest().orElseThrow();
        assertThat(latest.host().episode()).isEqualTo(8);
        assertThat(latest.host().effort()).isEqualTo(new Effort(10, 4, 3, 0));
        assertThat(latest.host().accumulated().sums().get("loss")).containsExactly(3, 2);

        checkpoints.clear();
        assertThat(checkpoints.latest()).isEmpty();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aCheckpointOfAnotherFormatOrUnreadableIsNotUsed() throws Exception {
        Checkpoints.HostState other = new Checkpoints.HostState(Checkpoints.FORMAT + 1, 4, Effort.NONE, 0, List.of(),
                List.of(), List.of(), Map.of(), List.of(), new HostRunContext.Accumulated(Map.of(), Map.of()), false);
        writeHostOnly(Checkpoints.CURRENT, other);
        assertThat(new Checkpoints(work).latest()).isEmpty();

        Files.writeString(work.resolve(Checkpoints.CURRENT).resolve(Checkpoints.HOST_FILE), "{\"format\": 1, \"episo");
        assertThat(new Checkpoints(work).latest()).isEmpty();
    }

    @Test
    void namesEveryBundleThatChangedSinceTheCheckpoint() {
        Checkpoints.HostState saved = host(4, Map.of("bundle.learner", "org.example.a 1.0.0",
                "bundle.feedback", "io.corrigo.feedback-oracle 0.1.0", "bc.policy", "MLP"));

        assertThat(Checkpoints.changedBundles(saved, Map.of("bundle.learner", "org.example.a 1.0.0",
                "bundle.feedback", "io.corrigo.feedback-oracle 0.1.0"))).isEmpty();
        assertThat(Checkpoints.changedBundles(saved, Map.of("bundle.learner", "org.example.a 2.0.0",
                "bundle.feedback", "io.corrigo.feedback-oracle 0.1.0")))
                .containsExactly("bundle.learner: org.example.a 1.0.0 → org.example.a 2.0.0");
    }

    @Test
    void generatorsHandedOutBeforeAndAfterARestoreContinueFromTheirSavedStates() {
        HostRunContext original = new HostRunContext("t", 7, ComputeDevice.CPU, work, () -> false);
        RandomGenerator learner = original.random("learner");
        RandomGenerator batches = original.random("learner.batches");
        RandomGenerator second = original.random("learner");
        learner.nextLong();
        batches.nextInt(5);
        batches.nextInt(5);
        second.nextDouble();
        original.metrics().record("loss", 2.0, "nats");
        List<HostRunContext.GeneratorState> states = original.generatorStates();

        HostRunContext resumed = new HostRunContext("t", 7, ComputeDevice.CPU, work, () -> false);
        RandomGenerator learnerAgain = resumed.random("learner");   // created by the plugin's constructor
        resumed.restoreGenerators(states);
        resumed.restore(original.accumulated());
        RandomGenerator batchesAgain = resumed.random("learner.batches");   // created later
        RandomGenerator secondAgain = resumed.random("learner");

        assertThat(learnerAgain.nextLong()).isEqualTo(learner.nextLong());
        assertThat(batchesAgain.nextLong()).isEqualTo(batches.nextLong());
        assertThat(secondAgain.nextLong()).isEqualTo(second.nextLong());
        assertThat(resumed.random("other").nextLong()).as("a stream the checkpoint did not have starts fresh")
                .isEqualTo(new java.util.SplittableRandom(resumed.seed("other")).nextLong());
        assertThat(resumed.drainEpisode(3)).containsExactly(new MetricPoint(3, "loss", 2.0, 1, "nats"));
    }
}
