package io.corrigo.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;

/**
 * Maps the host's resolved {@link ComputeDevice} to DJL. Plugins never probe devices themselves.
 *
 * @since 1.0
 */
public final class Devices {

    /** The DJL engine every Corrigo learner runs on. */
    public static final String ENGINE = "PyTorch";

    private Devices() {
    }

    /** The DJL device for {@code device}: the CPU, or GPU number {@code device.index()}. */
    public static Device toDjl(ComputeDevice device) {
        return switch (device.kind()) {
            case CPU -> Device.cpu();
            case GPU -> Device.gpu(device.index());
        };
    }

    /** A new base manager on {@code device} for the PyTorch engine; the caller closes it. */
    public static NDManager newManager(ComputeDevice device) {
        return NDManager.newBaseManager(toDjl(device), ENGINE);
    }
}
