package io.corrigo.api.run;

/**
 * A resolved compute device.
 *
 * @param kind  CPU or GPU
 * @param index the GPU index; 0 for the CPU
 * @since 1.0
 */
public record ComputeDevice(Kind kind, int index) {

    /** The device kinds. */
    public enum Kind { CPU, GPU }

    /** The CPU. */
    public static final ComputeDevice CPU = new ComputeDevice(Kind.CPU, 0);

    public ComputeDevice {
        if (kind == null || index < 0 || (kind == Kind.CPU && index != 0)) {
            throw new IllegalArgumentException("invalid device " + kind + " " + index);
        }
    }

    /** GPU number {@code index}. */
    public static ComputeDevice gpu(int index) {
        return new ComputeDevice(Kind.GPU, index);
    }

    /** {@code "cpu"} or {@code "gpuN"}, as written in a study. */
    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "gpu" + index;
    }
}
