package io.corrigo.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes named float32 tensors to a file and reads them back into existing tensors of the same
 * names and shapes. Format (big-endian, {@link DataOutputStream}): the magic {@value #MAGIC}, a
 * count, then per tensor its name, rank, dimensions and values.
 *
 * @since 1.0
 */
public final class TensorFiles {

    /** The first string of every file. */
    public static final String MAGIC = "corrigo-tensors/1";

    private TensorFiles() {
    }

    /** Writes {@code tensors} in iteration order; creates parent directories. */
    public static void write(Path file, Map<String, NDArray> tensors) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(tensors.size());
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                NDArray array = e.getValue();
                if (array.getDataType() != DataType.FLOAT32) {
                    throw new IllegalArgumentException(e.getKey() + " is " + array.getDataType() + ", not float32");
                }
                out.writeUTF(e.getKey());
                long[] dims = array.getShape().getShape();
                out.writeInt(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                for (float v : array.toFloatArray()) {
                    out.writeFloat(v);
                }
            }
        }
    }

    /**
     * Reads {@code file} into {@code tensors}: the file must hold exactly these names with these
     * shapes. Values are replaced, the arrays themselves (and their gradients) are kept.
     */
    public static void readInto(Path file, Map<String, NDArray> tensors) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a Corrigo tensor file (magic '" + magic + "')");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                NDArray target = tensors.get(name);
                if (target == null) {
                    throw new IOException(file + " holds '" + name + "', expected only " + tensors.keySet());
                }
                long[] dims = new long[in.readInt()];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readLong();
                }
                if (!target.getShape().equals(new Shape(dims))) {
                    throw new IOException(file + ": '" + name + "' has shape " + Arrays.toString(dims)
                            + ", expected " + target.getShape());
                }
                float[] v = new float[Math.toIntExact(target.size())];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readFloat();
                }
                values.put(name, v);
            }
        }
        if (!values.keySet().equals(tensors.keySet())) {
            throw new IOException(file + " holds " + values.keySet() + ", expected " + tensors.keySet());
        }
        values.forEach((name, v) -> InPlace.copy(v, tensors.get(name)));
    }
}
