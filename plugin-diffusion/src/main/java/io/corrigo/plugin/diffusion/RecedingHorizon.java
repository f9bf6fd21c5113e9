package io.corrigo.plugin.diffusion;

/**
 * Receding-horizon execution of action chunks (Diffusion Policy §3.6): the last {@code To}
 * observations of the episode (the first one repeated until there are enough), and the
 * {@code Ta} actions of the current plan — predicted indices {@code To−1 … To−1+Ta−1} —
 * executed open-loop one per step; when they run out, or after any step the teacher executed
 * (the robot's plan no longer matches where it is), the next step plans afresh. Single-threaded.
 */
final class RecedingHorizon {

    private final Horizons horizons;
    private final int obsDim;
    private final int actDim;
    private final float[] history;
    private final float[] plan;
    private int seen;
    private int next;

    RecedingHorizon(Horizons horizons, int obsDim, int actDim) {
        this.horizons = horizons;
        this.obsDim = obsDim;
        this.actDim = actDim;
        history = new float[horizons.observation() * obsDim];
        plan = new float[horizons.execution() * actDim];
        next = horizons.execution();
    }

    /** A new episode: no observations, no plan. */
    void reset() {
        seen = 0;
        next = horizons.execution();
    }

    /** Adds the current (normalised) observation to the history. */
    void observe(float[] observation) {
        int to = horizons.observation();
        if (seen == 0) {
            for (int j = 0; j < to; j++) {
                System.arraycopy(observation, 0, history, j * obsDim, obsDim);
            }
        } else {
            System.arraycopy(history, obsDim, history, 0, (to - 1) * obsDim);
            System.arraycopy(observation, 0, history, (to - 1) * obsDim, obsDim);
        }
        seen++;
    }

    /** The conditioning observations, oldest first ({@code To·obsDim} values). */
    float[] history() {
        return history;
    }

    /** Whether the next action needs a new plan. */
    boolean needsPlan() {
        return next >= horizons.execution();
    }

    /** Takes the executed part of a predicted chunk ({@code Tp·actDim} values) as the plan. */
    void plan(float[] chunk) {
        System.arraycopy(chunk, horizons.firstExecuted() * actDim, plan, 0, horizons.execution() * actDim);
        next = 0;
    }

    /** Copies the plan's next action into {@code action} and advances. */
    void next(float[] action) {
        if (needsPlan()) {
            throw new IllegalStateException("the plan is used up; plan again first");
        }
        System.arraycopy(plan, next * actDim, action, 0, actDim);
        next++;
    }

    /** The teacher executed the last step: drop the rest of the plan. */
    void interrupt() {
        next = horizons.execution();
    }
}
