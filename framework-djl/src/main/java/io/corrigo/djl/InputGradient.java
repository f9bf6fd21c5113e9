package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import java.util.List;

/**
 * The forward pass of an {@link Mlp} with one output, followed by its backward pass to the input
 * written as ordinary (differentiable) operations. For a hidden layer
 * {@code z = W·x + b, r = act(z), y = γ·x̂ + β} with {@code x̂ = (r − μ)/σ}, the backward of a row
 * gradient {@code d = ∂Q/∂y} is
 * {@code ∂Q/∂r = (γd − mean(γd) − x̂·mean(γd·x̂))/σ}, {@code ∂Q/∂z = act'(z)·∂Q/∂r},
 * {@code ∂Q/∂x = (∂Q/∂z)·W}; the output layer starts it with {@code d = W_out}.
 *
 * <p>Every operation starts from an array of the input's manager, so that no result lands in the
 * parameters' manager (a DJL result belongs to the manager of its first operand).
 */
final class InputGradient {

    private InputGradient() {
    }

    static NDList of(NDArray input, List<NDArray> weights, List<NDArray> biases, List<NDArray> gains,
                     List<NDArray> shifts, Mlp.Activation activation, NDArray eps, NDArray zero,
                     NDArray one) {
        int hidden = weights.size() - 1;
        boolean norm = !gains.isEmpty();
        NDArray[] slopes = new NDArray[hidden];
        NDArray[] normalised = new NDArray[hidden];
        NDArray[] deviation = new NDArray[hidden];
        NDArray h = input;
        for (int layer = 0; layer < hidden; layer++) {
            NDArray z = Linear.linear(h, weights.get(layer), biases.get(layer)).singletonOrThrow();
            NDArray r;
            if (activation == Mlp.Activation.RELU) {
                r = ai.djl.nn.Activation.relu(z);
                slopes[layer] = z.gt(zero).toType(DataType.FLOAT32, false);
            } else {
                r = z.tanh();
                slopes[layer] = r.square().neg().add(one);
            }
            if (norm) {
                NDArray centred = r.sub(r.mean(new int[] {-1}, true));
                deviation[layer] = centred.square().mean(new int[] {-1}, true).add(eps).sqrt();
                normalised[layer] = centred.div(deviation[layer]);
                h = normalised[layer].mul(gains.get(layer)).add(shifts.get(layer));
            } else {
                h = r;
            }
        }
        NDArray output = Linear.linear(h, weights.get(hidden), biases.get(hidden)).singletonOrThrow();
        // seeded from an array of the input's manager: results join the manager of their first operand
        NDArray d = output.onesLike().matMul(weights.get(hidden));
        for (int layer = hidden - 1; layer >= 0; layer--) {
            if (norm) {
                NDArray dy = d.mul(gains.get(layer));
                NDArray x = normalised[layer];
                d = dy.sub(dy.mean(new int[] {-1}, true)).sub(x.mul(dy.mul(x).mean(new int[] {-1}, true)))
                        .div(deviation[layer]);
            }
            d = d.mul(slopes[layer]).matMul(weights.get(layer));
        }
        return new NDList(output, d);
    }
}
