package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adam over a fixed set of parameters, applied in place as DJL's {@code Optimizer.adam()} applies it
 * (the engine's {@code adamUpdate}, then zeroing the gradient), with optional gradient-norm clipping.
 * Float32 parameters on the CPU take the same update fused into one JNI call and three passes over
 * each parameter ({@link NativeAdam}), bit for bit equal; others take DJL's, one call per parameter.
 *
 * <p>Update (DJL's form): {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code w ← w − lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε)}.
 *
 * <p>Why not DJL's {@code Adam} object itself: it detaches its moment arrays from every manager
 * ({@code Optimizer.withDefaultState}), so closing the learner's manager never frees them, and it
 * offers no way to checkpoint them. Here the moments live in a sub-manager of the manager given at
 * build time, are freed by {@link #close()}, and are saved with {@link #save(Path)}. DJL's own
 * {@code clipGrad} clamps only from above in this engine version, so clipping is done here.
 *
 * @since 1.0
 */
public final class AdamOptimizer implements AutoCloseable {

    /** How gradient norms are clipped before the update. */
    public enum Clipping {
        /** No clipping. */
        NONE,
        /** Scales all gradients together so their joint L2 norm is at most the limit (PyTorch's {@code clip_grad_norm_}). */
        GLOBAL_NORM,
        /** Scales each parameter's gradient so its own L2 norm is at most the limit (TensorFlow's {@code clip_by_norm} per tensor). */
        PER_TENSOR_NORM
    }

    private static final String MAGIC = "corrigo-adam/1";

    private final NDManager manager;
    private float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Clipping clipping;
    private final NDArray maxNorm;
    private final List<String> names;
    private final List<NDArray> params = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    /**
     * Handles of the parameters, means, variances and square-root scratch, and the sizes, for
     * {@link NativeAdam}; null when it is not used, or no longer (it refused an array).
     */
    private long[][] fused;
    private long updates;
    private boolean closed;

    private AdamOptimizer(Builder b, NDManager parent, Map<String, NDArray> parameters) {
        manager = parent.newSubManager();
        learningRate = b.learningRate;
        beta1 = b.beta1;
        beta2 = b.beta2;
        epsilon = b.epsilon;
        weightDecay = b.weightDecay;
        clipping = b.clipping;
        maxNorm = manager.create(b.maxNorm);
        names = List.copyOf(parameters.keySet());
        for (NDArray p : parameters.values()) {
            NDArray m = manager.zeros(p.getShape(), p.getDataType());
            NDArray v = manager.zeros(p.getShape(), p.getDataType());
            params.add(p);
            means.add(m);
            variances.add(v);
        }
        fused = b.fused && params.stream().allMatch(NativeAdam::fits) && NativeAdam.available() ? handles() : null;
    }

    private long[][] handles() {
        int n = params.size();
        long[][] h = new long[5][n];
        for (int i = 0; i < n; i++) {
            NDArray p = params.get(i);
            h[0][i] = NativeAdam.handle(p);
            h[1][i] = NativeAdam.handle(means.get(i));
            h[2][i] = NativeAdam.handle(variances.get(i));
            h[3][i] = NativeAdam.handle(manager.zeros(p.getShape(), p.getDataType()));
            h[4][i] = p.size();
        }
        return h;
    }

    /** A builder; the learning rate is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One update from the gradients the parameters hold now (after {@link GradientTape#backward}),
     * which are then zeroed. Temporaries are closed before returning.
     */
    public void step() {
        if (closed) {
            throw new IllegalStateException("the optimizer is closed");
        }
        if (fused != null) {
            for (NDArray p : params) {
                requireGradient(p);
            }
            if (clipping != Clipping.NONE) {
                withGradients(this::clip);
            }
            String refused = NativeAdam.step(fused[0], fused[1], fused[2], fused[3], fused[4], learningRate,
                    corrected(updates + 1), weightDecay, beta1, beta2, epsilon, weightDecay > 0);
            if (refused != null) {
                // e.g. a parameter that is a strided view: DJL's update takes any layout, with the same numbers
                fused = null;
                withGradients(this::update);
            }
        } else {
            withGradients(grads -> {
                clip(grads);
                update(grads);
            });
        }
        updates++;
    }

    private void update(NDArray[] grads) {
        float corrected = corrected(updates + 1);
        for (int i = 0; i < grads.length; i++) {
            djlUpdate(params.get(i), grads[i], means.get(i), variances.get(i), learningRate, corrected, weightDecay,
                    beta1, beta2, epsilon);
        }
    }

    private float corrected(long t) {
        return (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    /**
     * DJL's update of one parameter from {@code grad} (its gradient array), after which the
     * parameter's gradient is zeroed: what {@link #step()} does without {@link NativeAdam}, and what
     * that class's check compares with.
     */
    static void djlUpdate(NDArray param, NDArray grad, NDArray mean, NDArray variance, float learningRate,
            float corrected, float weightDecay, float beta1, float beta2, float epsilon) {
        param.getNDArrayInternal().adamUpdate(new NDList(param, grad, mean, variance), new NDList(param), learningRate,
                corrected, weightDecay, 1f, -1f, beta1, beta2, epsilon, true, weightDecay > 0);
    }

    /** Whether the fused update is used for this optimizer (see {@link NativeAdam}). @since 1.8 */
    public boolean fused() {
        return fused != null;
    }

    private static void requireGradient(NDArray p) {
        if (!p.hasGradient()) {
            throw new IllegalStateException("a parameter of this optimizer has no gradient attached: call"
                    + " setRequiresGradient(true) on it before training");
        }
    }

    /** Runs {@code body} on every parameter's gradient array and closes those arrays. */
    private void withGradients(Consumer<NDArray[]> body) {
        NDArray[] grads = new NDArray[params.size()];
        try {
            for (int i = 0; i < grads.length; i++) {
                grads[i] = params.get(i).getGradient();
            }
            body.accept(grads);
        } finally {
            for (NDArray g : grads) {
                if (g != null) {
                    g.close();
                }
            }
        }
    }

    /**
     * Sets the step size of the next updates (&gt;= 0), for learning-rate schedules; the moments and
     * the update count are kept.
     *
     * @since 1.3
     */
    public void setLearningRate(float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be finite and >= 0, was " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** The step size of the next update. @since 1.3 */
    public float learningRate() {
        return learningRate;
    }

    /** Number of updates applied so far (Adam's t). */
    public long updates() {
        return updates;
    }

    /** Writes the moments and the update count to {@code file}. */
    public void save(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeLong(updates);
        }
        TensorFiles.write(file.resolveSibling(file.getFileName() + ".moments"), moments());
    }

    /** Restores state written by {@link #save(Path)} of an optimizer over the same parameters. */
    public void load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not an Adam state file (magic '" + magic + "')");
            }
            updates = in.readLong();
        }
        TensorFiles.readInto(file.resolveSibling(file.getFileName() + ".moments"), moments());
    }

    /** Releases the moments; idempotent. The parameters are not touched. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private Map<String, NDArray> moments() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put("m." + names.get(i), means.get(i));
            m.put("v." + names.get(i), variances.get(i));
        }
        return m;
    }

    private void clip(NDArray[] grads) {
        switch (clipping) {
            case NONE -> { }
            case PER_TENSOR_NORM -> {
                for (NDArray g : grads) {
                    try (NDArray norm = g.norm()) {
                        scale(g, norm);
                    }
                }
            }
            case GLOBAL_NORM -> {
                NDArray total = null;
                try {
                    for (NDArray g : grads) {
                        try (NDArray sq = g.square(); NDArray s = sq.sum()) {
                            if (total == null) {
                                total = s.duplicate();
                            } else {
                                total.addi(s);
                            }
                        }
                    }
                    try (NDArray norm = total.sqrt()) {
                        for (NDArray g : grads) {
                            scale(g, norm);
                        }
                    }
                } finally {
                    if (total != null) {
                        total.close();
                    }
                }
            }
        }
    }

    /** {@code g ← g · limit / max(norm, limit)}: unchanged when the norm is within the limit. */
    private void scale(NDArray g, NDArray norm) {
        try (NDArray denominator = norm.maximum(maxNorm); NDArray factor = maxNorm.div(denominator)) {
            g.muli(factor);
        }
    }

    /** Builds an {@link AdamOptimizer}. */
    public static final class Builder {

        private float learningRate = Float.NaN;
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;
        private float weightDecay;
        private Clipping clipping = Clipping.NONE;
        private float maxNorm = 1f;
        private boolean fused = true;

        private Builder() {
        }

        /** Whether to use {@link NativeAdam} where it applies (the default); off, DJL's update. Same numbers. */
        Builder fusedWhereAvailable(boolean fused) {
            this.fused = fused;
            return this;
        }

        /** The step size, > 0. */
        public Builder setLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** First-moment decay, in [0, 1); 0.9 by default. */
        public Builder optBeta1(float beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Second-moment decay, in [0, 1); 0.999 by default. */
        public Builder optBeta2(float beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** Denominator guard, > 0; 1e-8 by default. */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Decoupled weight decay (AdamW, Loshchilov &amp; Hutter: {@code w ← w − lr·λ·w} besides the
         * Adam step), {@code λ ≥ 0}; 0 (plain Adam) by default.
         *
         * @since 1.1
         */
        public Builder optWeightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Clips gradients to L2 norm {@code maxNorm} (> 0), jointly or per tensor. */
        public Builder optClipping(Clipping clipping, float maxNorm) {
            this.clipping = clipping;
            this.maxNorm = maxNorm;
            return this;
        }

        /**
         * An optimizer over {@code parameters} (float32 arrays that require gradients); its moments
         * live in a sub-manager of {@code manager}.
         */
        public AdamOptimizer build(NDManager manager, Map<String, NDArray> parameters) {
            if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)
                    || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("need learningRate > 0, betas in [0, 1), epsilon > 0, weightDecay >= 0;"
                        + " got " + learningRate + ", " + beta1 + ", " + beta2 + ", " + epsilon + ", " + weightDecay);
            }
            if (clipping == null || (clipping != Clipping.NONE && !(maxNorm > 0))) {
                throw new IllegalArgumentException("clipping needs a limit > 0, got " + clipping + " " + maxNorm);
            }
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("no parameters to optimise");
            }
            return new AdamOptimizer(this, manager, parameters);
        }
    }
}
