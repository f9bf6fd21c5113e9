package io.corrigo.core.internal.spec;

import java.util.List;

/**
 * Bad user input: a study that cannot run, with every problem found, numbered and located.
 */
public final class StudySpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String studyName;
    private final transient List<Problem> problems;

    /** An exception for {@code studyName} carrying at least one problem. */
    public StudySpecException(String studyName, List<Problem> problems) {
        super(format(studyName, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is required");
        }
        this.studyName = studyName;
        this.problems = List.copyOf(problems);
    }

    /** The study's name (or file name when the name could not be read). */
    public String studyName() {
        return studyName;
    }

    /** The problems in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The report as printed by the CLI. */
    public static String format(String studyName, List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        b.append("Study '").append(studyName).append("' is invalid (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        int n = 1;
        for (Problem p : problems) {
            b.append("\n  ").append(n++).append(") [").append(p.code()).append("] ");
            if (!p.path().isEmpty()) {
                b.append(p.path()).append(": ");
            }
            b.append(p.message().replace("\n", "\n     "));
            p.hint().ifPresent(h -> b.append("\n     ").append(h.replace("\n", "\n     ")));
            b.append("\n     at ").append(p.location());
        }
        return b.toString();
    }
}
