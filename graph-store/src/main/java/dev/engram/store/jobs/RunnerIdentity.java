package dev.engram.store.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Names the process running a job as {@code host/pid/start}, so that on the same host a job whose process has died
 * reads as interrupted at once, without waiting for its heartbeat to go stale; on other hosts only the heartbeat
 * tells.
 */
public final class RunnerIdentity {
    private static final String HOST = host();
    private static final String CURRENT = HOST + "/" + ProcessHandle.current().pid() + "/"
            + ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);

    private RunnerIdentity() {}

    /** This process. */
    public static String current() {
        return CURRENT;
    }

    /** True when {@code runner} names a process on this host that no longer runs. */
    public static boolean knownDead(String runner) {
        if (runner == null) {
            return false;
        }
        String[] parts = runner.split("/");
        if (parts.length != 3 || !parts[0].equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive() || process.get().info().startInstant()
                    .map(i -> i.toEpochMilli() != start).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
