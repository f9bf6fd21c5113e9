package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Segment;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Tone;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A line of CLIC's line-following task in pixel coordinates ({@code env/followLine} in
 * clic-webpage/CLIC; clic.md §6, §8.3): the measures the task is judged by and its look-ahead teacher.
 * Distances to "the line" are to the infinite line through start and end, as in the repository.
 */
record PixelLine(double startX, double startY, double endX, double endY) {

    /** The ball is kept within {@code [SCREEN_MIN, SCREEN_MAX]²} (the repository's 600 px screen less 20 px). */
    static final double SCREEN_MIN = 20;
    static final double SCREEN_MAX = 580;
    /** Coming this close to the end (px) is a success. */
    static final double SUCCESS_RADIUS = 15;
    /** Straying farther than this from the line (px) is a failure; also the distance feature's scale. */
    static final double CORRIDOR = 30;
    /** Position features are divided by this (px). */
    static final double POSITION_SCALE = 100;

    double length() {
        return Math.hypot(endX - startX, endY - startY);
    }

    /** This line moved by {@code distance} px along its left normal. */
    PixelLine shiftedLeft(double distance) {
        double nx = -(endY - startY) / length();
        double ny = (endX - startX) / length();
        return new PixelLine(startX + distance * nx, startY + distance * ny,
                endX + distance * nx, endY + distance * ny);
    }

    /** A start drawn uniformly from the disc of radius {@code spread} around the line's start. */
    double[] startNear(SplittableRandom random, double spread) {
        double r = spread * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        return new double[] {startX + r * Math.cos(angle), startY + r * Math.sin(angle)};
    }

    double distanceToLine(double x, double y) {
        double dx = endX - startX;
        double dy = endY - startY;
        return Math.abs(dx * (y - startY) - dy * (x - startX)) / length();
    }

    double distanceToEnd(double x, double y) {
        return Math.hypot(endX - x, endY - y);
    }

    /** The way still to go (px): to the nearest point of the segment, then along it to the end. */
    double remainingPath(double x, double y) {
        double t = clampedParameter(x, y);
        double px = startX + t * (endX - startX);
        double py = startY + t * (endY - startY);
        return Math.hypot(px - x, py - y) + (1 - t) * length();
    }

    /** Whether a ball at (x, y) has failed: farther than {@link #CORRIDOR} from the line. */
    boolean strayed(double x, double y) {
        return distanceToLine(x, y) > CORRIDOR;
    }

    boolean reached(double x, double y) {
        return distanceToEnd(x, y) < SUCCESS_RADIUS;
    }

    /**
     * The repository's teacher ({@code control_policy}): {@code speed} times the unit vector towards
     * the point of the segment at distance {@code lookAhead} that lies closest to the end; towards the
     * end itself once it is that close; towards the nearest segment point if the circle misses it.
     */
    double[] teach(double x, double y, double lookAhead, double speed) {
        double[] target = lookAheadTarget(x, y, lookAhead);
        double dx = target[0] - x;
        double dy = target[1] - y;
        double norm = Math.hypot(dx, dy);
        return norm == 0 ? new double[2] : new double[] {speed * dx / norm, speed * dy / norm};
    }

    private double[] lookAheadTarget(double x, double y, double radius) {
        if (distanceToEnd(x, y) <= radius) {
            return new double[] {endX, endY};
        }
        double dx = endX - startX;
        double dy = endY - startY;
        double fx = startX - x;
        double fy = startY - y;
        double a = dx * dx + dy * dy;
        double b = 2 * (fx * dx + fy * dy);
        double c = fx * fx + fy * fy - radius * radius;
        double discriminant = b * b - 4 * a * c;
        // the larger root is the intersection nearer the end
        double t = discriminant < 0 ? Double.NaN : (-b + Math.sqrt(discriminant)) / (2 * a);
        if (!(t >= 0 && t <= 1)) {
            double lower = discriminant < 0 ? Double.NaN : (-b - Math.sqrt(discriminant)) / (2 * a);
            t = lower >= 0 && lower <= 1 ? lower : clampedParameter(x, y);
        }
        return new double[] {startX + t * dx, startY + t * dy};
    }

    private double clampedParameter(double x, double y) {
        double dx = endX - startX;
        double dy = endY - startY;
        double t = ((x - startX) * dx + (y - startY) * dy) / (dx * dx + dy * dy);
        return Math.max(0, Math.min(1, t));
    }

    /** The largest distance to the line of any point on the screen (bounds the distance feature). */
    double farthestOnScreen() {
        double far = 0;
        for (double x : new double[] {SCREEN_MIN, SCREEN_MAX}) {
            for (double y : new double[] {SCREEN_MIN, SCREEN_MAX}) {
                far = Math.max(far, distanceToLine(x, y));
            }
        }
        return far;
    }

    /** The corridor, the line, its start and the goal circle. */
    List<Shape> shapes() {
        double nx = -(endY - startY) / length() * CORRIDOR;
        double ny = (endX - startX) / length() * CORRIDOR;
        Polygon corridor = new Polygon(List.of(new Point(startX - nx, startY - ny), new Point(endX - nx, endY - ny),
                new Point(endX + nx, endY + ny), new Point(startX + nx, startY + ny)), Tone.WALL, false);
        return List.of(corridor,
                new Segment(new Point(startX, startY), new Point(endX, endY), Tone.PATH),
                new Circle(new Point(startX, startY), 4, Tone.PATH, false),
                new Circle(new Point(endX, endY), SUCCESS_RADIUS, Tone.GOAL, false));
    }

    /** Whether both ends lie within the screen. */
    boolean onScreen() {
        return onScreen(startX) && onScreen(startY) && onScreen(endX) && onScreen(endY);
    }

    /**
     * Adds the checks every line-following configuration needs beyond the coordinates' ranges: starts
     * that are not already successes, and a teacher that reaches the end within the step limit.
     */
    void check(Checks checks, String lengthField, int maxSteps, double pixelsPerAction, double startSpread,
               double teacherSpeed) {
        double shortest = SUCCESS_RADIUS + startSpread;
        checks.require(lengthField, length() > shortest, "makes the line " + length() + " px long, but it must be"
                + " longer than the success radius plus startSpread, " + shortest);
        double needed = Math.ceil((length() + startSpread - SUCCESS_RADIUS) / (teacherSpeed * pixelsPerAction));
        boolean meaningful = maxSteps >= 1 && pixelsPerAction > 0 && teacherSpeed > 0;
        checks.require("maxSteps", !meaningful || maxSteps >= needed, "is too small for the teacher to reach the"
                + " end of the line: it needs about " + (long) needed + " steps but maxSteps is " + maxSteps);
    }

    static double clampToScreen(double value) {
        return Math.max(SCREEN_MIN, Math.min(SCREEN_MAX, value));
    }

    static boolean onScreen(double value) {
        return value >= SCREEN_MIN && value <= SCREEN_MAX;
    }
}
