package io.corrigo.djl;

import io.corrigo.api.FloatVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A first-in-first-out store of fixed-width float records, preallocated: when full, adding a
 * record overwrites the oldest. Each record has named fields of fixed widths, e.g. CLIC's
 * {@code (observation, robotAction, correction, nextObservation)} or BC's {@code (observation, label)}.
 *
 * <p>Records are addressed by slot, {@code 0 <= slot < size()}; slots are stable until overwritten.
 * {@link #version()} changes on every add, so samplers know when to reshuffle
 * ({@link EpochSampler}). Single-threaded.
 *
 * @since 1.0
 */
public final class ReplayBuffer {

    private static final String MAGIC = "corrigo-replay/1";
    private static final String STATE_MAGIC = "corrigo-replay-state/1";

    private final int capacity;
    private final List<String> names;
    private final int[] widths;
    private final float[][] data;
    private int size;
    private int next;
    private long version;

    private ReplayBuffer(int capacity, List<String> names, List<Integer> widths) {
        this.capacity = capacity;
        this.names = List.copyOf(names);
        this.widths = widths.stream().mapToInt(Integer::intValue).toArray();
        this.data = new float[this.widths.length][];
        for (int f = 0; f < this.widths.length; f++) {
            data[f] = new float[Math.multiplyExact(capacity, this.widths[f])];
        }
    }

    /** A builder; the capacity and at least one field are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The index of the field called {@code name}, for the per-field methods. */
    public int field(String name) {
        int f = names.indexOf(name);
        if (f < 0) {
            throw new IllegalArgumentException("no field '" + name + "'; fields are " + names);
        }
        return f;
    }

    /** Width of field {@code field}. */
    public int width(int field) {
        return widths[field];
    }

    /** Number of records held. */
    public int size() {
        return size;
    }

    /** Maximum number of records. */
    public int capacity() {
        return capacity;
    }

    /** A number that changes whenever records are added, loaded or cleared. */
    public long version() {
        return version;
    }

    /** The slot of the newest record. */
    public int newest() {
        if (size == 0) {
            throw new IllegalStateException("the buffer is empty");
        }
        return (next - 1 + capacity) % capacity;
    }

    /** Adds a record of one vector per field, in field order; evicts the oldest when full. */
    public void add(FloatVector... record) {
        requireFields(record.length);
        for (int f = 0; f < record.length; f++) {
            requireWidth(f, record[f].size());
        }
        int slot = advance();
        for (int f = 0; f < record.length; f++) {
            record[f].copyInto(data[f], slot * widths[f]);
        }
    }

    /** Adds a record of one array per field (each exactly its field's width); evicts the oldest when full. */
    public void add(float[]... record) {
        requireFields(record.length);
        for (int f = 0; f < record.length; f++) {
            requireWidth(f, record[f].length);
        }
        int slot = advance();
        for (int f = 0; f < record.length; f++) {
            System.arraycopy(record[f], 0, data[f], slot * widths[f], widths[f]);
        }
    }

    /** Component {@code component} of field {@code field} in record {@code slot}. */
    public float get(int field, int slot, int component) {
        checkSlot(slot);
        return data[field][slot * widths[field] + component];
    }

    /** Copies field {@code field} of record {@code slot} into {@code target[offset …]}. */
    public void copy(int field, int slot, float[] target, int offset) {
        checkSlot(slot);
        System.arraycopy(data[field], slot * widths[field], target, offset, widths[field]);
    }

    /** Removes every record. */
    public void clear() {
        size = 0;
        next = 0;
        version++;
    }

    /** Writes the records (not the capacity) to {@code file}. */
    public void save(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(names.size());
            for (int f = 0; f < names.size(); f++) {
                out.writeUTF(names.get(f));
                out.writeInt(widths[f]);
            }
            out.writeInt(size);
            int oldest = size < capacity ? 0 : next;
            for (int k = 0; k < size; k++) {
                int slot = (oldest + k) % capacity;
                for (int f = 0; f < widths.length; f++) {
                    for (int c = 0; c < widths[f]; c++) {
                        out.writeFloat(data[f][slot * widths[f] + c]);
                    }
                }
            }
        }
    }

    /**
     * Replaces the records with those in {@code file}, written by a buffer with the same fields;
     * keeps the newest {@link #capacity()} if the file holds more.
     */
    public void load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a replay buffer file (magic '" + magic + "')");
            }
            int fields = in.readInt();
            if (fields != names.size()) {
                throw new IOException(file + " has " + fields + " fields, expected " + names);
            }
            for (int f = 0; f < fields; f++) {
                String name = in.readUTF();
                int width = in.readInt();
                if (!name.equals(names.get(f)) || width != widths[f]) {
                    throw new IOException(file + ": field " + f + " is " + name + "[" + width + "], expected "
                            + names.get(f) + "[" + widths[f] + "]");
                }
            }
            int count = in.readInt();
            clear();
            float[][] record = new float[widths.length][];
            for (int f = 0; f < widths.length; f++) {
                record[f] = new float[widths[f]];
            }
            for (int k = 0; k < count; k++) {
                for (int f = 0; f < widths.length; f++) {
                    for (int c = 0; c < widths[f]; c++) {
                        record[f][c] = in.readFloat();
                    }
                }
                add(record);
            }
        }
    }

    /**
     * Writes the buffer exactly as it is held — every slot where it lies, the write position — for a
     * checkpoint: {@link #restoreState} of it gives back the same slots, so a sampler's permutation
     * over slots means the same records. (Not {@link #save}'s format, which keeps records in order.)
     *
     * @since 1.5
     */
    public void saveState(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(STATE_MAGIC);
            out.writeInt(capacity);
            out.writeInt(widths.length);
            for (int width : widths) {
                out.writeInt(width);
            }
            out.writeInt(size);
            out.writeInt(next);
            for (int f = 0; f < widths.length; f++) {
                for (int i = 0; i < size * widths[f]; i++) {
                    out.writeFloat(data[f][i]);
                }
            }
        }
    }

    /**
     * Restores what {@link #saveState} wrote, from a buffer of the same capacity and fields.
     *
     * @since 1.5
     */
    public void restoreState(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!STATE_MAGIC.equals(in.readUTF()) || in.readInt() != capacity || in.readInt() != widths.length) {
                throw new IOException(file + " is not the state of a replay buffer of capacity " + capacity
                        + " with fields " + names);
            }
            for (int width : widths) {
                if (in.readInt() != width) {
                    throw new IOException(file + " has fields of other widths than " + names);
                }
            }
            int held = in.readInt();
            int position = in.readInt();
            if (held < 0 || held > capacity || position < 0 || position >= capacity) {
                throw new IOException(file + " holds a corrupt position (" + held + " records, next slot " + position + ")");
            }
            for (int f = 0; f < widths.length; f++) {
                for (int i = 0; i < held * widths[f]; i++) {
                    data[f][i] = in.readFloat();
                }
            }
            size = held;
            next = position;
            version++;
        }
    }

    private int advance() {
        int slot = next;
        next = (next + 1) % capacity;
        if (size < capacity) {
            size++;
        }
        version++;
        return slot;
    }

    private void requireFields(int count) {
        if (count != widths.length) {
            throw new IllegalArgumentException("a record has " + widths.length + " fields " + names + ", got " + count);
        }
    }

    private void requireWidth(int field, int width) {
        if (width != widths[field]) {
            throw new IllegalArgumentException(
                    "field '" + names.get(field) + "' has width " + widths[field] + ", got " + width);
        }
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " outside [0, " + size + ")");
        }
    }

    /** Builds a {@link ReplayBuffer}. */
    public static final class Builder {

        private int capacity;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> widths = new ArrayList<>();

        private Builder() {
        }

        /** Maximum number of records, at least 1. */
        public Builder setCapacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /** Appends a field of {@code width} (at least 1) floats named {@code name} (unique). */
        public Builder addField(String name, int width) {
            if (name == null || name.isBlank() || names.contains(name) || width < 1) {
                throw new IllegalArgumentException("field needs a unique name and width >= 1: " + name + " " + width);
            }
            names.add(name);
            widths.add(width);
            return this;
        }

        /** An empty buffer with all storage allocated. */
        public ReplayBuffer build() {
            if (capacity < 1 || names.isEmpty()) {
                throw new IllegalArgumentException("capacity must be >= 1 and at least one field given");
            }
            return new ReplayBuffer(capacity, names, widths);
        }
    }
}
