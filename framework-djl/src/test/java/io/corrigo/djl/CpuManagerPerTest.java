package io.corrigo.djl;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A CPU manager opened before each test and closed after it:
 * {@code @RegisterExtension final CpuManagerPerTest cpu = new CpuManagerPerTest();}, then
 * {@code cpu.manager()}.
 */
final class CpuManagerPerTest implements BeforeEachCallback, AfterEachCallback {

    private NDManager manager;

    @Override
    public void beforeEach(ExtensionContext context) {
        manager = Devices.newManager(ComputeDevice.CPU);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        manager.close();
    }

    NDManager manager() {
        return manager;
    }
}
