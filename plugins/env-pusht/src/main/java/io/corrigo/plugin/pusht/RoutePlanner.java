package io.corrigo.plugin.pusht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shortest routes in the block's local frame from the agent to the pre-contact points of
 * {@link PushPoints}, around the T through its ring of waypoints (a visibility graph, Lozano-Pérez
 * and Wesley 1979). Waypoints the agent cannot reach (outside the workspace) are left out per query.
 * Besides the shortest route, it finds the best route that passes the T on the other side, so that
 * a teacher can follow the robot's choice when both are about as short (CLIC's Push-T teacher does).
 * Holds scratch state for one query at a time.
 */
final class RoutePlanner {

    /** An alternative route counts as equally good within this factor and margin (px) of the shortest. */
    private static final double TIE_FACTOR = 1.1;
    private static final double TIE_MARGIN = 20;
    private static final double UNREACHABLE = Double.POSITIVE_INFINITY;
    private static final double[][] RING = PushPoints.WAYPOINTS;
    private static final int W = RING.length;

    private final double[][] between = new double[W][W];
    private final int[][] next = new int[W][W];
    private final double[] direct = new double[W];
    private final double[] fromAgent = new double[W];
    private final int[] firstHop = new int[W];
    private final boolean[] usable = new boolean[W];
    private double agentX;
    private double agentY;

    /** Prepares routes from the agent at local {@code (x, y)}, using only the usable waypoints. */
    void plan(double x, double y, boolean[] usableWaypoints) {
        agentX = x;
        agentY = y;
        System.arraycopy(usableWaypoints, 0, usable, 0, W);
        for (int i = 0; i < W; i++) {
            for (int j = 0; j < W; j++) {
                boolean edge = usable[i] && usable[j] && PushPoints.WAYPOINT_SEES_WAYPOINT[i][j];
                between[i][j] = i == j ? 0 : edge ? length(RING[i], RING[j]) : UNREACHABLE;
                next[i][j] = j;
            }
        }
        for (int k = 0; k < W; k++) {
            for (int i = 0; i < W; i++) {
                for (int j = 0; j < W; j++) {
                    if (between[i][k] + between[k][j] < between[i][j]) {
                        between[i][j] = between[i][k] + between[k][j];
                        next[i][j] = next[i][k];
                    }
                }
            }
        }
        for (int i = 0; i < W; i++) {
            direct[i] = usable[i] && PushPoints.clear(x, y, RING[i][0], RING[i][1])
                    ? Math.hypot(RING[i][0] - x, RING[i][1] - y) : UNREACHABLE;
        }
        Arrays.fill(fromAgent, UNREACHABLE);
        for (int j = 0; j < W; j++) {
            for (int i = 0; i < W; i++) {
                if (direct[i] + between[i][j] < fromAgent[j]) {
                    fromAgent[j] = direct[i] + between[i][j];
                    firstHop[j] = i;
                }
            }
        }
    }

    /** Route length to the pre-contact point of push point {@code p}; infinite if there is none. */
    double distance(int p) {
        double qx = PushPoints.approachX(p);
        double qy = PushPoints.approachY(p);
        if (PushPoints.clear(agentX, agentY, qx, qy)) {
            return Math.hypot(qx - agentX, qy - agentY);
        }
        int last = lastWaypoint(p);
        return last < 0 ? UNREACHABLE : fromAgent[last] + length(RING[last], new double[] {qx, qy});
    }

    /**
     * The farthest vertex of the shortest route to push point {@code p} that the agent sees directly,
     * as local {@code {x, y}}. Requires a finite {@link #distance}.
     */
    double[] aim(int p) {
        return farthestInSight(shortestRoute(p));
    }

    /**
     * Where to head on the best route to push point {@code p} that passes the T on the other side than
     * the shortest one, if it is about as short. Requires a finite {@link #distance}.
     */
    Optional<double[]> alternativeAim(int p) {
        List<double[]> shortest = shortestRoute(p);
        double limit = TIE_FACTOR * distance(p) + TIE_MARGIN;
        double side = Math.signum(swept(shortest));
        double[] q = {PushPoints.approachX(p), PushPoints.approachY(p)};
        List<double[]> best = null;
        double bestLength = limit;
        for (int i = 0; i < W; i++) {
            for (int j = 0; j < W && direct[i] < limit; j++) {
                if (!usable[j] || !PushPoints.POINT_SEES_WAYPOINT[p][j]) {
                    continue;
                }
                for (int step = -1; step <= 1; step += 2) {
                    List<double[]> route = ringRoute(i, j, step, q);
                    double length = route == null ? UNREACHABLE : length(route);
                    if (length < bestLength && Math.signum(swept(route)) == -side) {
                        bestLength = length;
                        best = route;
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(this::farthestInSight);
    }

    /** Agent, waypoints along the ring from {@code i} to {@code j} in direction {@code step}, then q. */
    private List<double[]> ringRoute(int i, int j, int step, double[] q) {
        List<double[]> route = new ArrayList<>(List.of(new double[] {agentX, agentY}));
        for (int k = i; ; k = Math.floorMod(k + step, W)) {
            if (!usable[k]) {
                return null;
            }
            route.add(RING[k]);
            if (k == j) {
                break;
            }
        }
        route.add(q);
        return route;
    }

    private List<double[]> shortestRoute(int p) {
        double[] q = {PushPoints.approachX(p), PushPoints.approachY(p)};
        List<double[]> route = new ArrayList<>(List.of(new double[] {agentX, agentY}));
        if (!PushPoints.clear(agentX, agentY, q[0], q[1])) {
            int last = lastWaypoint(p);
            int hop = firstHop[last];
            route.add(RING[hop]);
            while (hop != last) {
                hop = next[hop][last];
                route.add(RING[hop]);
            }
        }
        route.add(q);
        return route;
    }

    /** The last vertex of the route (after the agent) that the agent sees directly, copied. */
    private double[] farthestInSight(List<double[]> route) {
        for (int k = route.size() - 1; k > 1; k--) {
            double[] v = route.get(k);
            if (PushPoints.clear(agentX, agentY, v[0], v[1])) {
                return v.clone();
            }
        }
        return route.get(1).clone();
    }

    /** The waypoint through which the shortest route reaches push point {@code p}, or −1. */
    private int lastWaypoint(int p) {
        double[] q = {PushPoints.approachX(p), PushPoints.approachY(p)};
        int best = -1;
        double bestLength = UNREACHABLE;
        for (int j = 0; j < W; j++) {
            if (PushPoints.POINT_SEES_WAYPOINT[p][j]) {
                double length = fromAgent[j] + length(RING[j], q);
                if (length < bestLength) {
                    bestLength = length;
                    best = j;
                }
            }
        }
        return best;
    }

    /** The signed angle the route sweeps around the centre of gravity (counter-clockwise positive). */
    private static double swept(List<double[]> route) {
        double sum = 0;
        for (int k = 1; k < route.size(); k++) {
            double[] a = route.get(k - 1);
            double[] b = route.get(k);
            sum += Pose.wrap(Math.atan2(b[1] - TBlock.COG_Y, b[0]) - Math.atan2(a[1] - TBlock.COG_Y, a[0]));
        }
        return sum;
    }

    private static double length(List<double[]> route) {
        double sum = 0;
        for (int k = 1; k < route.size(); k++) {
            sum += length(route.get(k - 1), route.get(k));
        }
        return sum;
    }

    private static double length(double[] a, double[] b) {
        return Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
}
