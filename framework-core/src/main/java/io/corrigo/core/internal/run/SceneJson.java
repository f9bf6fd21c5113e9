package io.corrigo.core.internal.run;

import io.corrigo.api.Space;
import io.corrigo.api.FloatVector;
import io.corrigo.api.env.Scene;
import io.corrigo.api.learner.Landscape;
import java.util.Locale;

/** Writes scenes and vectors as compact JSON for rollout frames (hand-written: hot path, no reflection). */
final class SceneJson {

    private SceneJson() {
    }

    static void scene(StringBuilder b, Scene s) {
        b.append("{\"bounds\":[").append(num(s.minX())).append(',').append(num(s.minY())).append(',')
                .append(num(s.maxX())).append(',').append(num(s.maxY())).append("],\"shapes\":[");
        for (int i = 0; i < s.shapes().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            shape(b, s.shapes().get(i));
        }
        b.append(']');
        s.actionFrame().ifPresent(f -> b.append(",\"actionFrame\":{\"origin\":").append(point(f.origin()))
                .append(",\"scale\":").append(num(f.scale())).append(",\"x\":").append(f.xDimension())
                .append(",\"y\":").append(f.yDimension()).append('}'));
        b.append('}');
    }

    /**
     * A landscape as {@code {"resolution":n,"bounds":[lowX,lowY,highX,highY],"density":[row-major,
     * three decimals],"overlay":[shapes]}}.
     */
    static void landscape(StringBuilder b, Landscape l, Space space) {
        b.append("{\"resolution\":").append(l.resolution()).append(",\"bounds\":[").append(num(space.low(0))).append(',')
                .append(num(space.low(1))).append(',').append(num(space.high(0))).append(',').append(num(space.high(1)))
                .append("],\"density\":[");
        float[][] d = l.density();
        for (int iy = 0; iy < d.length; iy++) {
            for (int ix = 0; ix < d.length; ix++) {
                float v = d[iy][ix];
                b.append(iy + ix > 0 ? "," : "").append(Float.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "0");
            }
        }
        b.append("],\"overlay\":[");
        for (int i = 0; i < l.overlay().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            shape(b, l.overlay().get(i));
        }
        b.append("]}");
    }

    private static void shape(StringBuilder b, Scene.Shape shape) {
        String tone = shape.tone().name().toLowerCase(Locale.ROOT);
        if (shape instanceof Scene.Circle c) {
            b.append("{\"type\":\"circle\",\"tone\":\"").append(tone).append("\",\"c\":").append(point(c.centre()))
                    .append(",\"r\":").append(num(c.radius())).append(",\"filled\":").append(c.filled()).append('}');
        } else if (shape instanceof Scene.Polygon p) {
            b.append("{\"type\":\"polygon\",\"tone\":\"").append(tone).append("\",\"filled\":").append(p.filled())
                    .append(",\"points\":[");
            for (int i = 0; i < p.points().size(); i++) {
                b.append(i > 0 ? "," : "").append(point(p.points().get(i)));
            }
            b.append("]}");
        } else if (shape instanceof Scene.Segment s) {
            b.append("{\"type\":\"segment\",\"tone\":\"").append(tone).append("\",\"from\":").append(point(s.from()))
                    .append(",\"to\":").append(point(s.to())).append('}');
        } else if (shape instanceof Scene.Text t) {
            b.append("{\"type\":\"text\",\"tone\":\"").append(tone).append("\",\"at\":").append(point(t.at()))
                    .append(",\"text\":").append(quote(t.text())).append('}');
        }
    }

    static String vector(FloatVector v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.size(); i++) {
            b.append(i > 0 ? "," : "").append(num(v.get(i)));
        }
        return b.append(']').toString();
    }

    private static String point(Scene.Point p) {
        return "[" + num(p.x()) + "," + num(p.y()) + "]";
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.5g", v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
