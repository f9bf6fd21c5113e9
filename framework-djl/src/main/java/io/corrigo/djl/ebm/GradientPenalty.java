package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * IBC's action-gradient penalty (Florence et al., CoRL 2021; used by CLIC):
 * {@code mean over rows of max(0, ‖∇ₐQ‖∞ − margin)²}, margin 1 in both. It keeps {@code Q} smooth
 * enough in the action for Langevin sampling. Differentiable when the gradient came from
 * {@link EnergyNetwork#forwardWithActionGradient} under a tape.
 *
 * @since 1.1
 */
public final class GradientPenalty {

    private GradientPenalty() {
    }

    /** The penalty of {@code actionGradient} {@code (rows, d_a)} with the scalar {@code margin}. */
    public static NDArray of(NDArray actionGradient, NDArray margin) {
        return Activation.relu(actionGradient.abs().max(new int[] {1}).sub(margin)).square().mean();
    }
}
