package io.corrigo.plugin.pusht;

import java.util.Arrays;
import org.dyn4j.dynamics.Body;
import org.dyn4j.dynamics.ContinuousDetectionMode;
import org.dyn4j.dynamics.Settings;
import org.dyn4j.geometry.Geometry;
import org.dyn4j.geometry.Mass;
import org.dyn4j.geometry.MassType;
import org.dyn4j.geometry.Rectangle;
import org.dyn4j.geometry.Transform;
import org.dyn4j.geometry.Vector2;
import org.dyn4j.world.World;

/**
 * The Push-T physics of gym-pusht (baselines.md §5.1–5.2, §5.6) on dyn4j: 1 m = 100 px, 100 Hz
 * substeps, no gravity, frictionless and inelastic contacts. The agent is a kinematic disc (infinite
 * mass) driven by a PD law towards the commanded target (kp = 100, kv = 20, critically damped); walls
 * do not stop it, since dyn4j ignores contacts between bodies of infinite mass. The block is
 * quasi-static: its velocity is zeroed before every substep, so it moves only while pushed, exactly as
 * pymunk's space damping 0 does. The four walls keep gym-pusht's inner faces (7 and 504 px) and are
 * thick outwards so a block squeezed against them cannot tunnel through.
 *
 * <p>dyn4j keeps history in its contact caches (warm starts, the order of collision pairs). To make
 * the dynamics a function of the body states alone, {@link #seat(State)} builds a fresh world;
 * reset, snapshot and restore all seat the world.
 */
final class PushTWorld {

    static final double PIXELS_PER_METRE = 100;
    static final double TIME_STEP = 0.01;
    static final int SUBSTEPS = 10;
    static final double POSITION_GAIN = 100;
    static final double VELOCITY_GAIN = 20;
    static final double AGENT_RADIUS = 15;
    /** Inner faces of the walls, in pixels. */
    static final double WALL_LOW = 7;
    static final double WALL_HIGH = 504;
    private static final double WALL_THICKNESS = 50;

    private World<Body> world;
    private Body agent;
    private Body block;

    PushTWorld(State state) {
        seat(state);
    }

    /** Rebuilds the world with the bodies in {@code state}. */
    void seat(State state) {
        world = new World<>();
        Settings settings = world.getSettings();
        settings.setStepFrequency(TIME_STEP);
        settings.setAtRestDetectionEnabled(false);
        settings.setContinuousDetectionMode(ContinuousDetectionMode.NONE);
        settings.setLinearTolerance(0.1 / PIXELS_PER_METRE);
        settings.setVelocityConstraintSolverIterations(10);
        world.setGravity(0, 0);
        addWalls();
        agent = new Body();
        agent.addFixture(Geometry.createCircle(AGENT_RADIUS / PIXELS_PER_METRE), 1, 0, 0);
        agent.setMass(MassType.INFINITE);
        world.addBody(agent);
        block = new Body();
        for (double[] part : TBlock.PARTS) {
            block.addFixture(box(part[0], part[1], part[2], part[3]), 1, 0, 0);
        }
        block.setMass(new Mass(new Vector2(0, TBlock.COG_Y / PIXELS_PER_METRE), TBlock.MASS,
                TBlock.INERTIA / (PIXELS_PER_METRE * PIXELS_PER_METRE)));
        block.setLinearDamping(0);
        block.setAngularDamping(0);
        world.addBody(block);
        agent.getTransform().set(state.agent());
        agent.setLinearVelocity(state.agentVx(), state.agentVy());
        block.getTransform().set(state.block());
    }

    /** The exact body states. */
    State state() {
        Vector2 v = agent.getLinearVelocity();
        return new State(agent.getTransform(), v.x, v.y, block.getTransform());
    }

    /** One control step: {@link #SUBSTEPS} substeps of the PD law towards the target (pixels). */
    void advance(double targetX, double targetY) {
        double tx = targetX / PIXELS_PER_METRE;
        double ty = targetY / PIXELS_PER_METRE;
        for (int k = 0; k < SUBSTEPS; k++) {
            Transform p = agent.getTransform();
            Vector2 v = agent.getLinearVelocity();
            double vx = v.x + TIME_STEP * (POSITION_GAIN * (tx - p.getTranslationX()) - VELOCITY_GAIN * v.x);
            double vy = v.y + TIME_STEP * (POSITION_GAIN * (ty - p.getTranslationY()) - VELOCITY_GAIN * v.y);
            agent.setLinearVelocity(vx, vy);
            block.setLinearVelocity(0, 0);
            block.setAngularVelocity(0);
            world.step(1);
        }
    }

