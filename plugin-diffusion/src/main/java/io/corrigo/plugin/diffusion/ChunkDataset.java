package io.corrigo.plugin.diffusion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Episodes of normalised steps and the training windows they give, as Diffusion Policy's
 * {@code SequenceSampler} cuts them: a window anchored at step {@code t} holds the observations of
 * steps {@code t−To+1 … t} and the actions of steps {@code t−To+1 … t−To+Tp}; indices before the
 * episode's start repeat its first step and indices after its end repeat its last (padding). Only
 * labelled steps anchor windows, and in a finished episode only those whose executed part
 * ({@code Ta} actions from {@code t}) lies inside the episode, as Diffusion Policy's
 * {@code pad_after = Ta − 1} allows. Each action slot carries a mask: 1 where that step was
 * labelled by the teacher (demonstrations: every step), 0 where it holds the action that happened
 * to be executed; the loss counts only masked-in slots.
 *
 * <p>Windows are drawn without replacement within an epoch, reshuffled when the data change.
 * The oldest finished episodes are dropped once more than {@code capacity} steps are held.
 * Single-threaded.
 */
final class ChunkDataset {

    private static final String MAGIC = "corrigo-chunk-dataset/1";

    private final int obsDim;
    private final int actDim;
    private final Horizons horizons;
    private final int capacity;
    private final RandomGenerator random;
    private final Deque<Episode> episodes = new ArrayDeque<>();
    private Episode open;
    private int steps;
    private long version;
    private long indexedAt = -1;
    private Episode[] anchorEpisode = new Episode[0];
    private int[] anchorStep = new int[0];
    private int anchors;
    private int[] permutation = new int[0];
    private int cursor;
    private Episode newestEpisode;
    private int newestStep = -1;

