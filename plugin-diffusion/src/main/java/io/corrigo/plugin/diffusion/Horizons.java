package io.corrigo.plugin.diffusion;

/**
 * Diffusion Policy's horizons: {@code observation} (To) past observations condition the denoiser,
 * which predicts {@code prediction} (Tp) actions starting at the oldest of them, of which
 * {@code execution} (Ta) — from the current step on — are executed open-loop. Needs
 * {@code To − 1 + Ta ≤ Tp}.
 *
 * @param observation To, &gt;= 1
 * @param prediction  Tp, &gt;= 1
 * @param execution   Ta, &gt;= 1
 */
record Horizons(int observation, int prediction, int execution) {

    Horizons {
        if (observation < 1 || prediction < 1 || execution < 1 || observation - 1 + execution > prediction) {
            throw new IllegalArgumentException("need To, Tp, Ta >= 1 and To - 1 + Ta <= Tp; got "
                    + observation + ", " + prediction + ", " + execution);
        }
    }

    /** Index in the predicted chunk of the action for the current step: {@code To − 1}. */
    int firstExecuted() {
        return observation - 1;
    }
}
