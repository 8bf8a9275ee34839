package org.passerelle.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per state folder. Two launchers on one folder would run two PostgreSQL servers on one data
 * directory and two Kafka brokers on one metadata log, whatever their ports, and corrupt both. The lock is the
 * operating system's, so it is released when the launcher ends, even by SIGKILL: no stale lock to clean up.
 */
final class StateLock implements AutoCloseable {

    static final String FILE = "launcher.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or refuses naming the process that holds it. */
    static StateLock take(Path stateDirectory) throws IOException {
        Files.createDirectories(stateDirectory);
        Path file = stateDirectory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("Another ./deploy/run already uses the state folder " + stateDirectory
                    + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + ". Stop it first, or give this one a folder of its own with PASSERELLE_STATE.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new StateLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
