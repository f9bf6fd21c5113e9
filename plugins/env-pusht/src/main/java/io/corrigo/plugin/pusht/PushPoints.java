package io.corrigo.plugin.pusht;

import java.util.ArrayList;
import java.util.List;

/**
 * The teacher's fixed geometry in the block's local frame (pixels): candidate push points on the T's
 * boundary with their inward normals and pre-contact points, and a ring of waypoints around the T
 * (its corners pushed out diagonally) that routes the agent around the block without touching it.
 * Visibility between waypoints and pre-contact points is computed once, for a clearance of
 * {@link #CLEARANCE} from the T.
 */
final class PushPoints {

    /** Distance from the T that a travelling agent's centre keeps: its radius plus a margin. */
    static final double CLEARANCE = PushTWorld.AGENT_RADIUS + 3;
    /** Distance of a pre-contact point from its face. */
    static final double STANDOFF = PushTWorld.AGENT_RADIUS + 4;
    private static final double WAYPOINT_OFFSET = CLEARANCE + 3;

    /** Candidate push points: {@code {x, y, nx, ny}} with {@code n} the inward normal. */
    static final double[][] POINTS = points();
    /** Waypoints around the T, in ring order. */
    static final double[][] WAYPOINTS = waypoints();
    /** For each push point, its twist factor {@code (r × n) / I} with {@code r} from the centre of gravity. */
    static final double[] SPIN = spins();
    /** Whether two waypoints see each other. */
    static final boolean[][] WAYPOINT_SEES_WAYPOINT = waypointVisibility();
    /** Whether a push point's pre-contact point sees a waypoint. */
    static final boolean[][] POINT_SEES_WAYPOINT = pointVisibility();

    private PushPoints() {
    }

    /** Local x of the pre-contact point of push point {@code i}. */
    static double approachX(int i) {
        return POINTS[i][0] - POINTS[i][2] * STANDOFF;
    }

    /** Local y of the pre-contact point of push point {@code i}. */
    static double approachY(int i) {
        return POINTS[i][1] - POINTS[i][3] * STANDOFF;
    }

    /** Whether the local segment keeps the travelling clearance from the T. */
    static boolean clear(double ax, double ay, double bx, double by) {
        return TBlock.segmentDistance(ax, ay, bx, by) >= CLEARANCE;
    }

    private static double[][] points() {
        List<double[]> p = new ArrayList<>();
        for (int x = -55; x <= 55; x += 10) {
            p.add(new double[] {x, 0, 0, 1});
        }
        for (int y = 5; y <= 25; y += 10) {
            p.add(new double[] {60, y, -1, 0});
            p.add(new double[] {-60, y, 1, 0});
        }
        for (int x = 35; x <= 55; x += 10) {
            p.add(new double[] {x, 30, 0, -1});
            p.add(new double[] {-x, 30, 0, -1});
        }
        for (int y = 50; y <= 110; y += 15) {
            p.add(new double[] {15, y, -1, 0});
            p.add(new double[] {-15, y, 1, 0});
        }
        for (int x = -10; x <= 10; x += 10) {
            p.add(new double[] {x, 120, 0, -1});
        }
        return p.toArray(double[][]::new);
    }

    private static double[][] waypoints() {
        double d = WAYPOINT_OFFSET;
        return new double[][] {
            {-60 - d, -d}, {60 + d, -d}, {60 + d, 30 + d}, {15 + d, 30 + d},
            {15 + d, 120 + d}, {-15 - d, 120 + d}, {-15 - d, 30 + d}, {-60 - d, 30 + d}};
    }

    private static double[] spins() {
        double[] s = new double[POINTS.length];
        for (int i = 0; i < s.length; i++) {
            double rx = POINTS[i][0];
            double ry = POINTS[i][1] - TBlock.COG_Y;
            s[i] = (rx * POINTS[i][3] - ry * POINTS[i][2]) / TBlock.INERTIA;
        }
        return s;
    }

    private static boolean[][] waypointVisibility() {
        int n = WAYPOINTS.length;
        boolean[][] v = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = clear(WAYPOINTS[i][0], WAYPOINTS[i][1], WAYPOINTS[j][0], WAYPOINTS[j][1]);
            }
        }
        return v;
    }

    private static boolean[][] pointVisibility() {
        boolean[][] v = new boolean[POINTS.length][WAYPOINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            for (int j = 0; j < WAYPOINTS.length; j++) {
                v[i][j] = clear(approachX(i), approachY(i), WAYPOINTS[j][0], WAYPOINTS[j][1]);
            }
        }
        return v;
    }
}
