package io.corrigo.api.run;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic seed derivation shared by the host and tests: a trial seed and a stream name give
 * a well-mixed, platform-independent seed (SplitMix64 over an FNV-1a hash of the name).
 *
 * @since 1.0
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of stream {@code name} under {@code seed}. */
    public static long derive(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(seed) ^ h);
    }

    /** SplitMix64's finaliser: a bijective mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
