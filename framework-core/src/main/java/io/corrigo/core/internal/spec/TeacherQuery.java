package io.corrigo.core.internal.spec;

import java.util.Locale;

/**
 * Which action the scripted teacher is asked about at a training step — a feedback condition's
 * {@code teacherQuery}. The simulated human always judges the learner's proposal; this only
 * decides what the teacher's answer is computed from, which matters where the teacher's answer
 * depends on the action it is shown (the desired-action toys reflect it into the set).
 */
public enum TeacherQuery {

    /** The learner's proposal at this step (Corrigo's protocol, the default). */
    PROPOSAL,

    /**
     * The action executed at this step: a correction carried over from the previous step if the
     * feedback simulator executes one, else the proposal — the CLIC repository's loop
     * ({@code main_IIL.py} asks the teacher with {@code action_agent=action}).
     */
    EXECUTED;

    /** The study file's key. */
    public static final String KEY = "teacherQuery";

    /** As written in a study file. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
