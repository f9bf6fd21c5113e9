package io.corrigo.bench;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One line of the suite's table: the key both sides report under (JMH's {@code Class.method} and
 * parameters; the Python script uses the same keys), a label, and the matrix-product work of one
 * call in FLOPs (0 where per-call overhead, not arithmetic, is the limit).
 *
 * @param key    {@code Class.method} followed by {@code name=value} parameters, space-separated
 * @param label  what the row measures, for the table
 * @param flops  floating-point operations of the matrix products of one call (approximate where noted)
 * @param python whether {@code torch_reference.py} measures the same work
 */
record Row(String key, String label, double flops, boolean python) {

    Row(String key, String label, double flops) {
        this(key, label, flops, true);
    }

    /** Floating-point operations of one forward pass of one row through a ReLU/LayerNorm energy network. */
    static double energyForward(int layers, int width) {
        return 2.0 * ((10 + 2) * width + (layers - 1) * (double) width * width + width);
    }

    /** Floating-point operations of one forward pass of one row through the 10 → 256 → 256 → 2 MLP. */
    static double mlpForward() {
        return 2.0 * (10 * 256 + 256 * 256 + 256 * 2);
    }

    /**
     * Floating-point operations of one RLIF update at its defaults (8-D observations, 2-D actions,
     * batch 256): the critic step (actor sample + 2 target critics forward, 2 critics forward and
     * backward), the actor step (actor forward and backward, 2 critics forward and input backward).
     */
    static double rlifUpdate() {
        double actor = 2.0 * (8 * 256 + 256 * 256 + 256 * 4);
        double critic = 2 * 2.0 * (10 * 256 + 256 * 256 + 256);
        return 256 * (actor + critic + 3 * critic + 3 * actor + 3 * critic);
    }

    /** Floating-point operations of one forward pass of one window through the diffusion MLP denoiser (defaults). */
    static double diffusionForward() {
        double stepEncoder = 64 * 256 + 256 * 64;
        double blocks = 3 * (256 * 256 + 68 * 512 + 256 * 256);
        return 2.0 * (stepEncoder + 32 * 256 + blocks + 256 * 32);
    }

    /** The suite's rows, in table order. */
    static List<Row> all() {
        return List.of(
                new Row("MlpBench.trainStep batch=32", "MLP train step 10→256→256→2, batch 32", 3 * 32 * mlpForward()),
                new Row("MlpBench.trainStep batch=256", "MLP train step 10→256→256→2, batch 256", 3 * 256 * mlpForward()),
                new Row("PredictBench.predictOne", "single-sample inference, same MLP", 0),
                new Row("EnergyBench.actDfo net=3x256-1024", "EBM act, DFO 1 024 × 3 rounds, 3×256",
                        4 * 1024 * energyForward(3, 256)),
                new Row("EnergyBench.actDfo net=3x128-1024", "EBM act, DFO 1 024 × 3 rounds, 3×128",
                        4 * 1024 * energyForward(3, 128)),
                new Row("EnergyBench.actDfo net=3x128-256", "EBM act, DFO 256 × 3 rounds, 3×128 (cpu-small)",
                        4 * 256 * energyForward(3, 128)),
                new Row("EnergyBench.actLangevin shape=3x128", "EBM act, Langevin 512 × 2 × 25 steps, 3×128",
                        512 * (2 * 25 * 2 + 1) * energyForward(3, 128)),
                new Row("EnergyBench.update loss=penalty", "EBM update 32 × 64, InfoNCE + gradient penalty, 3×128",
                        6 * 32 * 64 * energyForward(3, 128)),
                new Row("EnergyBench.update loss=plain", "EBM update 32 × 64, InfoNCE, 3×128",
                        3 * 32 * 64 * energyForward(3, 128)),
                new Row("DiffusionBench.update", "Diffusion Policy update, batch 256, MLP denoiser 3 FiLM blocks × 256",
                        3 * 256 * diffusionForward()),
                new Row("RlifBench.step", "RLIF learner step: act + store + RLPD update, 2 critics 2×256, batch 256",
                        rlifUpdate()),
                new Row("EnvironmentBench.step env=two-route", "environment step with expert action, two-route", 0, false),
                new Row("EnvironmentBench.step env=pendulum", "environment step with expert action, pendulum", 0, false),
                new Row("EnvironmentBench.step env=push-t", "environment step with expert action, Push-T (dyn4j)", 0, false),
                new Row("GemmBench.product", "FP32 matrix product 1024×256 · 256×256", GemmBench.FLOPS));
    }

    /**
     * Opt-in rows (run only when {@code --filter} names them, e.g. {@code --filter KernelBench}): the
     * single libtorch operations the RLIF critics are made of, at their shapes (2 stacked critics,
     * batch 256, width 256), so that the RLIF row's difference can be taken apart kernel by kernel.
     */
    static List<Row> kernels() {
        double n = 256;
        return List.of(
                new Row("KernelBench.op op=bmm", "kernel: batched product 2 × (256×256 · 256×256), critic hidden layer",
                        2 * 2 * n * n * n),
                new Row("KernelBench.op op=bmm-k10", "kernel: batched product 2 × (256×10 · 10×256), critic input layer",
                        2 * 2 * n * 10 * n),
                new Row("KernelBench.op op=bmm-n1", "kernel: batched product 2 × (256×256 · 256×1), critic output layer",
                        2 * 2 * n * n),
                new Row("KernelBench.op op=bmm-n1-grad", "kernel: batched product 2 × (256×256ᵀ · 256×1), output weights' gradient",
                        2 * 2 * n * n),
                new Row("KernelBench.op op=add-bias", "kernel: (2, 256, 256) + (2, 1, 256), a separate bias add", 0),
                new Row("KernelBench.op op=layer-norm", "kernel: LayerNorm over 256 of (2, 256, 256)", 0),
                new Row("KernelBench.op op=relu", "kernel: ReLU of (2, 256, 256)", 0),
                new Row("KernelBench.op op=sum-rows", "kernel: sum over dim 1 of (256, 2), a log-density's sum", 0));
    }

    /**
     * The rows {@code filter} selects: every default row it matches, and the opt-in {@link #kernels()}
     * only where the filter is not empty and matches them.
     */
    static List<Row> selected(Pattern filter) {
        Stream<Row> optIn = filter.pattern().isEmpty() ? Stream.empty() : kernels().stream();
        return Stream.concat(all().stream(), optIn).filter(r -> filter.matcher(r.key).find()).toList();
    }

    /** The row with {@code key}, if the suite has one (default or opt-in). */
    static Optional<Row> byKey(String key) {
        return Stream.concat(all().stream(), kernels().stream()).filter(r -> r.key.equals(key)).findFirst();
    }
}
