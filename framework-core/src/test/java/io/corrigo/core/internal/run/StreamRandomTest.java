package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

@Epic("Host")
@Feature("Resume")
class StreamRandomTest {

    /** Every draw a plugin may make, in an order that mixes 32- and 64-bit draws and rejection loops. */
    private static String draws(RandomGenerator r, int rounds) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = new byte[7];
        for (int i = 0; i < rounds; i++) {
            r.nextBytes(bytes);
            out.append(r.nextLong()).append(' ').append(r.nextInt()).append(' ').append(r.nextInt(1 + i))
                    .append(' ').append(r.nextInt(-5, 3 + i)).append(' ').append(r.nextLong(1L + i * 7919L))
                    .append(' ').append(r.nextDouble()).append(' ').append(r.nextDouble(2.5))
                    .append(' ').append(r.nextDouble(-1, 1)).append(' ').append(r.nextFloat())
                    .append(' ').append(r.nextFloat(3f)).append(' ').append(r.nextBoolean())
                    .append(' ').append(r.nextGaussian()).append(' ').append(r.nextGaussian(1, 0.1))
                    .append(' ').append(r.nextExponential()).append(' ').append(java.util.Arrays.toString(bytes))
                    .append(' ').append(r.ints(3, 0, 10 + i).sum()).append(' ').append(r.doubles(2).sum()).append('\n');
        }
        return out.toString();
    }

    @Test
    void drawsWhatSplittableRandomDrawsFromTheSameSeedInEveryMethod() {
        for (long seed : new long[] {0, 1, -7, 0x9e3779b97f4a7c15L, Long.MIN_VALUE}) {
            assertThat(draws(new StreamRandom(seed), 500)).as("seed " + seed).isEqualTo(draws(new SplittableRandom(seed), 500));
        }
    }

    @Test
    void aGeneratorSetToAnotherOnesStateContinuesItsSequence() {
        StreamRandom original = new StreamRandom(42);
        draws(original, 17);
        StreamRandom restored = new StreamRandom(42);
        restored.setState(original.state());

        assertThat(draws(restored, 50)).isEqualTo(draws(original, 50));
    }
}
