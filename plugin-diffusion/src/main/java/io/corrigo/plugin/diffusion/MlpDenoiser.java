package io.corrigo.plugin.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The CPU denoiser (baselines.md §3.7): the noisy chunk projected to {@code width}, then
 * {@code blocks} residual blocks {@code h + Linear(Mish(FiLM(Linear(LayerNorm(h)))))} whose FiLM
 * scale and bias come from {@code Mish([step features ‖ observations])} as in Diffusion Policy's
 * U-Net ({@code cond_predict_scale}), then {@code LayerNorm → Mish → Linear} to the chunk. The step
 * features are Diffusion Policy's encoder: {@code Linear(E → 4E) → Mish → Linear(4E → E)} on the
 * sinusoidal embedding.
 */
final class MlpDenoiser implements Denoiser {

    private final int chunk;
    private final int observations;
    private final int embedding;
    private final int width;
    private final int blocks;

    MlpDenoiser(int chunk, int observations, int embedding, int width, int blocks) {
        this.chunk = chunk;
        this.observations = observations;
        this.embedding = embedding;
        this.width = width;
        this.blocks = blocks;
    }

    @Override
    public Map<String, NDArray> initialise(NDManager manager, RandomGenerator random) {
        Layers l = new Layers(manager, random)
                .linear("step.0", embedding, 4 * embedding)
                .linear("step.1", 4 * embedding, embedding)
                .linear("input", chunk, width);
        int condition = embedding + observations;
        for (int k = 0; k < blocks; k++) {
            l.norm("block" + k + ".norm", width)
                    .linear("block" + k + ".0", width, width)
                    .linear("block" + k + ".film", condition, 2 * width)
                    .linear("block" + k + ".1", width, width);
        }
        return l.norm("output.norm", width).linear("output", width, chunk).build();
    }

    @Override
    public NDArray forward(NDArray noisy, NDArray steps, NDArray obs, Map<String, NDArray> p) {
        NDArray stepFeatures = Layers.linear(Layers.mish(Layers.linear(steps, p, "step.0")), p, "step.1");
        NDArray condition = Layers.mish(NDArrays.concat(new NDList(stepFeatures, obs), 1));
        NDArray h = Layers.linear(noisy, p, "input");
        for (int k = 0; k < blocks; k++) {
            String b = "block" + k;
            NDArray u = Layers.linear(Layers.layerNorm(h, p, b + ".norm"), p, b + ".0");
            NDList film = Layers.linear(condition, p, b + ".film").split(2, 1);
            u = Layers.mish(film.get(0).mul(u).add(film.get(1)));
            h = h.add(Layers.linear(u, p, b + ".1"));
        }
        return Layers.linear(Layers.mish(Layers.layerNorm(h, p, "output.norm")), p, "output");
    }

    @Override
    public String describe() {
        return "MLP denoiser: " + blocks + " FiLM residual blocks of width " + width + ", step embedding " + embedding;
    }
}
