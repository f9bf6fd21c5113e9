package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Diffusion Policy's {@code ConditionalUnet1D} (baselines.md §3.5) over the chunk's time axis:
 * residual blocks {@code Conv1d(k) → GroupNorm → Mish}, FiLM (scale and bias) from
 * {@code Mish([step features ‖ observations])}, a second conv block and a 1×1 skip; per encoder level
 * two blocks and a stride-2 convolution (not after the last level), two middle blocks, a decoder
 * that concatenates the encoder's outputs and upsamples by transposed convolution, and a final conv
 * block plus a 1×1 convolution. As in the original, the first level's skip is never used. The
 * chunk length must be divisible by {@code 2^(levels − 1)}.
 */
final class UnetDenoiser implements Denoiser {

    private static final int GROUPS = 8;

    private final int horizon;
    private final int actions;
    private final int observations;
    private final int embedding;
    private final List<Integer> dims;
    private final int kernel;

    UnetDenoiser(int horizon, int actions, int observations, int embedding, List<Integer> dims, int kernel) {
        if (horizon % (1 << (dims.size() - 1)) != 0) {
            throw new IllegalArgumentException("the U-Net halves the chunk " + (dims.size() - 1) + " times; the"
                    + " prediction horizon " + horizon + " must be divisible by " + (1 << (dims.size() - 1)));
        }
        this.horizon = horizon;
        this.actions = actions;
        this.observations = observations;
        this.embedding = embedding;
        this.dims = List.copyOf(dims);
        this.kernel = kernel;
    }

    @Override
    public Map<String, NDArray> initialise(NDManager manager, RandomGenerator random) {
        Layers l = new Layers(manager, random)
                .linear("step.0", embedding, 4 * embedding)
                .linear("step.1", 4 * embedding, embedding);
        int in = actions;
        for (int i = 0; i < dims.size(); i++) {
            block(l, "down" + i + ".0", in, dims.get(i));
            block(l, "down" + i + ".1", dims.get(i), dims.get(i));
            if (i < dims.size() - 1) {
                l.conv("down" + i + ".sample", dims.get(i), dims.get(i), 3);
            }
            in = dims.get(i);
        }
        int last = dims.get(dims.size() - 1);
        block(l, "mid.0", last, last);
        block(l, "mid.1", last, last);
        for (int i = dims.size() - 1; i >= 1; i--) {
            String u = "up" + i;
            block(l, u + ".0", 2 * dims.get(i), dims.get(i - 1));
            block(l, u + ".1", dims.get(i - 1), dims.get(i - 1));
            l.convTranspose(u + ".sample", dims.get(i - 1), dims.get(i - 1), 4);
        }
        return l.conv("final.conv", dims.get(0), dims.get(0), kernel).norm("final.norm", dims.get(0))
                .conv("final.out", dims.get(0), actions, 1).build();
    }

    private void block(Layers l, String name, int in, int out) {
        l.conv(name + ".conv0", in, out, kernel).norm(name + ".norm0", out)
                .linear(name + ".film", embedding + observations, 2 * out)
                .conv(name + ".conv1", out, out, kernel).norm(name + ".norm1", out);
        if (in != out) {
            l.conv(name + ".skip", in, out, 1);
        }
    }

    @Override
    public NDArray forward(NDArray noisy, NDArray steps, NDArray obs, Map<String, NDArray> p) {
        long batch = noisy.getShape().get(0);
        NDArray stepFeatures = Layers.linear(Layers.mish(Layers.linear(steps, p, "step.0")), p, "step.1");
        NDArray condition = Layers.mish(NDArrays.concat(new NDList(stepFeatures, obs), 1));
        NDArray x = noisy.reshape(batch, horizon, actions).transpose(0, 2, 1);
        Deque<NDArray> skips = new ArrayDeque<>();
        for (int i = 0; i < dims.size(); i++) {
            x = residual(x, condition, p, "down" + i + ".0");
            x = residual(x, condition, p, "down" + i + ".1");
            skips.push(x);
            if (i < dims.size() - 1) {
                x = Layers.conv(x, p, "down" + i + ".sample", 2, 1);
            }
        }
        x = residual(residual(x, condition, p, "mid.0"), condition, p, "mid.1");
        for (int i = dims.size() - 1; i >= 1; i--) {
            x = NDArrays.concat(new NDList(x, skips.pop()), 1);
            x = residual(x, condition, p, "up" + i + ".0");
            x = residual(x, condition, p, "up" + i + ".1");
            x = Layers.convTranspose(x, p, "up" + i + ".sample", 2, 1);
        }
        x = convBlock(x, p, "final.conv", "final.norm");
        x = Layers.conv(x, p, "final.out", 1, 0);
        return x.transpose(0, 2, 1).reshape(batch, (long) horizon * actions);
    }

    private NDArray residual(NDArray x, NDArray condition, Map<String, NDArray> p, String name) {
        NDArray h = convBlock(x, p, name + ".conv0", name + ".norm0");
        NDList film = Layers.linear(condition, p, name + ".film").expandDims(2).split(2, 1);
        h = film.get(0).mul(h).add(film.get(1));
        h = convBlock(h, p, name + ".conv1", name + ".norm1");
        NDArray skip = p.containsKey(name + ".skip.weight") ? Layers.conv(x, p, name + ".skip", 1, 0) : x;
        return h.add(skip);
    }

    private NDArray convBlock(NDArray x, Map<String, NDArray> p, String conv, String norm) {
        return Layers.mish(Layers.groupNorm(Layers.conv(x, p, conv, 1, kernel / 2), GROUPS, p, norm));
    }

    @Override
    public String describe() {
        List<String> widths = new ArrayList<>();
        dims.forEach(d -> widths.add(Integer.toString(d)));
        return "1-D temporal U-Net (ConditionalUnet1D): down dims " + widths + ", kernel " + kernel
                + ", GroupNorm(" + GROUPS + "), step embedding " + embedding;
    }
}
