package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of the two-route obstacle task. The arena is {@code [-1, 1]²}, the obstacle disc is
 * centred at the origin, the goal is {@code (0, 0.8)} and starts are centred at {@code (0, -0.8)}.
 *
 * @param maxSteps       control steps before the episode is truncated; default 100
 * @param stepSize       displacement per step at unit speed (arena units); in (0, 0.25] so that the
 *                       expert's proportional approach (gain 4) never overshoots; default 0.05
 * @param obstacleRadius radius of the obstacle disc (arena units); below 0.45, where the expert's
 *                       waypoints sit; default 0.3
 * @param goalTolerance  distance to the goal that counts as reaching it (arena units); in (0, 0.2];
 *                       default 0.05
 * @param startXSpread   half-width of the uniform start interval in x around 0; in [0, 0.4];
 *                       default 0.2
 * @param startYSpread   half-width of the uniform start interval in y around -0.8; in [0, 0.15];
 *                       default 0.1
 * @param expertRoute    which way the teacher goes round: {@code nearer} (the side of the start, and
 *                       the robot's side once it has clearly crossed; default) or {@code farther}
 *                       (the worse mode: always the other side of the start, crossing in front of
 *                       the disc — a longer route, 43.6 instead of 42.2 steps, and demonstrations
 *                       whose mode contradicts the start)
 */
public record TwoRouteConfig(int maxSteps, double stepSize, double obstacleRadius, double goalTolerance,
                             double startXSpread, double startYSpread, Route expertRoute) {

    /** The teacher's choice of side. */
    public enum Route { NEARER, FARTHER, RANDOM }

    /** The values of baselines.md §6. */
    public static final TwoRouteConfig DEFAULTS = new TwoRouteConfig(100, 0.05, 0.3, 0.05, 0.2, 0.1, Route.NEARER);

    /** A configuration with the default (nearer) teacher. */
    public TwoRouteConfig(int maxSteps, double stepSize, double obstacleRadius, double goalTolerance,
                          double startXSpread, double startYSpread) {
        this(maxSteps, stepSize, obstacleRadius, goalTolerance, startXSpread, startYSpread, Route.NEARER);
    }

    public TwoRouteConfig {
        new Checks()
                .atLeast("maxSteps", maxSteps, 1)
                .positive("stepSize", stepSize)
                .require("stepSize", !(stepSize > 0.25), "must be <= 0.25 but was " + stepSize)
                .positive("obstacleRadius", obstacleRadius)
                .require("obstacleRadius", !(obstacleRadius >= 0.45),
                        "must be < 0.45 (the expert's waypoints) but was " + obstacleRadius)
                .positive("goalTolerance", goalTolerance)
                .require("goalTolerance", !(goalTolerance > 0.2), "must be <= 0.2 but was " + goalTolerance)
                .inRange("startXSpread", startXSpread, 0, 0.4)
                .inRange("startYSpread", startYSpread, 0, 0.15)
                .present("expertRoute", expertRoute)
                .verify();
    }
}
