package io.corrigo.plugin.toys;

import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Tone;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A desired action set of the CLIC toy tasks in the action plane {@code [-1, 1]²} and its scripted
 * teacher ({@code control_policy(obs, a_rob)} of {@code env/DesiredActionSpace_ToyEnv} in
 * clic-webpage/CLIC; clic.md §8.2). Every teacher returns a proposal that is already inside unchanged.
 */
sealed interface DesiredActionSet {

    /** Whether the action {@code (x, y)} is desired. */
    boolean contains(double x, double y);

    /**
     * The teacher's answer to the proposal {@code (x, y)}. Only the ball draws from {@code noise}.
     * The caller falls back to the proposal when the answer is not in the set.
     */
    double[] teach(double x, double y, RandomGenerator noise);

    /** The set, drawn in the action plane. */
    List<Shape> shapes();

    /**
     * {@code DesiredA_ToyEnv}: the disc of radius {@code radius} at the origin. An outside proposal is
     * answered with an absolute label drawn from {@code N(0, sigma² I)}, inherently noisy.
     */
    record Ball(double radius, double sigma) implements DesiredActionSet {

        @Override
        public boolean contains(double x, double y) {
            return Math.hypot(x, y) < radius;
        }

        @Override
        public double[] teach(double x, double y, RandomGenerator noise) {
            if (contains(x, y)) {
                return new double[] {x, y};
            }
            return new double[] {sigma * noise.nextGaussian(), sigma * noise.nextGaussian()};
        }

        @Override
        public List<Shape> shapes() {
            return List.of(new Circle(new Point(0, 0), radius, Tone.TARGET, true));
        }
    }

    /**
     * {@code DesiredA_ToyEnv_square}: the axis-aligned square of half side {@code halfSide} at the
     * origin, edges included. The teacher mirrors the proposal across its nearest point of the
     * square, {@code 2·proj(a) − a}, so the square's edge bisects proposal and answer.
     */
    record Square(double halfSide) implements DesiredActionSet {

        @Override
        public boolean contains(double x, double y) {
            return Math.abs(x) <= halfSide && Math.abs(y) <= halfSide;
        }

        @Override
        public double[] teach(double x, double y, RandomGenerator noise) {
            double px = Math.max(-halfSide, Math.min(halfSide, x));
            double py = Math.max(-halfSide, Math.min(halfSide, y));
            return new double[] {2 * px - x, 2 * py - y};
        }

        @Override
        public List<Shape> shapes() {
            double h = halfSide;
            return List.of(new Polygon(List.of(new Point(-h, -h), new Point(h, -h), new Point(h, h),
                    new Point(-h, h)), Tone.TARGET, true));
        }
    }

    /**
     * {@code DesiredA_ToyEnv_TwoCircles}: two discs of radius {@code radius} at {@code ±(offset, offset)}.
     * The teacher mirrors the proposal across the nearest boundary point of the nearer disc (the
     * second on a tie, as the repository does), or with {@code randomDisc} of a disc drawn from
     * {@code noise} with probability ½ each; proposals farther than three radii from that disc's
     * centre mirror to outside it, and the caller then returns the proposal (no feedback).
     */
    record TwoCircles(double offset, double radius, boolean randomDisc) implements DesiredActionSet {

        /** CLIC's teacher: the nearer disc. */
        TwoCircles(double offset, double radius) {
            this(offset, radius, false);
        }

        @Override
        public boolean contains(double x, double y) {
            return Math.hypot(x - offset, y - offset) < radius || Math.hypot(x + offset, y + offset) < radius;
        }

        @Override
        public double[] teach(double x, double y, RandomGenerator noise) {
            if (contains(x, y)) {
                return new double[] {x, y};
            }
            double toFirst = Math.hypot(x - offset, y - offset);
            double toSecond = Math.hypot(x + offset, y + offset);
            boolean second = randomDisc ? noise.nextBoolean() : toFirst >= toSecond;
            double c = second ? -offset : offset;
            double d = second ? toSecond : toFirst;
            // the boundary point is c + r·(a − c)/d; mirroring a across it gives c + (2r − d)·(a − c)/d
            double k = (2 * radius - d) / d;
            return new double[] {c + k * (x - c), c + k * (y - c)};
        }

        @Override
        public List<Shape> shapes() {
            return List.of(new Circle(new Point(offset, offset), radius, Tone.TARGET, true),
                    new Circle(new Point(-offset, -offset), radius, Tone.TARGET, true));
        }
    }
}
