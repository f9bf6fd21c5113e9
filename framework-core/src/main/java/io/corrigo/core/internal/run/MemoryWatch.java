package io.corrigo.core.internal.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The host process's resident memory (Java heap, libtorch's native tensors, everything) over one
 * trial: its value when the trial started, its peak at the checks, its value when the trial ended —
 * and, with a limit, a failure once it is exceeded. Read from {@code /proc/self/statm}; on systems
 * without it nothing is measured or enforced. Trials running in parallel share the process, so the
 * figures are the process's, not one trial's alone.
 */
final class MemoryWatch {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE = 4096;
    private static final long MB = 1024 * 1024;

    private final long limitBytes;
    private final long startBytes;
    private long peakBytes;

    /** Starts watching; {@code limitMb} 0 means no limit. */
    MemoryWatch(int limitMb) {
        this.limitBytes = limitMb * MB;
        this.startBytes = resident().orElse(-1);
        this.peakBytes = startBytes;
    }

    /** The process's resident memory in bytes, if this system reports it. */
    static OptionalLong resident() {
        try {
            String[] fields = Files.readString(STATM, StandardCharsets.US_ASCII).trim().split("\\s+");
            return OptionalLong.of(Long.parseLong(fields[1]) * PAGE);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Samples the resident memory; the message of the failure if it exceeds the limit, else null. */
    String check() {
        OptionalLong now = resident();
        if (now.isEmpty()) {
            return null;
        }
        peakBytes = Math.max(peakBytes, now.getAsLong());
        if (limitBytes > 0 && now.getAsLong() > limitBytes) {
            return String.format(Locale.ROOT, "the host process's resident memory reached %d MB, above budget.memoryLimit"
                    + " %d MB (it was %d MB when the trial started)", now.getAsLong() / MB, limitBytes / MB, startBytes / MB);
        }
        return null;
    }

    /** The figures for the trial's notes, e.g. {@code resident memory 610 MB at the start, 655 MB peak, 640 MB at the end}. */
    String describe() {
        OptionalLong end = resident();
        if (startBytes < 0 || end.isEmpty()) {
            return "not measured on this system";
        }
        peakBytes = Math.max(peakBytes, end.getAsLong());
        return String.format(Locale.ROOT, "host process resident memory %d MB at the start, %d MB peak, %d MB at the end"
                + " (%+d MB; shared with trials running in parallel)%s", startBytes / MB, peakBytes / MB, end.getAsLong() / MB,
                (end.getAsLong() - startBytes) / MB, limitBytes > 0 ? "; budget.memoryLimit " + limitBytes / MB + " MB" : "");
    }
}
