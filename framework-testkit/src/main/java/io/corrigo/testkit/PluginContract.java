package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.PluginProvider;
import org.junit.jupiter.api.Test;

/**
 * The checks every plugin kind shares, about its provider and configuration record; inherited
 * through {@link LearnerContract}, {@link EnvironmentContract} and {@link FeedbackSimulatorContract}.
 *
 * @param <C> the plugin's configuration record
 * @since 1.1
 */
public interface PluginContract<C extends Record> {

    /** The provider under test. */
    PluginProvider<C> provider();

    @Test
    default void defaultConfigHasTheDeclaredTypeAndADescriptionIsGiven() {
        assertThat(provider().configType().isInstance(provider().defaultConfig())).isTrue();
        assertThat(provider().description()).isNotBlank();
    }

    /**
     * The defaults pass the config record's own checks, and a value they refuse (NaN, a negative
     * number, the type's extreme in a numeric field) is refused with a {@code ConfigException}
     * naming fields of the record, which the host turns into located errors — never another exception.
     */
    @Test
    default void configChecksRefuseWithAConfigExceptionNamingTheField() {
        ConfigRecords.verify(provider());
    }
}