    /** Substeps with the agent held still, letting the walls push an overlapping block out. */
    void settle(int substeps) {
        agent.setLinearVelocity(0, 0);
        for (int k = 0; k < substeps; k++) {
            block.setLinearVelocity(0, 0);
            block.setAngularVelocity(0);
            world.step(1);
        }
    }

    /** The block's pose in pixels. */
    Pose blockPose() {
        Transform t = block.getTransform();
        return new Pose(t.getTranslationX() * PIXELS_PER_METRE, t.getTranslationY() * PIXELS_PER_METRE,
                Math.atan2(t.getSint(), t.getCost()));
    }

    double agentX() {
        return agent.getTransform().getTranslationX() * PIXELS_PER_METRE;
    }

    double agentY() {
        return agent.getTransform().getTranslationY() * PIXELS_PER_METRE;
    }

    /** Agent velocity, pixels per second. */
    double agentVx() {
        return agent.getLinearVelocity().x * PIXELS_PER_METRE;
    }

    double agentVy() {
        return agent.getLinearVelocity().y * PIXELS_PER_METRE;
    }

    private void addWalls() {
        double lo = WALL_LOW;
        double hi = WALL_HIGH;
        double w = WALL_THICKNESS;
        double[][] walls = {{lo - w, lo - w, lo, hi + w}, {hi, lo - w, hi + w, hi + w},
            {lo, lo - w, hi, lo}, {lo, hi, hi, hi + w}};
        for (double[] wall : walls) {
            Body body = new Body();
            body.addFixture(box(wall[0], wall[1], wall[2], wall[3]), 1, 0, 0);
            body.setMass(MassType.INFINITE);
            world.addBody(body);
        }
    }

    /** An axis-aligned rectangle fixture from pixel bounds. */
    private static Rectangle box(double minX, double minY, double maxX, double maxY) {
        double m = PIXELS_PER_METRE;
        Rectangle r = Geometry.createRectangle((maxX - minX) / m, (maxY - minY) / m);
        r.translate((minX + maxX) / 2 / m, (minY + maxY) / 2 / m);
        return r;
    }

    /**
     * The exact state of the Push-T bodies as dyn4j holds it: the agent's and the block's transforms
     * (metres, rotation as the cosine/sine pair dyn4j integrates) and the agent's velocity (m/s). The
     * block needs no velocity: it is zeroed before every substep. Immutable; transforms are copied in
     * and out.
     */
    static final class State {

        private final Transform agent;
        private final double agentVx;
        private final double agentVy;
        private final Transform block;

        State(Transform agent, double agentVx, double agentVy, Transform block) {
            this.agent = agent.copy();
            this.agentVx = agentVx;
            this.agentVy = agentVy;
            this.block = block.copy();
        }

        /** The agent at rest at {@code (x, y)} pixels and the block at {@code pose}. */
        static State of(double x, double y, Pose pose) {
            double m = PIXELS_PER_METRE;
            Transform agent = new Transform();
            agent.setTranslation(x / m, y / m);
            Transform block = new Transform();
            block.setRotation(pose.angle());
            block.setTranslation(pose.x() / m, pose.y() / m);
            return new State(agent, 0, 0, block);
        }

        Transform agent() {
            return agent.copy();
        }

        double agentVx() {
            return agentVx;
        }

        double agentVy() {
            return agentVy;
        }

        Transform block() {
            return block.copy();
        }

        /** Whether both states hold bit-identical numbers. */
        boolean sameAs(State other) {
            return Arrays.equals(agent.getValues(), other.agent.getValues())
                    && Arrays.equals(block.getValues(), other.block.getValues())
                    && Double.compare(agentVx, other.agentVx) == 0 && Double.compare(agentVy, other.agentVy) == 0;
        }

        @Override
        public String toString() {
            return "State[agent " + agent + " v=(" + agentVx + ", " + agentVy + "), block " + block + "]";
        }
    }
}
