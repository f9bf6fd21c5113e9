package io.corrigo.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.PluginProvider;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Host")
@Feature("Hot swap")
class ConfigRebinderTest {

    /** The settings record of the version a study was loaded with. */
    public record Before(int width, String mode, Inner inner, List<Integer> sizes) {
    }

    /** The settings record of the version installed since: one component gone, one added. */
    public record After(int width, double rate, Inner inner, List<Integer> sizes) {
        public After {
            if (width <= 0) {
                throw new IllegalArgumentException("width must be positive, got " + width);
            }
        }
    }

    public record Inner(int depth, boolean on) {
    }

    private static PluginProvider<After> provider() {
        return new PluginProvider<>() {
            @Override
            public Class<After> configType() {
                return After.class;
            }

            @Override
            public After defaultConfig() {
                return new After(8, 0.5, new Inner(1, false), List.of(64));
            }

            @Override
            public String description() {
                return "the replacement";
            }
        };
    }

    @Test
    void carriesTheStudysValuesByNameOntoTheNewRecordsDefaults() {
        Record carried = ConfigRebinder.forProvider(provider(), new Before(32, "fast", new Inner(3, true), List.of(16, 16)));
        assertThat(carried).isEqualTo(new After(32, 0.5, new Inner(3, true), List.of(16, 16)));
    }

    @Test
    void keepsARecordOfTheProvidersOwnType() {
        After same = new After(4, 0.1, new Inner(2, true), List.of());
        assertThat(ConfigRebinder.forProvider(provider(), same)).isSameAs(same);
    }

    @Test
    void saysWhatTheNewRecordRefusedWhenItsChecksRejectTheValues() {
        assertThatThrownBy(() -> ConfigRebinder.forProvider(provider(), new Before(0, "x", new Inner(1, false), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was replaced since the study was loaded")
                .hasMessageContaining("width must be positive, got 0");
    }
}
