package io.corrigo.example.knn;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.Transition;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Acts with the mean label of the k nearest labelled observations (observations scaled to the
 * unit box), the action space's centre before any label. Pointwise: a relative correction becomes
 * the label {@code a + e·h}, clipped.
 */
final class KnnLearner implements Learner {

    private record Sample(float[] observation, Action label) {
    }

    private final KnnConfig config;
    private final Space observationSpace;
    private final Space actionSpace;
    private final Deque<Sample> samples = new ArrayDeque<>();

    KnnLearner(KnnConfig config, Space observationSpace, Space actionSpace) {
        this.config = config;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
    }

    @Override
    public Action act(Observation observation) {
        if (samples.isEmpty()) {
            float[] centre = new float[actionSpace.dimension()];
            for (int i = 0; i < centre.length; i++) {
                centre[i] = (actionSpace.low(i) + actionSpace.high(i)) / 2;
            }
            return Action.of(centre);
        }
        float[] o = scaled(observation);
        Sample[] all = samples.toArray(Sample[]::new);
        double[] d = new double[all.length];
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < all.length; i++) {
            d[i] = distance(o, all[i].observation());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        int k = Math.min(config.neighbours(), all.length);
        float[] mean = new float[actionSpace.dimension()];
        for (int j = 0; j < k; j++) {
            Action a = all[order[j]].label();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += a.get(i) / k;
            }
        }
        return actionSpace.clip(Action.of(mean));
    }

    @Override
    public void startEpisode() {
    }

    @Override
    public void observe(Transition t) {
        Feedback f = t.feedback();
        Action label;
        if (f instanceof Feedback.None) {
            return;
        } else if (f instanceof Feedback.AbsoluteCorrection c) {
            label = c.action();
        } else if (f instanceof Feedback.Label l) {
            label = l.expertAction();
        } else if (f instanceof Feedback.Takeover tk) {
            label = tk.expertAction();
        } else if (f instanceof Feedback.RelativeCorrection r) {
            label = t.proposed().plus(r.direction().times(r.magnitude()));
        } else if (f instanceof Feedback.PartialCorrection p) {
            label = p.action();
        } else {
            throw new IllegalArgumentException("knn cannot learn from " + f.kind().id() + " feedback");
        }
        samples.addLast(new Sample(scaled(t.observation()), actionSpace.clip(label)));
        while (samples.size() > config.capacity()) {
            samples.removeFirst();
        }
    }

    @Override
    public void endEpisode() {
    }

    @Override
    public void save(Path directory) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve("knn.bin")))) {
            out.writeInt(samples.size());
            for (Sample s : samples) {
                writeFloats(out, s.observation());
                writeFloats(out, s.label().toArray());
            }
        }
    }

    @Override
    public void load(Path directory) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve("knn.bin")))) {
            samples.clear();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                samples.addLast(new Sample(readFloats(in), Action.of(readFloats(in))));
            }
        }
    }

    @Override
    public void close() {
        samples.clear();
    }

    private float[] scaled(Observation observation) {
        float[] o = observation.toArray();
        for (int i = 0; i < o.length; i++) {
            float span = observationSpace.high(i) - observationSpace.low(i);
            o[i] = span > 0 ? (o[i] - observationSpace.low(i)) / span : 0;
        }
        return o;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
