package io.corrigo.plugin.toys;

import io.corrigo.api.Checks;

/**
 * Configuration of CLIC's line-following task (clic.md §6, §8.3). Coordinates are pixels of the
 * repository's 600 × 600 screen, on which the ball stays within {@code [20, 580]²}. The defaults are
 * the CPU-sized line of clic.md §11.3: 200 px and 400 steps instead of the repository's
 * (100, 300) → (480, 300) and 1000 steps.
 *
 * @param startX          x of the line's start (px), in [20, 580]; default 100
 * @param startY          y of the line's start (px), in [20, 580]; default 300
 * @param endX            x of the line's end (px), in [20, 580]; default 300
 * @param endY            y of the line's end (px), in [20, 580]; default 300
 * @param maxSteps        steps before the episode is truncated; at least what the teacher needs to
 *                        reach the end; default 400
 * @param pixelsPerAction displacement (px) per step of a unit action component; actions are clipped
 *                        to {@code [-1, 1]²} first; default 1, as in the repository
 * @param startSpread     radius (px) of the disc around the line's start from which the reset seed
 *                        draws the ball's start; in [0, 15]; default 5 (the repository starts exactly
 *                        on the start)
 * @param teacherSpeed    length of the teacher's action (action units); in (0, 1]; default 0.5
 * @param lookAhead       radius (px) of the teacher's look-ahead circle; default 10
 */
public record LineFollowingConfig(double startX, double startY, double endX, double endY, int maxSteps,
                                  double pixelsPerAction, double startSpread, double teacherSpeed,
                                  double lookAhead) {

    /** The shortened line of clic.md §11.3 with the repository's teacher. */
    public static final LineFollowingConfig DEFAULTS = new LineFollowingConfig(100, 300, 300, 300, 400, 1, 5, 0.5, 10);

    public LineFollowingConfig {
        Checks checks = new Checks()
                .inRange("startX", startX, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("startY", startY, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("endX", endX, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .inRange("endY", endY, PixelLine.SCREEN_MIN, PixelLine.SCREEN_MAX)
                .atLeast("maxSteps", maxSteps, 1)
                .positive("pixelsPerAction", pixelsPerAction)
                .inRange("startSpread", startSpread, 0, PixelLine.SUCCESS_RADIUS)
                .require("teacherSpeed", teacherSpeed > 0 && teacherSpeed <= 1,
                        "must be in (0, 1] but was " + teacherSpeed)
                .positive("lookAhead", lookAhead);
        new PixelLine(startX, startY, endX, endY)
                .check(checks, "endX", maxSteps, pixelsPerAction, startSpread, teacherSpeed);
        checks.verify();
    }

    /** The line to follow. */
    PixelLine line() {
        return new PixelLine(startX, startY, endX, endY);
    }
}
