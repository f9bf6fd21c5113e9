package io.corrigo.plugin.pusht;

import java.util.Optional;

/**
 * The scripted pusher: a greedy planner for quasi-static pushing with frictionless point contacts
 * (the mechanics of Mason, "Mechanics and planning of manipulator pushing operations", IJRR 1986,
 * without friction). A push at a boundary point {@code c} with inward normal {@code n} moves the block
 * along the twist {@code (n, (r × n)/I)}, {@code r = c − centre of gravity}. Each candidate push point is scored by how
 * much of the pose error {@code |Δcog|² + (60 px·Δθ)²} one push along that twist removes, discounted by
 * the length of the route to reach it. The teacher keeps its push point until another is clearly
 * better, routes the agent around the T to the pre-contact point, pushes by the amount that minimises
 * the error along the twist, backs out of the T before travelling, and bans a push point for a while
 * when the error stalls under it.
 *
 * <p>Motion is planned with {@link AgentDynamics}: each step the target is the one that would stop the
 * agent at the aim point two steps later, which aims ahead by exactly the PD lag. While travelling, if
 * the route around the other side of the T is about as short, the decision carries its target too,
 * and the environment returns whichever is closer to the robot's proposal (CLIC's teacher follows the
 * robot's mode the same way). The decision for a step is made once and cached, so asking twice with
 * one proposal in one state gives one answer; the memory is part of the environment's snapshots.
 */
final class PushTTeacher {

    /** Pixels of position error worth one radian of angle error. */
    static final double ANGLE_WEIGHT = 60;
    private static final double ROUTE_SCALE = 150;
    private static final double KEEP = 0.5;
    private static final double MAX_TRAVEL = 80;
    private static final double MAX_PUSH = 25;
    private static final int STALL_STEPS = 15;
    private static final int BAN_STEPS = 30;
    private static final double WORKSPACE = 512;

    /**
     * PD targets in pixels: the teacher's, and the one of an equally good route around the other side
     * of the T if there is one.
     */
    record Decision(double x, double y, Optional<Decision> alternative) {
    }

    /** What the teacher remembers between steps, and its decision for {@code step}. */
    record Memory(int step, int current, double angleError, double bestError, int sinceImprovement,
                  int banned, int bannedUntil, Decision decision) {
        static final Memory NONE = new Memory(-1, -1, Double.NaN, Double.POSITIVE_INFINITY, 0, -1, -1,
                new Decision(0, 0, Optional.empty()));
    }

    private final PushTWorld world;
    private final Pose goal;
    private final RoutePlanner routes = new RoutePlanner();
    private final boolean[] usable = new boolean[PushPoints.WAYPOINTS.length];
    private Memory memory = Memory.NONE;

    PushTTeacher(PushTWorld world, Pose goal) {
        this.world = world;
        this.goal = goal;
    }

    Memory memory() {
        return memory;
    }

    void restore(Memory saved) {
        memory = saved;
    }

    /** The teacher's decision at control step {@code step}. */
    Decision decision(int step) {
        if (memory.step() != step) {
            memory = decide(step);
        }
        return memory.decision();
    }

    private Memory decide(int step) {
        Frame f = new Frame(world.blockPose(), goal, memory.angleError(), world.agentX(), world.agentY());
        double error = Math.hypot(f.errorX, f.errorY) + ANGLE_WEIGHT * Math.abs(f.angleError);
        int since = error < 0.98 * memory.bestError() ? 0 : memory.sinceImprovement() + 1;
        double bestError = since == 0 ? error : memory.bestError();
        int banned = memory.banned();
        int bannedUntil = memory.bannedUntil();
        if (since >= STALL_STEPS) {
            banned = memory.current();
            bannedUntil = step + BAN_STEPS;
            since = 0;
            bestError = error;
        }
        int excluded = step < bannedUntil ? banned : -1;
        int current = select(f, excluded);
        double[] aim = current < 0 ? new double[] {f.agentX, f.agentY} : aim(f, current);
        Optional<Decision> alternative = current < 0 || !travelling(f, current) ? Optional.empty()
                : routes.alternativeAim(current).map(a -> stopAt(f, capped(f, a), Optional.empty()));
        Decision decision = stopAt(f, aim, alternative);
        return new Memory(step, current, f.angleError, bestError, since, banned, bannedUntil, decision);
    }

