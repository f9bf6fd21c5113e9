package io.corrigo.plugin.oracle;

import java.util.Map;

/** A simulator on {@link ClicProtocol}: its state across episodes is the protocol's bank of consultations. */
interface BankedState extends CountedState {

    /** The simulator's protocol. */
    ClicProtocol protocol();

    @Override
    default Map<String, Long> counters() {
        return Map.of("bank", (long) protocol().bank());
    }

    @Override
    default void setCounters(Map<String, Long> counters) {
        protocol().restoreBank(Math.toIntExact(counters.get("bank")));
    }
}
