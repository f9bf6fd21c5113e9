package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of the two-ball line-following task (clic.md §8.3, §11.4; {@code multifollowLine_env.py}
 * in clic-webpage/CLIC). Ball 1 follows the configured line; ball 2 follows a parallel copy of it,
 * {@code lineSpacing} px to its left. Coordinates are pixels of the 600 × 600 screen, on which the balls
 * stay within {@code [20, 580]²}. The defaults put two 200 px lines 50 px apart (the repository's line
 * length and minimum line distance; it draws the lines' angle and position at random).
 *
 * @param startX          x of the first line's start (px), in [20, 580]; default 100
 * @param startY          y of the first line's start (px), in [20, 580]; default 275
 * @param endX            x of the first line's end (px), in [20, 580]; default 300
 * @param endY            y of the first line's end (px), in [20, 580]; default 275
 * @param lineSpacing     distance (px) from the first line to the second, which lies to the left of the
 *                        first's direction and must also fit the screen; positive; default 50
 * @param maxSteps        steps before the episode is truncated; at least what the teacher needs to
 *                        reach the end; default 400
 * @param pixelsPerAction displacement (px) per step of a unit action component; actions are clipped
 *                        to {@code [-1, 1]⁴} first; default 1
 * @param startSpread     radius (px) of the discs around the lines' starts from which the reset seed
 *                        draws each ball's start; in [0, 15]; default 5
 * @param teacherSpeed    length of the teacher's action per ball (action units); in (0, 1]; default 0.5
 * @param lookAhead       radius (px) of the teacher's look-ahead circle; default 10
 */
public record TwoLineFollowingConfig(double startX, double startY, double endX, double endY, double lineSpacing,
                                     int maxSteps, double pixelsPerAction, double startSpread, double teacherSpeed,
                                     double lookAhead) {

    /** Two parallel copies of the shortened line of clic.md §11.3, 50 px apart. */
    public static final TwoLineFollowingConfig DEFAULTS =
            new TwoLineFollowingConfig(100, 275, 300, 275, 50, 400, 1, 5, 0.5, 10);

    public TwoLineFollowingConfig {
        Checks checks = new Checks()
                .inRange("startX", startX, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("startY", startY, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("endX", endX, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("endY", endY, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .positive("lineSpacing", lineSpacing)
                .atLeast("maxSteps", maxSteps, 1)
                .positive("pixelsPerAction", pixelsPerAction)
                .inRange("startSpread", startSpread, 0, PixelLine.SUCCESS_RADIUS)
                .require("teacherSpeed", teacherSpeed > 0 && teacherSpeed <= 1,
                        "must be in (0, 1] but was " + teacherSpeed)
                .positive("lookAhead", lookAhead);
        PixelLine first = new PixelLine(startX, startY, endX, endY);
        first.check(checks, "endX", maxSteps, pixelsPerAction, startSpread, teacherSpeed);
        if (first.length() > 0 && lineSpacing > 0) {
            PixelLine second = first.shiftedLeft(lineSpacing);
            checks.require("lineSpacing", !first.onScreen() || second.onScreen(), "puts the second line off the"
                    + " screen, from (" + second.startX() + ", " + second.startY() + ") to (" + second.endX() + ", "
                    + second.endY() + ")");
        }
        checks.verify();
    }

    /** The line of ball 1. */
    PixelLine firstLine() {
        return new PixelLine(startX, startY, endX, endY);
    }

    /** The line of ball 2. */
    PixelLine secondLine() {
        return firstLine().shiftedLeft(lineSpacing);
    }
}
