package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator and two worker JVMs on 127.0.0.1 (a real Hazelcast cluster): trials spread over
 * both workers, one worker is killed with SIGKILL in the middle of a trial once the coordinator has
 * its checkpoint, the other continues that trial from the checkpoint, and the study completes with
 * every trial stored once and every number of a local run; a worker with another secret is refused.
 */
@Epic("Robustness")
@Feature("Cluster")
class ClusterIT {

    private static final String STUDY = Distribution.TINY.replace("name: tiny", "name: spread")
            .replace("seeds: [1, 2]", "seeds: [1, 2, 3]").replace("episodes: 3, evalEvery: 3", "episodes: 24, evalEvery: 4");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path cluster;

    @TempDir
    Path local;

    @Test
    void aStudySpreadOverTwoWorkersSurvivesOneKilledMidTrialAndMatchesALocalRun() throws Exception {
        Files.writeString(cluster.resolve("spread.yaml"), STUDY);
        Files.writeString(cluster.resolve("secret"), "a-secret-shared-by-the-test-nodes\n");
        Files.writeString(cluster.resolve("wrong"), "not-the-secret-the-coordinator-has\n");
        int port = freePort();
        String join = "127.0.0.1:" + port;
        List<Process> processes = new ArrayList<>();
        try {
            Process coordinator = Distribution.start(cluster, cluster.resolve("c.out"), cluster.resolve("c.err"), "run",
                    "spread.yaml", "--cluster", String.valueOf(port), "--secret-file", "secret", "--no-server", "--json");
            processes.add(coordinator);
            Distribution.awaitLine(cluster.resolve("c.err"), "coordinator ready", coordinator);
            Process one = worker("one", join, "secret", processes);
            Process two = worker("two", join, "secret", processes);
            Distribution.awaitLine(cluster.resolve("two.err"), "corrigo worker: running ", two);
            String lost = between(read("two.err"), "corrigo worker: running ", " (attempt");
            awaitFile(cluster.resolve("runs/artifacts/spread-1").resolve(lost.replace('/', '_'))
                    .resolve("checkpoint/host.json"), two);
            two.destroyForcibly();   // SIGKILL in the middle of its first trial, once the coordinator has a checkpoint of it
            assertThat(two.waitFor(1, TimeUnit.MINUTES)).isTrue();

            Process intruder = worker("intruder", join, "wrong", processes);
            assertThat(intruder.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(intruder.exitValue()).isEqualTo(2);
            assertThat(read("intruder.err")).contains("the coordinator refused: this worker's messages are not signed with"
                    + " the coordinator's secret");

            assertThat(coordinator.waitFor(8, TimeUnit.MINUTES)).as("the coordinator finishes").isTrue();
            assertThat(coordinator.exitValue()).as(read("c.err")).isZero();
            assertThat(one.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(one.exitValue()).as(read("one.err")).isZero();
            assertThat(read("one.err")).contains("the study is over");

            String log = read("c.err");
            assertThat(log).contains("worker one joined from 127.0.0.1", "worker two joined from 127.0.0.1",
                    "worker two went silent during", "queued again", "refused worker intruder");
            assertThat(log).containsPattern("worker two went silent during " + lost + " \\(nothing for \\d+ s\\); it is"
                    + " queued again and will run from its checkpoint after training episode \\d+");
            assertThat(read("one.err")).containsPattern("corrigo worker: running " + lost
                    + " \\(attempt a\\d+\\), from the checkpoint the coordinator sent");
            assertThat(StoreRows.column(cluster, "SELECT notes_json FROM trials WHERE trial_key = '" + lost + "'"))
                    .singleElement().asString().contains("\"host.resumed\":\"from the checkpoint after training episode");

            List<String> done = StoreRows.trialKeys(cluster, "done");
            assertThat(done).hasSize(6).doesNotHaveDuplicates().contains(lost);
            assertThat(StoreRows.trialKeys(cluster, "failed")).isEmpty();
            try (var files = Files.list(cluster.resolve("runs/artifacts/spread-1"))) {
                assertThat(files.filter(d -> Files.isDirectory(d.resolve("policy"))).count()).as("saved policies").isEqualTo(6);
            }

            Files.writeString(local.resolve("spread.yaml"), STUDY);
            Distribution.Run whole = Distribution.cli(local, "run", "spread.yaml", "--no-server", "--json");
            assertThat(whole.exitCode()).as(whole.err()).isZero();
            assertThat(json.readTree(Files.readString(cluster.resolve("c.out"))).path("rows"))
                    .isEqualTo(json.readTree(whole.out()).path("rows"));
            for (String sql : CheckpointResumeIT.TABLES) {
                assertThat(StoreRows.column(cluster, sql)).as(sql).containsExactlyElementsOf(StoreRows.column(local, sql));
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void badClusterInputIsRefusedSayingWhatIsWrongAndANodeWithNobodyToJoinGivesUp() throws Exception {
        Files.writeString(cluster.resolve("spread.yaml"), STUDY);
        Files.writeString(cluster.resolve("short"), "tooshort\n");
        Distribution.Run noSecret = Distribution.cli(cluster, "run", "spread.yaml", "--cluster", "--no-server");
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("a cluster needs a shared secret: give --secret-file FILE or set"
                + " CORRIGO_CLUSTER_SECRET");
        Distribution.Run shortSecret = Distribution.cli(cluster, "worker", "--join", "127.0.0.1", "--secret-file", "short");
        assertThat(shortSecret.exitCode()).isEqualTo(2);
        assertThat(shortSecret.err()).contains("--secret-file short: the cluster secret has 8 characters; use at least 16");
        Files.writeString(cluster.resolve("secret"), "a-secret-shared-by-the-test-nodes\n");
        Distribution.Run badJoin = Distribution.cli(cluster, "worker", "--join", "127.0.0.1:99999", "--secret-file", "secret");
        assertThat(badJoin.exitCode()).isEqualTo(2);
        assertThat(badJoin.err()).contains("--join 127.0.0.1:99999: '127.0.0.1:99999' has no valid port");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Distribution.Run busy = Distribution.cli(cluster, "run", "spread.yaml", "--cluster",
                    String.valueOf(taken.getLocalPort()), "--secret-file", "secret", "--no-server");
            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err()).contains("--cluster " + taken.getLocalPort() + ": 127.0.0.1:" + taken.getLocalPort()
                    + " cannot be used", "Pick a free port with --cluster PORT");
        }
        Distribution.Run nobody = Distribution.cli(cluster, "worker", "--join", "127.0.0.1:" + freePort(), "--secret-file",
                "secret", "--wait", "2");
        assertThat(nobody.exitCode()).isEqualTo(3);
        assertThat(nobody.err()).contains("nothing listens at 127.0.0.1:", "Start the coordinator first");
    }

    private Process worker(String name, String join, String secret, List<Process> processes) throws Exception {
        Process p = Distribution.start(cluster, cluster.resolve(name + ".out"), cluster.resolve(name + ".err"), "worker",
                "--join", join, "--secret-file", secret, "--slots", "1", "--name", name, "--port",
                String.valueOf(freePort()), "--runs", "runs-" + name);
        processes.add(p);
        return p;
    }

    /** Waits until {@code file} exists while {@code process} runs. */
    private static void awaitFile(Path file, Process process) throws Exception {
        for (int i = 0; i < 6000 && process.isAlive() && !Files.exists(file); i++) {
            Thread.sleep(20);
        }
        assertThat(file).as("written while the worker ran").exists();
    }

    private String read(String file) throws Exception {
        return Files.readString(cluster.resolve(file), StandardCharsets.UTF_8);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
