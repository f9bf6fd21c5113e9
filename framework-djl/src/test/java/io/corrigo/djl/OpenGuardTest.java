package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Learner bookkeeping")
class OpenGuardTest {

    private final AtomicInteger releases = new AtomicInteger();
    private final OpenGuard guard = new OpenGuard("the bc learner", releases::incrementAndGet);

    @Test
    void allowsUseUntilClosed() {
        assertThatCode(guard::requireOpen).doesNotThrowAnyException();
        assertThat(releases).hasValue(0);
    }

    @Test
    void refusesUseAfterCloseNamingTheOwner() {
        guard.close();
        assertThatThrownBy(guard::requireOpen).isInstanceOf(IllegalStateException.class)
                .hasMessage("the bc learner is closed");
    }

    @Test
    void releasesOnceHoweverOftenItIsClosed() {
        guard.close();
        guard.close();
        assertThat(releases).hasValue(1);
    }

    @Test
    void rejectsABlankOwner() {
        assertThatThrownBy(() -> new OpenGuard("", () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
