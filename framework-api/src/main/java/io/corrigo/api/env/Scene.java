package io.corrigo.api.env;

import java.util.List;
import java.util.Optional;

/**
 * A small vector drawing of an environment's current state in world coordinates, for rollout
 * replay. The y axis points up. Immutable.
 *
 * @param minX        left edge of the view
 * @param minY        bottom edge of the view
 * @param maxX        right edge of the view
 * @param maxY        top edge of the view
 * @param shapes      what to draw, back to front
 * @param actionFrame how to draw a 2-D action as an arrow, if actions have a planar meaning
 * @since 1.1
 */
public record Scene(double minX, double minY, double maxX, double maxY, List<Shape> shapes,
                    Optional<ActionFrame> actionFrame) {

    /** A scene with nothing in it. */
    public static final Scene EMPTY = new Scene(-1, -1, 1, 1, List.of(), Optional.empty());

    public Scene {
        if (!(minX < maxX && minY < maxY)) {
            throw new IllegalArgumentException("empty view: [" + minX + ", " + maxX + "] x [" + minY + ", " + maxY + "]");
        }
        shapes = List.copyOf(shapes);
    }

    /** A point in world coordinates. */
    public record Point(double x, double y) {
    }

    /** What a shape depicts; the site picks colours by it. */
    public enum Tone { AGENT, GOAL, OBSTACLE, OBJECT, TARGET, WALL, PATH, TEXT }

    /** Something to draw. */
    public sealed interface Shape permits Circle, Polygon, Segment, Text {
        /** What it depicts. */
        Tone tone();
    }

    /** A disc ({@code filled}) or a ring. */
    public record Circle(Point centre, double radius, Tone tone, boolean filled) implements Shape {
    }

    /** A closed polygon, counter-clockwise. */
    public record Polygon(List<Point> points, Tone tone, boolean filled) implements Shape {
        public Polygon {
            points = List.copyOf(points);
        }
    }

    /** A line segment. */
    public record Segment(Point from, Point to, Tone tone) implements Shape {
    }

    /** A label anchored at a point. */
    public record Text(Point at, String text, Tone tone) implements Shape {
    }

    /**
     * Maps an action to an arrow: from {@code origin}, the action's components {@code xDimension}
     * and {@code yDimension} times {@code scale} world units.
     */
    public record ActionFrame(Point origin, double scale, int xDimension, int yDimension) {
    }
}
