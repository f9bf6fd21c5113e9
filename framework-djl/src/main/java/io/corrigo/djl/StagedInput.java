package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable float32 input of fixed shape: write values into {@link #values()}, then
 * {@link #upload(NDManager)} hands out the array holding them. No buffer or tensor is allocated per
 * use, which matters in per-step loops (see STACK-NOTES: allocation churn slows DJL down).
 *
 * <p>The array belongs to the manager given at construction; {@code upload(scope)} attaches it
 * to {@code scope} until that scope closes, so results computed from it land in {@code scope}.
 * Single-threaded.
 *
 * @since 1.0
 */
public final class StagedInput {

    private final ByteBuffer bytes;
    private final FloatBuffer values;
    private final NDArray array;

    /** A staged input of {@code shape}, its array owned by {@code owner}. */
    public StagedInput(NDManager owner, Shape shape) {
        int size = Math.toIntExact(shape.size());
        bytes = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        values = bytes.asFloatBuffer();
        array = owner.zeros(shape, DataType.FLOAT32);
    }

    /** The shape of the array. */
    public Shape shape() {
        return array.getShape();
    }

    /** Number of floats, the product of the shape. */
    public int size() {
        return values.capacity();
    }

    /** The staging buffer, positioned at 0: put exactly {@link #size()} floats, row-major. */
    public FloatBuffer values() {
        values.clear();
        return values;
    }

    /**
     * The array holding the staged values, attached to {@code scope} until it closes (then it
     * returns to its owner). Pass the owner itself to keep it where it is.
     */
    public NDArray upload(NDManager scope) {
        bytes.clear();
        array.set(bytes);
        if (scope != array.getManager()) {
            array.tempAttach(scope);
        }
        return array;
    }
}
