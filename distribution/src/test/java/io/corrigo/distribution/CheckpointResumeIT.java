package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mid-trial checkpoints on real processes: a host killed with SIGKILL in the middle of a trial
 * whose learner ({@code bc}) and feedback simulator ({@code absolute}) implement
 * {@code Checkpointable}; {@code resume} continues that trial from its last checkpoint, and every
 * stored number equals an uninterrupted run's.
 */
@Epic("Command line")
@Feature("Resume")
class CheckpointResumeIT {

    private static final String STUDY = Distribution.TINY.replace("name: tiny", "name: checkpointed")
            .replace("seeds: [1, 2]", "seeds: [3]")
            .replace("episodes: 3, evalEvery: 3", "episodes: 24, evalEvery: 4")
            .replace("endOfEpisodeUpdates: 50", "endOfEpisodeUpdates: 300");

    /** Every stored number of the run, by trial key, exactly (doubles to 17 significant digits). */
    static final List<String> TABLES = List.of(
            "SELECT t.trial_key || '|' || e.episode || '|' || e.successes || '|' || printf('%.17g', e.mean_return) || '|'"
                    + " || printf('%.17g', e.mean_progress) || '|' || e.env_steps || '|' || e.feedback_events || '|'"
                    + " || e.teacher_steps || '|' || e.modes_json FROM evaluations e JOIN trials t ON t.id = e.trial_id"
                    + " ORDER BY 1",
            "SELECT t.trial_key || '|' || m.episode || '|' || m.name || '|' || printf('%.17g', m.value) || '|' || m.count"
                    + " FROM metrics m JOIN trials t ON t.id = m.trial_id ORDER BY 1",
            "SELECT t.trial_key || '|' || r.kind || '|' || r.episode || '|' || r.steps || '|' || r.success || '|'"
                    + " || r.frames_json FROM rollouts r JOIN trials t ON t.id = r.trial_id ORDER BY 1",
            "SELECT trial_key || '|' || state || '|' || env_steps || '|' || feedback_events || '|' || teacher_steps"
                    + " FROM trials ORDER BY 1");

    @TempDir
    Path killed;

    @TempDir
    Path uninterrupted;

    @Test
    void aTrialKilledMidwayContinuesFromItsLastCheckpointWithTheNumbersOfAnUninterruptedRun() throws Exception {
        Files.writeString(killed.resolve("checkpointed.yaml"), STUDY);
        Process run = Distribution.start(killed, killed.resolve("k.out"), killed.resolve("k.err"), "run",
                "checkpointed.yaml", "--no-server", "--workers", "1");
        Path checkpoint;
        try {
            checkpoint = awaitCheckpoint(killed.resolve("runs/artifacts/checkpointed-1"), run);
        } finally {
            run.destroyForcibly();   // SIGKILL in the middle of the first trial, after its first checkpoint
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        String trialKey = checkpoint.getParent().getParent().getFileName().toString().replace('_', '/');
        assertThat(StoreRows.trialKeys(killed, "done")).as("the first trial was stopped midway").doesNotContain(trialKey);

        Distribution.Run resumed = Distribution.cli(killed, "resume", "checkpointed", "--no-server");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming run #1 of 'checkpointed' (interrupted): 2 of 2 trials to run on cpu"
                + " (1 of them from their last checkpoint)");
        assertThat(StoreRows.column(killed, "SELECT notes_json FROM trials WHERE trial_key = '" + trialKey + "'"))
                .singleElement().asString().containsPattern("\"host.resumed\":\"from the checkpoint after training"
                        + " episode (4|8|12|16|20)\"");
        try (Stream<Path> left = Files.walk(killed.resolve("runs/artifacts"))) {
            assertThat(left.filter(p -> p.getFileName().toString().matches("checkpoint(\\.previous|\\.next)?")))
                    .as("finished trials keep no checkpoint").isEmpty();
        }

        Files.writeString(uninterrupted.resolve("checkpointed.yaml"), STUDY);
        Distribution.Run whole = Distribution.cli(uninterrupted, "run", "checkpointed.yaml", "--no-server", "--workers", "1");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        for (String sql : TABLES) {
            List<String> expected = StoreRows.column(uninterrupted, sql);
            assertThat(expected).isNotEmpty();
            assertThat(StoreRows.column(killed, sql)).as(sql).containsExactlyElementsOf(expected);
        }
    }

    /** The first {@code checkpoint/host.json} under {@code artifacts}, as soon as it is written. */
    private static Path awaitCheckpoint(Path artifacts, Process run) throws Exception {
        for (int i = 0; i < 6000 && run.isAlive(); i++) {
            if (Files.isDirectory(artifacts)) {
                try (Stream<Path> files = Files.walk(artifacts, 3)) {
                    var found = files.filter(p -> p.endsWith(Path.of("checkpoint", "host.json"))).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                } catch (java.io.UncheckedIOException e) {
                    // a checkpoint was being swapped in while we looked; look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint was written under " + artifacts + " (the run "
                + (run.isAlive() ? "is still going" : "ended") + ")");
    }
}
