package org.passerelle.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The resident memory of the platform's processes, sampled every second while a scenario runs: the largest
 * value of each, and the largest total at one instant. A process restarted meanwhile (killed, PostgreSQL
 * restarted) is followed under its new pid. JVMs are measured by VmRSS; PostgreSQL by the proportional set
 * size (Pss) of the postmaster and its backends, which share their buffers, so that the sum counts them once.
 */
final class PlatformMemory extends Thread {

    /** How one part of the platform is measured: its pid now (or -1), and whether its child processes count too. */
    record Part(String name, Supplier<Long> pid, boolean withChildren) {
    }

    private final List<Part> parts;
    private final Map<String, Long> maxKib = new LinkedHashMap<>();
    private long maxTotalKib;
    private int samples;
    private volatile boolean sampling = true;

    PlatformMemory(List<Part> parts) {
        super("platform-memory");
        setDaemon(true);
        this.parts = parts;
        parts.forEach(p -> maxKib.put(p.name(), 0L));
    }

    /** The parts of a started platform, the test JVM included: it runs the Kafka broker and the scenario's client. */
    static PlatformMemory of(Platform platform) {
        var parts = new java.util.ArrayList<Part>();
        platform.services.keySet().forEach(name -> parts.add(new Part(name, () -> platform.service(name).pid(), false)));
        parts.add(new Part("Keycloak", platform.keycloak::pid, false));
        parts.add(new Part("PostgreSQL (postmaster and backends, Pss)", () -> postmaster(platform.postgres.dataDirectory()), true));
        parts.add(new Part("test JVM (Kafka broker, scenario client)", () -> ProcessHandle.current().pid(), false));
        return new PlatformMemory(parts);
    }

    @Override
    public void run() {
        while (sampling) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long total = 0;
        for (Part part : parts) {
            long kib = kibOf(part);
            maxKib.merge(part.name(), kib, Math::max);
            total += kib;
        }
        maxTotalKib = Math.max(maxTotalKib, total);
        samples++;
    }

    /** Stops sampling; the figures as a table in MiB. */
    synchronized String stopAndReport() {
        sampling = false;
        interrupt();
        var report = new StringBuilder("platform memory over " + samples + " samples, 1 s apart (max MiB):\n");
        maxKib.forEach((name, kib) -> report.append(String.format("  %-45s %6d%n", name, kib / 1024)));
        long sumOfMaxima = maxKib.values().stream().mapToLong(Long::longValue).sum();
        report.append(String.format("  %-45s %6d%n", "sum of the maxima", sumOfMaxima / 1024));
        report.append(String.format("  %-45s %6d%n", "largest total at one instant", maxTotalKib / 1024));
        return report.toString();
    }

    private static long kibOf(Part part) {
        long pid;
        try {
            pid = part.pid().get();
        } catch (RuntimeException e) {
            return 0;   // between a kill and the restart
        }
        if (pid <= 0) {
            return 0;
        }
        if (!part.withChildren()) {
            return field(pid, "status", "VmRSS:").orElse(0);
        }
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
                .mapToLong(p -> field(p, "smaps_rollup", "Pss:").orElse(0)).sum();
    }

    /** A "Name:   1234 kB" line of /proc/pid/file; empty when the process is gone. */
    private static OptionalLong field(long pid, String file, String name) {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> OptionalLong.of(Long.parseLong(l.substring(name.length()).replace("kB", "").trim())))
                    .orElse(OptionalLong.empty());
        } catch (IOException | java.io.UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    /** The postmaster's pid, first line of postmaster.pid in the data directory; -1 while PostgreSQL is down. */
    private static long postmaster(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
