package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An exponential moving average of a set of parameters with Diffusion Policy's warm-up
 * ({@code diffusion_policy/model/diffusion/ema_model.py}, Chi et al., RSS 2023): before update
 * {@code k} (from 0) the decay is {@code 0} if {@code m = max(0, k − 1)} is 0, else
 * {@code clamp(1 − (1 + m)^(−power), 0, maxDecay)}; then {@code ema ← decay·ema + (1 − decay)·w}.
 * The first two updates therefore copy the weights. Every parameter is averaged (the original
 * copies only BatchNorm parameters, which these networks do not have).
 *
 * <p>The averages live in a sub-manager of the manager given at construction, do not require
 * gradients, and have the same names as the parameters. Single-threaded.
 *
 * @since 1.3
 */
public final class ExponentialMovingAverage implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> live;
    private final Map<String, NDArray> averages;
    private final double power;
    private final double maxDecay;
    private final ParameterBlend blend;
    private long updates;
    private boolean closed;

    /**
     * An average of {@code live} (the trained parameters, not copied), starting equal to them,
     * with {@code power} &gt; 0 (Diffusion Policy: 0.75) and {@code maxDecay} in [0, 1) (0.9999).
     */
    public ExponentialMovingAverage(NDManager parent, Map<String, NDArray> live, double power, double maxDecay) {
        if (!(power > 0) || !(maxDecay >= 0 && maxDecay < 1)) {
            throw new IllegalArgumentException("need power > 0 and maxDecay in [0, 1); got " + power + ", " + maxDecay);
        }
        manager = parent.newSubManager();
        this.live = live;
        this.power = power;
        this.maxDecay = maxDecay;
        Map<String, NDArray> copies = new LinkedHashMap<>();
        try (NoGradient ignored = NoGradient.enter()) {
            live.forEach((name, p) -> {
                NDArray copy = p.duplicate();
                copy.attach(manager);
                copies.put(name, copy);
            });
        }
        averages = Collections.unmodifiableMap(copies);
        blend = new ParameterBlend(averages, live);
    }

    /** The decay applied by update number {@code k} (from 0). */
    public static double decay(long k, double power, double maxDecay) {
        long m = Math.max(0, k - 1);
        if (m == 0) {
            return 0;
        }
        return Math.max(0, Math.min(maxDecay, 1 - Math.pow(1 + m, -power)));
    }

    /** Moves the averages towards the live parameters; call after each optimiser step. */
    public void update() {
        requireOpen();
        double d = decay(updates++, power, maxDecay);
        blend.apply((float) d, (float) (1 - d));
    }

    /** The averaged parameters by name; valid until {@link #close()}. */
    public Map<String, NDArray> parameters() {
        requireOpen();
        return averages;
    }

    /** Updates applied so far. */
    public long updates() {
        return updates;
    }

    /** Writes the averages and the update count under {@code file} (and {@code file.tensors}). */
    public void save(Path file) throws IOException {
        requireOpen();
        Properties p = new Properties();
        p.setProperty("updates", Long.toString(updates));
        try (var out = Files.newOutputStream(file)) {
            p.store(out, "exponential moving average");
        }
        TensorFiles.write(file.resolveSibling(file.getFileName() + ".tensors"), averages);
    }

    /** Restores what {@link #save(Path)} wrote for parameters of the same shapes. */
    public void load(Path file) throws IOException {
        requireOpen();
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        updates = Long.parseLong(p.getProperty("updates", "0"));
        TensorFiles.readInto(file.resolveSibling(file.getFileName() + ".tensors"), averages);
    }

    /** Releases the averages; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the moving average is closed");
        }
    }
}
