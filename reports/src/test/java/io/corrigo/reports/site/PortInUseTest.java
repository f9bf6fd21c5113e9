package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Report server")
class PortInUseTest {

    @Test
    void aTakenPortIsReportedAsAnIllegalStateSoTheHostCanFallBack() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ReportServer.start(DemoStudies.create(), new MemoryFeed(),
                    ReportServer.Options.defaults().withPort(taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot serve the report site on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
