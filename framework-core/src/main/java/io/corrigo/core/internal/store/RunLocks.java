package io.corrigo.core.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a study run that is still running from one whose process died (killed, power lost): the
 * running process holds an OS file lock on {@code .study-<id>.lock} beside the store, which the
 * operating system releases when the process ends, however it ends.
 */
final class RunLocks {

    private final Path directory;
    private final Map<Long, FileLock> held = new HashMap<>();

    RunLocks(Path directory) {
        this.directory = directory;
    }

    /** Takes the lock of study run {@code id} for this process. */
    void hold(long id) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            held.put(id, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file(id) + ": " + e.getMessage(), e);
        }
    }

    /** Releases and deletes the lock of study run {@code id}, if this process holds it. */
    void release(long id) {
        FileLock lock = held.remove(id);
        if (lock != null) {
            close(lock);
            try {
                Files.deleteIfExists(file(id));
            } catch (IOException e) {
                // a stale lock file is harmless: nobody holds it
            }
        }
    }

    /**
     * Whether study run {@code id} was abandoned: its lock file is there but no process holds it.
     * Without a lock file (a run recorded by a version without locks) nobody can tell: false.
     */
    boolean abandoned(long id) {
        Path file = file(id);
        if (held.containsKey(id) || !Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            Files.deleteIfExists(file);
            return true;
        } catch (OverlappingFileLockException e) {
            return false;   // another store in this JVM holds it
        } catch (IOException e) {
            return false;   // cannot tell: leave the run alone
        }
    }

    void releaseAll() {
        held.values().forEach(RunLocks::close);
        held.clear();
    }

    private Path file(long id) {
        return directory.resolve(".study-" + id + ".lock");
    }

    private static void close(FileLock lock) {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();   // closing releases the lock
            }
        } catch (IOException e) {
            // nothing held any more either way
        }
    }
}
