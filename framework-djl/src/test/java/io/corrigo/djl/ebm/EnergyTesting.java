package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDArray;
import io.corrigo.djl.NoGradient;
import java.util.List;
import java.util.SplittableRandom;
import ai.djl.ndarray.NDManager;

/** Hand-made energy networks for the tests. */
final class EnergyTesting {

    private EnergyTesting() {
    }

    /** {@code Q(s, a) = w·a} (no hidden layer): its maximum in the box is the corner {@code sign(w)}. */
    static EnergyNetwork linear(NDManager manager, int observationSize, float... w) {
        EnergyNetwork net = EnergyNetwork.builder().setObservationSize(observationSize).setActionSize(w.length)
                .setHiddenSizes(List.of()).build(manager, new SplittableRandom(1));
        float[] weights = new float[observationSize + w.length];
        System.arraycopy(w, 0, weights, observationSize, w.length);
        try (NoGradient ignored = NoGradient.enter()) {
            NDArray layer = net.parameters().get("layers.0.weight");
            layer.set(weights);
        }
        return net;
    }
}
