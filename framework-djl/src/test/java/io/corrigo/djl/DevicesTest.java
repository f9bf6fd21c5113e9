package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Devices")
class DevicesTest {

    @Test
    void mapsTheCpuAndGpusByIndex() {
        assertThat(Devices.toDjl(ComputeDevice.CPU)).isEqualTo(Device.cpu());
        assertThat(Devices.toDjl(ComputeDevice.gpu(1))).isEqualTo(Device.gpu(1));
    }

    @Test
    void newManagerRunsOnPyTorch() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            assertThat(manager.getEngine().getEngineName()).isEqualTo(Devices.ENGINE);
            assertThat(manager.getDevice()).isEqualTo(Device.cpu());
        }
    }

    @Test
    void aManagerMadeOnAnyThreadHoldsThatThreadToTheConfiguredThreadCount() throws Exception {
        String key = "ai.djl.pytorch.num_threads";
        String before = System.getProperty(key);
        System.setProperty(key, "1");
        try {
            int[] seen = new int[2];
            Thread worker = new Thread(() -> {
                try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
                    seen[0] = Devices.holdThreadCountOnThisThread();
                    seen[1] = ai.djl.pytorch.jni.JniUtils.getNumThreads();
                }
            }, "not the engine's thread");
            worker.start();
            worker.join();
            assertThat(seen).containsExactly(1, 1);
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