    /** The targets that stop the agent at the local aim point two steps from now. */
    private Decision stopAt(Frame f, double[] aim, Optional<Decision> alternative) {
        double x = AgentDynamics.stopTarget(world.agentX(), world.agentVx(), f.block.worldX(aim[0], aim[1]));
        double y = AgentDynamics.stopTarget(world.agentY(), world.agentVy(), f.block.worldY(aim[0], aim[1]));
        return new Decision(x, y, alternative);
    }

    /** Whether the agent is on its way to push point {@code p} (neither pushing nor backing out). */
    private static boolean travelling(Frame f, int p) {
        return !inPosition(f, p) && TBlock.distance(f.agentX, f.agentY) >= PushPoints.CLEARANCE;
    }

    /** Keeps the current push point unless it became much worse than the best; −1 if none helps. */
    private int select(Frame f, int excluded) {
        for (int j = 0; j < usable.length; j++) {
            double[] w = PushPoints.WAYPOINTS[j];
            usable[j] = inWorkspace(f.block.worldX(w[0], w[1]), f.block.worldY(w[0], w[1]));
        }
        double clearance = TBlock.distance(f.agentX, f.agentY);
        double[] start = clearance < PushPoints.CLEARANCE ? backOut(f, clearance) : new double[] {f.agentX, f.agentY};
        double detour = Math.hypot(start[0] - f.agentX, start[1] - f.agentY);
        routes.plan(start[0], start[1], usable);
        int best = -1;
        double bestScore = 0;
        double currentScore = 0;
        for (int p = 0; p < PushPoints.POINTS.length; p++) {
            double score = score(f, p, detour);
            if (p == memory.current()) {
                currentScore = score;
            }
            if (p != excluded && score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        boolean keep = memory.current() >= 0 && memory.current() != excluded && currentScore > 0
                && currentScore >= KEEP * bestScore;
        return keep ? memory.current() : best;
    }

    private double score(Frame f, int p, double detour) {
        double reduction = reduction(f, p);
        if (reduction <= 0) {
            return 0;
        }
        double qx = PushPoints.approachX(p);
        double qy = PushPoints.approachY(p);
        if (!inWorkspace(f.block.worldX(qx, qy), f.block.worldY(qx, qy))) {
            return 0;
        }
        double route = inPosition(f, p) ? 0 : detour + routes.distance(p);
        return Double.isInfinite(route) ? 0 : reduction / (1 + route / ROUTE_SCALE);
    }

    /** How much of the squared pose error one optimal push at point {@code p} removes (px²). */
    private static double reduction(Frame f, int p) {
        double slope = slope(f, p);
        double spin = PushPoints.SPIN[p];
        return slope <= 0 ? 0 : slope * slope / (1 + ANGLE_WEIGHT * ANGLE_WEIGHT * spin * spin);
    }

    /** Minus half the derivative of the squared error along the push twist at point {@code p}. */
    private static double slope(Frame f, int p) {
        double[] c = PushPoints.POINTS[p];
        return f.localErrorX * c[2] + f.localErrorY * c[3]
                + ANGLE_WEIGHT * ANGLE_WEIGHT * f.angleError * PushPoints.SPIN[p];
    }

    /** Where the agent should be in two steps, in the block's local frame. */
    private double[] aim(Frame f, int p) {
        double[] c = PushPoints.POINTS[p];
        if (inPosition(f, p)) {
            double spin = PushPoints.SPIN[p];
            double impulse = slope(f, p) / (1 + ANGLE_WEIGHT * ANGLE_WEIGHT * spin * spin);
            double contactMove = impulse * (1 + TBlock.INERTIA * spin * spin);
            double depth = Math.max(0, Math.min(MAX_PUSH, contactMove));
            double standoff = PushTWorld.AGENT_RADIUS - depth;
            return new double[] {c[0] - c[2] * standoff, c[1] - c[3] * standoff};
        }
        double clearance = TBlock.distance(f.agentX, f.agentY);
        if (clearance < PushPoints.CLEARANCE) {
            return backOut(f, clearance);
        }
        double[] via = routes.aim(p);
        return capped(f, via);
    }

    /**
     * Away from the nearest point of the T (from the centre of gravity if inside it), repeated so that
     * an agent in one of the T's inner corners leaves along their bisector.
     */
    private static double[] backOut(Frame f, double clearance) {
        double x = f.agentX;
        double y = f.agentY;
        double d = clearance;
        for (int i = 0; i < 4 && d < PushPoints.CLEARANCE + 2; i++) {
            double dx;
            double dy;
            if (d > 1e-9) {
                double[] near = nearestPoint(x, y);
                dx = (x - near[0]) / d;
                dy = (y - near[1]) / d;
            } else {
                double len = Math.max(1e-9, Math.hypot(x, y - TBlock.COG_Y));
                dx = x / len;
                dy = (y - TBlock.COG_Y) / len;
            }
            double out = PushPoints.CLEARANCE + 4 - d;
            x += dx * out;
            y += dy * out;
            d = TBlock.distance(x, y);
        }
        return new double[] {x, y};
    }

    private static double[] capped(Frame f, double[] via) {
        double dx = via[0] - f.agentX;
        double dy = via[1] - f.agentY;
        double len = Math.hypot(dx, dy);
        if (len <= MAX_TRAVEL) {
            return via;
        }
        return new double[] {f.agentX + dx * MAX_TRAVEL / len, f.agentY + dy * MAX_TRAVEL / len};
    }

    /** Whether the agent sits at push point {@code p}: in front of it, touching or about to. */
    private static boolean inPosition(Frame f, int p) {
        double[] c = PushPoints.POINTS[p];
        double rx = f.agentX - c[0];
        double ry = f.agentY - c[1];
        double out = -(rx * c[2] + ry * c[3]);
        double along = -rx * c[3] + ry * c[2];
        return out >= PushTWorld.AGENT_RADIUS - 6 && out <= PushPoints.STANDOFF + 2 && Math.abs(along) <= 6;
    }

    private static double[] nearestPoint(double x, double y) {
        double[] best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double[] r : TBlock.PARTS) {
            double nx = Math.max(r[0], Math.min(r[2], x));
            double ny = Math.max(r[1], Math.min(r[3], y));
            double d = Math.hypot(x - nx, y - ny);
            if (d < bestDistance) {
                bestDistance = d;
                best = new double[] {nx, ny};
            }
        }
        return best;
    }

    private static boolean inWorkspace(double x, double y) {
        return x >= 0 && x <= WORKSPACE && y >= 0 && y <= WORKSPACE;
    }

    /** The state seen from the block: errors and the agent in its local frame. */
    private static final class Frame {
        final Pose block;
        final double errorX;
        final double errorY;
        final double angleError;
        final double localErrorX;
        final double localErrorY;
        final double agentX;
        final double agentY;

        Frame(Pose block, Pose goal, double previousAngleError, double worldAgentX, double worldAgentY) {
            this.block = block;
            errorX = goal.worldX(0, TBlock.COG_Y) - block.worldX(0, TBlock.COG_Y);
            errorY = goal.worldY(0, TBlock.COG_Y) - block.worldY(0, TBlock.COG_Y);
            double raw = Pose.wrap(goal.angle() - block.angle());
            double unwrapped = Double.isNaN(previousAngleError) ? raw
                    : previousAngleError + Pose.wrap(raw - previousAngleError);
            angleError = Math.abs(unwrapped) > 1.25 * Math.PI ? raw : unwrapped;
            double c = Math.cos(block.angle());
            double s = Math.sin(block.angle());
            localErrorX = c * errorX + s * errorY;
            localErrorY = -s * errorX + c * errorY;
            double ax = worldAgentX - block.x();
            double ay = worldAgentY - block.y();
            agentX = c * ax + s * ay;
            agentY = -s * ax + c * ay;
        }
    }
}
