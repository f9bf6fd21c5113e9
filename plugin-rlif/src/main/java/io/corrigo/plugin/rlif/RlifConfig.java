package io.corrigo.plugin.rlif;

import io.corrigo.api.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Configuration of the {@code rlif} learner: RLPD's soft actor-critic ({@code configs/rlpd_config.py}
 * of the released RLIF code, baselines.md §1.4) sized for a CPU — 2 critics of 2 × 256 and
 * update-to-data ratio 1 by default, where RLPD uses 10 critics of 3 × 256 and a UTD of 1–15.
 *
 * @param actorHiddenSizes   the actor's hidden widths; default [256, 256] (RLPD: [256, 256, 256])
 * @param criticHiddenSizes  each critic's hidden widths; default [256, 256] (RLPD: [256, 256, 256])
 * @param critics            ensemble size, &gt;= 2; default 2 (RLPD: 10)
 * @param targetSubset       target critics the backup takes the minimum over, 2..critics; default 2
 * @param updatesPerStep     critic updates per environment step (UTD); default 1
 * @param batchSize          transitions per critic update; default 256
 * @param learningRate       Adam step size for actor, critics and temperature; default 3e-4
 * @param discount           γ; default 0.99
 * @param tau                Polyak rate of the target critics; default 0.005
 * @param initialTemperature α at the start; default 1
 * @param targetEntropyScale the target entropy is {@code −scale·|A|}; default 0.5 (RLPD)
 * @param startTraining      transitions held before the first update; default 1000
 * @param bufferCapacity     online transitions kept; default 200000
 * @param demonstrationShare share of each batch drawn from demonstrations when there are some; default 0.5
 * @param teacherSteps       teacher-executed steps stored: {@code all} (default) or {@code released}
 *                           (only the last step of each takeover, as the released code does)
 * @param failure            failure terminations: {@code bootstrap} (default: treated as truncations,
 *                           so ending early earns nothing) or {@code penalise} (reward −1, terminal)
 */
public record RlifConfig(List<Integer> actorHiddenSizes, List<Integer> criticHiddenSizes, int critics, int targetSubset,
                         int updatesPerStep, int batchSize, double learningRate, double discount, double tau,
                         double initialTemperature, double targetEntropyScale, int startTraining, int bufferCapacity,
                         double demonstrationShare, TeacherSteps teacherSteps, Failure failure) {

    /** Which teacher-executed steps join the buffer. */
    public enum TeacherSteps { ALL, RELEASED }

    /** How a failure termination is labelled. */
    public enum Failure { BOOTSTRAP, PENALISE }

    private static final List<Integer> HIDDEN = List.of(256, 256);

    /** Every field at its documented default. */
    public static final RlifConfig DEFAULTS = new RlifConfig(HIDDEN, HIDDEN, 2, 2, 1, 256, 3e-4, 0.99, 0.005, 1.0, 0.5,
            1000, 200_000, 0.5, TeacherSteps.ALL, Failure.BOOTSTRAP);

    public RlifConfig {
        actorHiddenSizes = actorHiddenSizes == null ? HIDDEN : Collections.unmodifiableList(new ArrayList<>(actorHiddenSizes));
        criticHiddenSizes = criticHiddenSizes == null ? HIDDEN : Collections.unmodifiableList(new ArrayList<>(criticHiddenSizes));
        teacherSteps = teacherSteps == null ? TeacherSteps.ALL : teacherSteps;
        failure = failure == null ? Failure.BOOTSTRAP : failure;
        Checks checks = new Checks()
                .atLeast("critics", critics, 2)
                .inRange("targetSubset", targetSubset, 2, Math.max(2, critics))
                .atLeast("updatesPerStep", updatesPerStep, 1)
                .atLeast("batchSize", batchSize, 1)
                .positive("learningRate", learningRate)
                .require("discount", discount >= 0 && discount < 1, "must be in [0, 1) but was " + discount)
                .require("tau", tau > 0 && tau <= 1, "must be in (0, 1] but was " + tau)
                .positive("initialTemperature", initialTemperature)
                .nonNegative("targetEntropyScale", targetEntropyScale)
                .atLeast("startTraining", startTraining, 1)
                .atLeast("bufferCapacity", bufferCapacity, 1)
                .inRange("demonstrationShare", demonstrationShare, 0, 1);
        hidden(checks, "actorHiddenSizes", actorHiddenSizes);
        hidden(checks, "criticHiddenSizes", criticHiddenSizes);
        checks.verify();
    }

    private static void hidden(Checks checks, String name, List<Integer> sizes) {
        checks.require(name, !sizes.isEmpty(), "must list at least one hidden layer");
        for (int i = 0; i < sizes.size(); i++) {
            Integer w = sizes.get(i);
            checks.require(name + "[" + i + "]", w != null && w >= 1, "must be >= 1 but was " + w);
        }
    }
}
