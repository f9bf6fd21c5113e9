package ${package};

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

/**
 * A linear policy {@code a = W f(o)} fitted by ridge regression to every label received, where
 * {@code f(o)} is the observation scaled to [-1, 1] with a constant 1 appended. It keeps the
 * sufficient statistics {@code A = sum f f'} and {@code B = sum f a'} and solves
 * {@code (A + lambda I) W = B} when it next acts. Before any label it proposes the centre of the
 * action space. A relative correction (a direction h, a magnitude e) becomes the label
 * {@code proposed + e h}; a takeover or a demonstration label is the teacher's action.
 */
final class RidgeLearner implements Learner {

    private static final String FILE = "ridge.bin";

    private final RidgeConfig config;
    private final Space observationSpace;
    private final Space actionSpace;
    private final int features;
    private final double[][] a;
    private final double[][] b;
    private double[][] weights;
    private boolean labelled;

    RidgeLearner(RidgeConfig config, Space observationSpace, Space actionSpace) {
        this.config = config;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.features = observationSpace.dimension() + 1;
        this.a = new double[features][features];
        this.b = new double[features][actionSpace.dimension()];
    }

    @Override
    public Action act(Observation observation) {
        float[] centre = new float[actionSpace.dimension()];
        for (int j = 0; j < centre.length; j++) {
            centre[j] = (actionSpace.low(j) + actionSpace.high(j)) / 2;
        }
        if (!labelled) {
            return Action.of(centre);
        }
        if (weights == null) {
            weights = Ridge.solve(a, b, config.regularisation());
        }
        double[] f = features(observation);
        float[] action = new float[centre.length];
        for (int j = 0; j < action.length; j++) {
            double sum = 0;
            for (int i = 0; i < features; i++) {
                sum += weights[i][j] * f[i];
            }
            action[j] = (float) sum;
        }
        return actionSpace.clip(Action.of(action));
    }

    @Override
    public void startEpisode() {
    }

    @Override
    public void observe(Transition t) {
        Action label = label(t);
        if (label != null) {
            add(features(t.observation()), actionSpace.clip(label));
        }
    }

    /** The action the feedback asks for at this step; null when there was none. */
    private static Action label(Transition t) {
        Feedback f = t.feedback();
        if (f instanceof Feedback.None) {
            return null;
        } else if (f instanceof Feedback.AbsoluteCorrection c) {
            return c.action();
        } else if (f instanceof Feedback.RelativeCorrection r) {
            return t.proposed().plus(r.direction().times(r.magnitude()));
        } else if (f instanceof Feedback.Takeover tk) {
            return tk.expertAction();
        } else if (f instanceof Feedback.Label l) {
            return l.expertAction();
        }
        throw new IllegalArgumentException("the ridge learner cannot learn from " + f.kind().id()
                + " feedback; it learns from absolute, relative, takeover and label feedback");
    }

    private void add(double[] f, Action label) {
        double keep = config.forgetting();
        for (int i = 0; i < features; i++) {
            for (int k = 0; k < features; k++) {
                a[i][k] = keep * a[i][k] + f[i] * f[k];
            }
            for (int j = 0; j < b[i].length; j++) {
                b[i][j] = keep * b[i][j] + f[i] * label.get(j);
            }
        }
        labelled = true;
        weights = null;
    }

    private double[] features(Observation observation) {
        float[] o = observation.toArray();
        double[] f = new double[features];
        for (int i = 0; i < o.length; i++) {
            double span = observationSpace.high(i) - observationSpace.low(i);
            f[i] = span > 0 ? 2 * (o[i] - observationSpace.low(i)) / span - 1 : 0;
        }
        f[features - 1] = 1;
        return f;
    }

    @Override
    public void endEpisode() {
    }

    @Override
    public void save(Path directory) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(FILE)))) {
            out.writeBoolean(labelled);
            for (double[][] m : new double[][][] {a, b}) {
                for (double[] row : m) {
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
            }
        }
    }

    @Override
    public void load(Path directory) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve(FILE)))) {
            labelled = in.readBoolean();
            for (double[][] m : new double[][][] {a, b}) {
                for (double[] row : m) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = in.readDouble();
                    }
                }
            }
        }
        weights = null;
    }

    @Override
    public void close() {
        weights = null;
    }
}