    ChunkDataset(int obsDim, int actDim, Horizons horizons, int capacity, RandomGenerator random) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.horizons = horizons;
        this.capacity = capacity;
        this.random = random;
    }

    /** Appends a step to the current episode (opening one if needed). */
    void add(float[] observation, float[] action, boolean labelled) {
        if (open == null) {
            open = new Episode(obsDim, actDim);
            episodes.addLast(open);
        }
        open.add(observation, action, labelled);
        if (labelled) {
            newestEpisode = open;
            newestStep = open.length - 1;
        }
        steps++;
        version++;
        while (steps > capacity && episodes.size() > 1) {
            Episode dropped = episodes.removeFirst();
            steps -= dropped.length;
            if (dropped == newestEpisode) {
                newestEpisode = null;
                newestStep = -1;
            }
        }
    }

    /** Closes the current episode; its last windows follow the finished-episode rule from now on. */
    void endEpisode() {
        if (open != null) {
            open.finished = true;
            open = null;
            version++;
        }
    }

    /** Steps held. */
    int steps() {
        return steps;
    }

    /** Windows available for training. */
    int windows() {
        index();
        return anchors;
    }

    /**
     * Fills a batch of {@code batchSize} (1..{@link #windows()}) windows of the epoch, the last one
     * replaced by the newest labelled step's window when {@code withNewest}: observations
     * {@code (B, To·obsDim)}, actions {@code (B, Tp·actDim)} and their mask (same shape).
     */
    void fill(int batchSize, boolean withNewest, float[] observations, float[] actions, float[] mask) {
        index();
        if (batchSize < 1 || batchSize > anchors) {
            throw new IllegalArgumentException("batch size must be in [1, " + anchors + "], was " + batchSize);
        }
        if (cursor + batchSize > anchors) {
            shuffle();
        }
        for (int b = 0; b < batchSize; b++) {
            int id = permutation[cursor + b];
            Episode e = anchorEpisode[id];
            int t = anchorStep[id];
            if (withNewest && b == batchSize - 1 && newestEpisode != null && newestEpisode.anchors(newestStep, horizons)) {
                e = newestEpisode;
                t = newestStep;
            }
            window(e, t, b, observations, actions, mask);
        }
        cursor += batchSize;
    }

    /** Writes the episodes (not the sampling order) to {@code file}. */
    void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(obsDim);
            out.writeInt(actDim);
            out.writeInt(episodes.size());
            for (Episode e : episodes) {
                out.writeBoolean(e.finished);
                out.writeInt(e.length);
                for (int i = 0; i < e.length * obsDim; i++) {
                    out.writeFloat(e.observations[i]);
                }
                for (int i = 0; i < e.length * actDim; i++) {
                    out.writeFloat(e.actions[i]);
                }
                for (int i = 0; i < e.length; i++) {
                    out.writeBoolean(e.labelled[i]);
                }
            }
        }
    }

    /** Replaces the episodes with those {@link #save(Path)} wrote for the same dimensions. */
    void load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic) || in.readInt() != obsDim || in.readInt() != actDim) {
                throw new IOException(file + " is not a window dataset of " + obsDim + "-D observations and "
                        + actDim + "-D actions");
            }
            episodes.clear();
            open = null;
            newestEpisode = null;
            newestStep = -1;
            steps = 0;
            int count = in.readInt();
            float[] o = new float[obsDim];
            float[] a = new float[actDim];
            for (int k = 0; k < count; k++) {
                Episode e = new Episode(obsDim, actDim);
                boolean finished = in.readBoolean();
                int length = in.readInt();
                float[][] obs = new float[length][obsDim];
                float[][] act = new float[length][actDim];
                for (int t = 0; t < length; t++) {
                    for (int i = 0; i < obsDim; i++) {
                        obs[t][i] = in.readFloat();
                    }
                }
                for (int t = 0; t < length; t++) {
                    for (int i = 0; i < actDim; i++) {
                        act[t][i] = in.readFloat();
                    }
                }
                for (int t = 0; t < length; t++) {
                    System.arraycopy(obs[t], 0, o, 0, obsDim);
                    System.arraycopy(act[t], 0, a, 0, actDim);
                    e.add(o, a, in.readBoolean());
                }
                e.finished = finished;
                episodes.addLast(e);
                steps += length;
                if (!finished) {
                    open = e;
                }
            }
            version++;
        }
    }

    /**
     * For a checkpoint: the episodes ({@link #save}'s format) followed by where sampling stands —
     * the newest labelled step, whether the index is current, the epoch's order and position — so
     * that {@link #restoreState} continues with the same windows in the same order.
     */
    void saveState(Path file) throws IOException {
        save(file);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.APPEND)))) {
            int newest = newestEpisode == null ? -1 : List.copyOf(episodes).indexOf(newestEpisode);
            out.writeInt(newest);
            out.writeInt(newest < 0 ? -1 : newestStep);
            boolean current = indexedAt == version;
            out.writeBoolean(current);
            out.writeInt(current ? cursor : 0);
            out.writeInt(current ? anchors : 0);
            for (int i = 0; current && i < anchors; i++) {
                out.writeInt(permutation[i]);
            }
        }
    }

    /** Restores what {@link #saveState} wrote for the same dimensions. */
    void restoreState(Path file) throws IOException {
        load(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            skipEpisodes(in);
            int newest = in.readInt();
            int step = in.readInt();
            List<Episode> held = List.copyOf(episodes);
            if (newest >= held.size() || (newest >= 0 && (step < 0 || step >= held.get(newest).length))) {
                throw new IOException(file + " names a newest step outside the episodes it holds");
            }
            newestEpisode = newest < 0 ? null : held.get(newest);
            newestStep = newest < 0 ? -1 : step;
            boolean current = in.readBoolean();
            int position = in.readInt();
            int count = in.readInt();
            if (!current) {
                indexedAt = -1;
                return;
            }
            reindex();
            if (count != anchors || position < 0 || position > anchors) {
                throw new IOException(file + " holds an epoch of " + count + " windows at " + position + " for "
                        + anchors + " windows");
            }
            permutation = Arrays.copyOf(permutation, Math.max(permutation.length, anchorStep.length));
            for (int i = 0; i < count; i++) {
                permutation[i] = in.readInt();
            }
            cursor = position;
        }
    }

    /** Reads past the episodes {@link #save} wrote. */
    private void skipEpisodes(DataInputStream in) throws IOException {
        in.readUTF();
        in.readInt();
        in.readInt();
        int count = in.readInt();
        for (int k = 0; k < count; k++) {
            in.readBoolean();
            int length = in.readInt();
            in.skipNBytes((long) length * (obsDim + actDim) * Float.BYTES + length);
        }
    }

    private void window(Episode e, int t, int b, float[] observations, float[] actions, float[] mask) {
        int start = t - horizons.observation() + 1;
        int obsRow = b * horizons.observation() * obsDim;
        for (int j = 0; j < horizons.observation(); j++) {
            int s = e.clamp(start + j);
            System.arraycopy(e.observations, s * obsDim, observations, obsRow + j * obsDim, obsDim);
        }
        int actRow = b * horizons.prediction() * actDim;
        for (int j = 0; j < horizons.prediction(); j++) {
            int s = e.clamp(start + j);
            System.arraycopy(e.actions, s * actDim, actions, actRow + j * actDim, actDim);
            Arrays.fill(mask, actRow + j * actDim, actRow + (j + 1) * actDim, e.labelled[s] ? 1f : 0f);
        }
    }

    private void index() {
        if (indexedAt == version) {
            return;
        }
        reindex();
        shuffle();
    }

    /** The anchors of the episodes held, in order; marks the index current. */
    private void reindex() {
        anchors = 0;
        for (Episode e : episodes) {
            for (int t = 0; t < e.length; t++) {
                if (e.anchors(t, horizons)) {
                    if (anchors == anchorStep.length) {
                        int grown = Math.max(16, anchors * 2);
                        anchorStep = Arrays.copyOf(anchorStep, grown);
                        anchorEpisode = Arrays.copyOf(anchorEpisode, grown);
                    }
                    anchorEpisode[anchors] = e;
                    anchorStep[anchors++] = t;
                }
            }
        }
        indexedAt = version;
    }

    private void shuffle() {
        if (permutation.length < anchors) {
            permutation = new int[anchorStep.length];
        }
        for (int i = 0; i < anchors; i++) {
            permutation[i] = i;
        }
        for (int i = anchors - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = tmp;
        }
        cursor = 0;
    }

    /** One episode's steps in growable arrays. */
    private static final class Episode {
        private final int obsDim;
        private final int actDim;
        private float[] observations = new float[0];
        private float[] actions = new float[0];
        private boolean[] labelled = new boolean[0];
        private int length;
        private boolean finished;

        Episode(int obsDim, int actDim) {
            this.obsDim = obsDim;
            this.actDim = actDim;
        }

        void add(float[] observation, float[] action, boolean isLabelled) {
            if (length == labelled.length) {
                int grown = Math.max(64, length * 2);
                observations = Arrays.copyOf(observations, grown * obsDim);
                actions = Arrays.copyOf(actions, grown * actDim);
                labelled = Arrays.copyOf(labelled, grown);
            }
            System.arraycopy(observation, 0, observations, length * obsDim, obsDim);
            System.arraycopy(action, 0, actions, length * actDim, actDim);
            labelled[length++] = isLabelled;
        }

        int clamp(int step) {
            return Math.max(0, Math.min(length - 1, step));
        }

        /** Whether step {@code t} anchors a window: labelled, and in a finished episode early enough. */
        boolean anchors(int t, Horizons h) {
            if (!labelled[t]) {
                return false;
            }
            int tail = Math.max(0, h.prediction() - h.observation() + 1 - h.execution());
            return !finished || t <= Math.max(0, length - 1 - tail);
        }
    }
}
