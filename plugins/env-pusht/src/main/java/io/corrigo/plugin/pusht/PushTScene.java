package io.corrigo.plugin.pusht;

import io.corrigo.api.env.Scene;
import io.corrigo.api.env.Scene.ActionFrame;
import io.corrigo.api.env.Scene.Circle;
import io.corrigo.api.env.Scene.Point;
import io.corrigo.api.env.Scene.Polygon;
import io.corrigo.api.env.Scene.Segment;
import io.corrigo.api.env.Scene.Shape;
import io.corrigo.api.env.Scene.Text;
import io.corrigo.api.env.Scene.Tone;
import io.corrigo.plugin.pusht.PushTConfig.ActionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Draws a Push-T state in pixels, physics frame (y up): walls, goal outline, block, agent, coverage. */
final class PushTScene {

    private static final double LOW = PushTWorld.WALL_LOW;
    private static final double HIGH = PushTWorld.WALL_HIGH;

    private PushTScene() {
    }

    static Scene of(Pose block, double agentX, double agentY, double coverage, PushTConfig config) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Segment(new Point(LOW, LOW), new Point(HIGH, LOW), Tone.WALL));
        shapes.add(new Segment(new Point(HIGH, LOW), new Point(HIGH, HIGH), Tone.WALL));
        shapes.add(new Segment(new Point(HIGH, HIGH), new Point(LOW, HIGH), Tone.WALL));
        shapes.add(new Segment(new Point(LOW, HIGH), new Point(LOW, LOW), Tone.WALL));
        shapes.add(new Polygon(points(TBlock.outline(TBlock.GOAL)), Tone.GOAL, false));
        shapes.add(new Polygon(points(TBlock.outline(block)), Tone.OBJECT, true));
        Point agent = new Point(agentX, agentY);
        shapes.add(new Circle(agent, PushTWorld.AGENT_RADIUS, Tone.AGENT, true));
        shapes.add(new Text(new Point(20, 490), String.format(Locale.ROOT, "coverage %.2f", coverage), Tone.TEXT));
        double half = PushTEnvironment.WORKSPACE / 2;
        ActionFrame frame = config.actionMode() == ActionMode.RELATIVE
                ? new ActionFrame(agent, config.relativeScale(), 0, 1)
                : new ActionFrame(new Point(half, half), half, 0, 1);
        return new Scene(0, 0, PushTEnvironment.WORKSPACE, PushTEnvironment.WORKSPACE, shapes, Optional.of(frame));
    }

    private static List<Point> points(double[] xy) {
        List<Point> p = new ArrayList<>(xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
            p.add(new Point(xy[i], xy[i + 1]));
        }
        return p;
    }
}
