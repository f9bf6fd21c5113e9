package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Devices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Speed and memory of the energy toolkit at CLIC's cpu-small and default sizes (not a test): run with
 * {@code java -cp <test class path> io.corrigo.djl.ebm.EnergyBenchmark}. Prints milliseconds per
 * update (B = 32 states × N candidates, with and without the gradient penalty), per decision (DFO and
 * Langevin), and the resident memory before and after the penalised updates.
 */
final class EnergyBenchmark {

    private EnergyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        run("cpu-small", List.of(128, 128, 128), 64, 256, 2000);
        run("default", List.of(512, 512, 512, 256), 512, 512, 30);
    }

    private static void run(String name, List<Integer> hidden, int candidates, int samples, int updates) throws Exception {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            EnergyNetwork net = EnergyNetwork.builder().setObservationSize(10).setActionSize(2).setHiddenSizes(hidden)
                    .build(manager, new SplittableRandom(1));
            AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(3e-4f)
                    .optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, 1f).build(manager, net.parameters());
            CandidateSet batch = new CandidateSet(manager, 10, 2, 32, candidates);
            SplittableRandom random = new SplittableRandom(2);
            ContrastiveTrainer.Target target = new ContrastiveTrainer.Target() {
                @Override
                public void placeKnownActions(CandidateSet c) {
                }

                @Override
                public void fill(CandidateSet c, float[] q, float[] t) {
                    java.util.Arrays.fill(t, 0, c.rows(), 0f);
                    for (int b = 0; b < c.states(); b++) {
                        t[b * c.candidates()] = 1f;
                    }
                }
            };
            for (double penalty : new double[] {0, 1}) {
                try (ContrastiveTrainer trainer = new ContrastiveTrainer(manager, net, adam, Langevin.of(0), 1, penalty, 1)) {
                    long before = rss();
                    long start = System.nanoTime();
                    for (int i = 0; i < updates; i++) {
                        trainer.update(batch, target, random);
                    }
                    System.out.printf("%s: update (32 x %d, penalty %s): %.2f ms; RSS %d -> %d MB%n", name, candidates,
                            penalty > 0 ? "on" : "off", (System.nanoTime() - start) / 1e6 / updates, before, rss());
                }
            }
            float[] obs = new float[10];
            float[] action = new float[2];
            EnergySampler dfo = EnergySampler.dfo(manager, 10, 2, samples, DerivativeFreeOptimizer.of(3, 0.1), 0.1);
            EnergySampler langevin = EnergySampler.langevin(manager, 10, 2, samples, Langevin.of(25), 2, 0.1);
            for (EnergySampler s : List.of(dfo, langevin)) {
                int n = s == dfo ? 500 : 20;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    s.act(net, obs, action, random);
                }
                System.out.printf("%s: act (%d samples, %s): %.2f ms%n", name, samples,
                        s == dfo ? "3 DFO rounds" : "2 x 25 Langevin steps", (System.nanoTime() - start) / 1e6 / n);
            }
        }
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
