package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertion of the configuration tests. */
final class ConfigAssertions {

    private ConfigAssertions() {
    }

    /** {@code creation} throws a {@link ConfigException} naming exactly {@code fields}, in order. */
    static void assertViolations(ThrowingCallable creation, String... fields) {
        assertThatThrownBy(creation).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).violations())
                        .extracting(ConfigException.Violation::field).isEqualTo(List.of(fields)));
    }
}
