package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("pendulum")
class AnglesTest {

    @Test
    void wrapsIntoTheHalfOpenIntervalFromMinusPi() {
        assertThat(Angles.wrap(0)).isEqualTo(0.0);
        assertThat(Angles.wrap(Math.PI)).isEqualTo(-Math.PI);
        assertThat(Angles.wrap(-Math.PI)).isEqualTo(-Math.PI);
        assertThat(Angles.wrap(1.5 * Math.PI)).isCloseTo(-0.5 * Math.PI, within(1e-12));
        assertThat(Angles.wrap(-7.5 * Math.PI)).isCloseTo(0.5 * Math.PI, within(1e-12));
    }
}
