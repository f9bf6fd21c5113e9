package io.corrigo.plugin.oracle;

/**
 * CLIC's feedback budget: the teacher is consulted on every {@code every}-th step, and — when
 * banking — also off-schedule while the bank holds unused scheduled slots. A scheduled slot that
 * needed no correction is banked; an off-schedule correction spends one. The bank lives as long
 * as the simulator: it is not reset per episode.
 */
final class CorrectionSchedule {

    private final int every;
    private final boolean banking;
    private int bank;

    CorrectionSchedule(int every, boolean banking) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1: " + every);
        }
        this.every = every;
        this.banking = banking;
    }

    /** Whether the teacher looks at the proposal of episode step {@code step}. */
    boolean consults(int step) {
        return scheduled(step) || (banking && bank > 0);
    }

    /** Books the outcome of a consultation at {@code step}. */
    void record(int step, boolean corrected) {
        if (!consults(step)) {
            throw new IllegalStateException("step " + step + " was not a consultation");
        }
        if (banking && !corrected && scheduled(step)) {
            bank++;
        } else if (corrected && !scheduled(step)) {
            bank--;
        }
    }

    /** Unused scheduled slots available for off-schedule corrections. */
    int bank() {
        return bank;
    }

    /** Continues with {@code bank} unused scheduled slots (a checkpoint's). */
    void restoreBank(int bank) {
        if (bank < 0 || (!banking && bank != 0)) {
            throw new IllegalArgumentException("a bank of " + bank + " for a " + (banking ? "" : "non-") + "banking schedule");
        }
        this.bank = bank;
    }

    private boolean scheduled(int step) {
        return step % every == 0;
    }
}
