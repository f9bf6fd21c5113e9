package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the toolkit's hot paths; not a test. Run with one intra-op thread, e.g.
 * {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
 * -cp <test class path> io.corrigo.djl.MlpBenchmark [obsDim] [actDim]}.
 */
final class MlpBenchmark {

    private static final int WARM_UP = 1500;
    private static final int MEASURED = 3000;

    private MlpBenchmark() {
    }

    public static void main(String[] args) {
        int obs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int act = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("MLP %d→256→256→%d, threads=%s%n", obs, act, System.getProperty("ai.djl.pytorch.num_threads"));
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            trainStep(manager, obs, act, 32, AdamOptimizer.Clipping.NONE); // JIT warm-up, discarded
            for (AdamOptimizer.Clipping clipping : AdamOptimizer.Clipping.values()) {
                for (int batch : new int[] {32, 256}) {
                    System.out.printf("train step, batch %3d, clipping %-15s: %.3f ms%n", batch, clipping,
                            trainStep(manager, obs, act, batch, clipping));
                }
            }
            System.out.printf("single-sample predict (stage + forward + read): %.1f µs%n", predict(manager, obs, act));
        }
    }

    private static double trainStep(NDManager manager, int obs, int act, int batch, AdamOptimizer.Clipping clipping) {
        SplittableRandom random = new SplittableRandom(1);
        try (Mlp mlp = Mlp.builder().setInputSize(obs).setHiddenSizes(List.of(256, 256)).setOutputSize(act)
                .optOutputSquash(Mlp.OutputSquash.TANH).build(manager, random);
             AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(3e-4f).optClipping(clipping, 1f)
                     .build(manager, mlp.parameters())) {
            StagedInput x = new StagedInput(manager, new Shape(batch, obs));
            StagedInput y = new StagedInput(manager, new Shape(batch, act));
            NDArray half = manager.create(0.5f);
            float[] xs = new float[batch * obs];
            float[] ys = new float[batch * act];
            long start = 0;
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                if (i == WARM_UP) {
                    start = System.nanoTime();
                }
                for (int k = 0; k < xs.length; k++) {
                    xs[k] = (float) random.nextDouble(-1, 1);
                }
                for (int k = 0; k < ys.length; k++) {
                    ys[k] = (float) random.nextDouble(-1, 1);
                }
                x.values().put(xs);
                y.values().put(ys);
                try (NDManager step = manager.newSubManager()) {
                    NDArray in = x.upload(step);
                    NDArray target = y.upload(step);
                    try (GradientTape tape = GradientTape.record()) {
                        NDArray loss = mlp.forward(in).sub(target).square().mean().mul(half);
                        tape.backward(loss);
                    }
                    adam.step();
                }
            }
            return (System.nanoTime() - start) / 1e6 / MEASURED;
        }
    }

    private static double predict(NDManager manager, int obs, int act) {
        SplittableRandom random = new SplittableRandom(2);
        try (Mlp mlp = Mlp.builder().setInputSize(obs).setHiddenSizes(List.of(256, 256)).setOutputSize(act)
                .optOutputSquash(Mlp.OutputSquash.TANH).build(manager, random)) {
            StagedInput x = new StagedInput(manager, new Shape(1, obs));
            int n = 20_000;
            long start = 0;
            double sink = 0;
            for (int i = 0; i < 2 * n; i++) {
                if (i == n) {
                    start = System.nanoTime();
                }
                FloatBuffer v = x.values();
                for (int k = 0; k < obs; k++) {
                    v.put((float) random.nextDouble(-1, 1));
                }
                try (NDArray out = mlp.predict(x.upload(manager))) {
                    sink += out.toFloatArray()[0];
                }
            }
            if (sink == 42) {
                System.out.println();
            }
            return (System.nanoTime() - start) / 1e3 / n;
        }
    }
}
