package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDManager;

/**
 * The energy landscape of a policy over a 2-D action space at one state, as CLIC's visualisation
 * tool draws it (Li et al., arXiv:2502.07645; clic.md §8.1): {@code Q} on a regular grid over
 * {@code [-1, 1]²}, {@code softmax(Q/temperature)} over the grid (temperature 0.2 in CLIC's tool),
 * then min–max normalised to {@code [0, 1]}: 1 marks the most likely action, 0 the least.
 *
 * @since 1.1
 */
public final class EnergyLandscape {

    /** The temperature of CLIC's visualisation tool. */
    public static final double TEMPERATURE = 0.2;

    private EnergyLandscape() {
    }

    /**
     * The normalised density at grid cell {@code [iy][ix]}, i.e. at action
     * {@code (coordinate(ix), coordinate(iy))} (first action dimension along x). A flat landscape
     * (an untrained network) is 1 everywhere. Evaluates one grid row per forward, in a sub-manager
     * of {@code manager} closed before returning.
     *
     * @param observation the network's observation features
     * @param resolution  cells per axis, at least 2 (CLIC's tool: 200)
     * @param temperature the softmax temperature, > 0
     */
    public static float[][] grid(NDManager manager, EnergyNetwork network, float[] observation, int resolution,
                                 double temperature) {
        if (network.actionSize() != 2 || resolution < 2 || !(temperature > 0)) {
            throw new IllegalArgumentException("need a 2-D action space, resolution >= 2 and temperature > 0; got "
                    + network.actionSize() + "-D, " + resolution + ", " + temperature);
        }
        double[][] q = new double[resolution][resolution];
        double max = Double.NEGATIVE_INFINITY;
        try (NDManager scratch = manager.newSubManager()) {
            CandidateSet row = new CandidateSet(scratch, network.observationSize(), 2, 1, resolution);
            row.setObservation(0, observation, 0);
            float[] a = row.actions();
            for (int iy = 0; iy < resolution; iy++) {
                for (int ix = 0; ix < resolution; ix++) {
                    a[2 * ix] = (float) coordinate(ix, resolution);
                    a[2 * ix + 1] = (float) coordinate(iy, resolution);
                }
                float[] logits = row.logits(network);
                for (int ix = 0; ix < resolution; ix++) {
                    q[iy][ix] = logits[ix];
                    max = Math.max(max, logits[ix]);
                }
            }
        }
        return normalise(q, max, temperature);
    }

    /** The action coordinate of grid index {@code i}: {@code −1 + 2i/(resolution − 1)}. */
    public static double coordinate(int i, int resolution) {
        return -1 + 2.0 * i / (resolution - 1);
    }

    private static float[][] normalise(double[][] q, double max, double temperature) {
        int n = q.length;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double[][] p = new double[n][n];
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                p[iy][ix] = Math.exp((q[iy][ix] - max) / temperature);
                sum += p[iy][ix];
            }
        }
        for (double[] row : p) {
            for (int ix = 0; ix < n; ix++) {
                row[ix] /= sum;
                low = Math.min(low, row[ix]);
                high = Math.max(high, row[ix]);
            }
        }
        float[][] out = new float[n][n];
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                out[iy][ix] = high > low ? (float) ((p[iy][ix] - low) / (high - low)) : 1f;
            }
        }
        return out;
    }
}
