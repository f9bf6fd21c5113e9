package io.corrigo.plugin.clic;

import io.corrigo.djl.ebm.CandidateSet;
import io.corrigo.djl.ebm.ContrastiveTrainer;

/**
 * CLIC's policy-weighted target (clic.md §4.3): for each state,
 * {@code p*_j = softmax_j(Q(s, a_j)/τ + ℓ(a_j)/likelihoodScale)} — the posterior of the current
 * policy times the soft likelihood of lying in the correction's desired set. Computed from the
 * detached {@code Q}, so it carries no gradient.
 */
final class ClicTarget implements ContrastiveTrainer.Target {

    private final DesiredSet set;
    private final double temperature;
    private final double likelihoodScale;
    private double[] logits = new double[0];

    ClicTarget(DesiredSet set, double temperature, double likelihoodScale) {
        this.set = set;
        this.temperature = temperature;
        this.likelihoodScale = likelihoodScale;
    }

    @Override
    public void placeKnownActions(CandidateSet candidates) {
        for (int b = 0; b < candidates.states(); b++) {
            set.placeKnownActions(candidates, b);
        }
    }

    @Override
    public void fill(CandidateSet candidates, float[] q, float[] target) {
        int n = candidates.candidates();
        int states = candidates.states();
        int d = candidates.actionSize();
        if (logits.length < n) {
            logits = new double[n];
        }
        float[] actions = candidates.actions();
        for (int b = 0; b < states; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                int row = candidates.row(j, b);
                logits[j] = q[row] / temperature + set.logLikelihood(b, actions, row * d) / likelihoodScale;
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                logits[j] = Math.exp(logits[j] - max);
                sum += logits[j];
            }
            for (int j = 0; j < n; j++) {
                target[b * n + j] = (float) (logits[j] / sum);
            }
        }
    }
}
