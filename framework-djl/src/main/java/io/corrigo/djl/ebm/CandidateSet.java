package io.corrigo.djl.ebm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.NoGradient;
import io.corrigo.djl.StagedInput;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;

/**
 * {@code N} candidate actions for each of {@code B} states, laid out sample-major as CLIC and IBC
 * do: row {@code j·B + b} holds candidate {@code j} of state {@code b}, so the states are tiled
 * {@code N} times and all {@code N·B} rows {@code [s_b, a_jb]} go through the network in one forward.
 * Softmaxes over candidates are taken per state (stride {@code B} in the row order).
 *
 * <p>The actions live in a Java array that samplers edit in place; {@link #upload} packs rows into a
 * reusable staged input. Single-threaded.
 *
 * @since 1.1
 */
public final class CandidateSet {

    private final int observationSize;
    private final int actionSize;
    private final int states;
    private final int candidates;
    private final float[] observations;
    private final float[] actions;
    private final NDManager owner;
    private final StagedInput input;

    /** An empty set (observations and actions 0) whose staged input belongs to {@code owner}. */
    public CandidateSet(NDManager owner, int observationSize, int actionSize, int states, int candidates) {
        if (observationSize < 0 || actionSize < 1 || states < 1 || candidates < 1) {
            throw new IllegalArgumentException("need observationSize >= 0, actionSize, states and candidates >= 1;"
                    + " got " + observationSize + ", " + actionSize + ", " + states + ", " + candidates);
        }
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.states = states;
        this.candidates = candidates;
        this.observations = new float[states * observationSize];
        this.actions = new float[Math.multiplyExact(states * candidates, actionSize)];
        this.owner = owner;
        this.input = new StagedInput(owner, new Shape((long) states * candidates, observationSize + actionSize));
    }

    /** {@code B}, the number of states. */
    public int states() {
        return states;
    }

    /** {@code N}, the number of candidates per state. */
    public int candidates() {
        return candidates;
    }

    /** {@code N·B}. */
    public int rows() {
        return states * candidates;
    }

    /** Width of an action. */
    public int actionSize() {
        return actionSize;
    }

    /** Width of an observation. */
    public int observationSize() {
        return observationSize;
    }

    /** The row of candidate {@code j} of state {@code b}: {@code j·B + b}. */
    public int row(int j, int b) {
        return j * states + b;
    }

    /**
     * The live action array: row {@code r}'s action is {@code actions()[r·d_a … (r+1)·d_a)}. Samplers
     * edit it in place; values should stay in {@code [-1, 1]}.
     */
    public float[] actions() {
        return actions;
    }

    /** Component {@code i} of candidate {@code j} of state {@code b}. */
    public float action(int j, int b, int i) {
        return actions[row(j, b) * actionSize + i];
    }

    /** Sets the observation of state {@code b} from {@code values[offset …]}. */
    public void setObservation(int b, float[] values, int offset) {
        System.arraycopy(values, offset, observations, b * observationSize, observationSize);
    }

    /** Sets candidate {@code j} of state {@code b} from {@code values[offset …]}. */
    public void setAction(int j, int b, float[] values, int offset) {
        System.arraycopy(values, offset, actions, row(j, b) * actionSize, actionSize);
    }

    /** Copies candidate {@code j} of state {@code b} into {@code target[offset …]}. */
    public void copyAction(int j, int b, float[] target, int offset) {
        System.arraycopy(actions, row(j, b) * actionSize, target, offset, actionSize);
    }

    /** Draws every candidate uniformly from the box {@code [-1, 1]^d_a}. */
    public void fillUniform(RandomGenerator random) {
        for (int k = 0; k < actions.length; k++) {
            actions[k] = (float) (2 * random.nextDouble() - 1);
        }
    }

    /**
     * The rows {@code [s_b, a_jb]} as an array of shape {@code (N·B, d_o + d_a)}, attached to
     * {@code scope} until it closes (see {@link StagedInput#upload}); valid until the next upload.
     */
    public NDArray upload(NDManager scope) {
        FloatBuffer values = input.values();
        for (int r = 0; r < rows(); r++) {
            values.put(observations, (r % states) * observationSize, observationSize);
            values.put(actions, r * actionSize, actionSize);
        }
        return input.upload(scope);
    }

    /** {@code Q} of every row, in row order, without recording gradients. */
    public float[] logits(EnergyNetwork network) {
        try (NDManager step = owner.newSubManager(); NoGradient ignored = NoGradient.enter()) {
            return network.predict(upload(step)).toFloatArray();
        }
    }

    /** {@code ∇ₐQ} of every row, row-major {@code (N·B, d_a)}, without recording gradients. */
    public float[] actionGradients(EnergyNetwork network) {
        try (NDManager step = owner.newSubManager()) {
            return network.actionGradient(upload(step)).toFloatArray();
        }
    }
}
