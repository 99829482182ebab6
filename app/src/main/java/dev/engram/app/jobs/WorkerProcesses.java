package dev.engram.app.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVMs of {@code engram ingest --workers N}: this same program, with this JVM's options and class path,
 * run once per shard ({@code --shard i/N} appended to the given arguments). Each one's output goes to its own log
 * file, read as it comes to learn the id of the job the child runs. Stopping this process (not SIGKILL) stops them.
 */
public final class WorkerProcesses implements AutoCloseable {
    // what a child's ingest prints first (ConsoleSync.announce)
    private static final Pattern JOB_LINE = Pattern.compile("engram: job ([0-9a-f-]{36}) ");
    private static final int TAIL_LINES = 8;

    /**
     * One worker: its shard ({@code i/N}), its process, where its output goes, and the id of its job, which the log
     * pump sets once the child announces it ({@link #jobId()} reads it).
     */
    public record Worker(String shard, Process process, Path log, AtomicReference<String> announcedJob) {
        Worker(String shard, Process process, Path log) {
            this(shard, process, log, new AtomicReference<>());
        }

        /** The id of its job, null until it says. */
        public String jobId() {
            return announcedJob.get();
        }

        /** The last lines of its output (progress redraws dropped). */
        public List<String> tail() {
            try {
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String last = line.substring(line.lastIndexOf('\r') + 1).strip();
                    if (!last.isEmpty() && !last.startsWith("ingest ")) {
                        lines.add(last);
                    }
                }
                return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            } catch (IOException | UncheckedIOException e) {
                return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
            }
        }
    }

    private final List<Worker> workers;
    private final Thread stopper;

    private WorkerProcesses(List<Worker> workers) {
        this.workers = workers;
        this.stopper = new Thread(this::destroy, "engram-stop-workers");
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    /**
     * Starts {@code count} children running {@code mainClass} with {@code args} and {@code --shard i/count}, their
     * logs in {@code logDirectory}.
     */
    public static WorkerProcesses start(int count, String mainClass, List<String> args, Path logDirectory) {
        List<Worker> started = new ArrayList<>();
        try {
            Files.createDirectories(logDirectory);
            for (int i = 0; i < count; i++) {
                String shard = i + "/" + count;
                List<String> command = new ArrayList<>(javaCommand(mainClass));
                command.addAll(args);
                command.addAll(List.of("--shard", shard));
                Path log = logDirectory.resolve("worker-" + i + ".log");
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                Worker w = new Worker(shard, p, log);
                pump(w);
                started.add(w);
            }
            return new WorkerProcesses(List.copyOf(started));
        } catch (IOException e) {
            started.forEach(w -> w.process.destroy()); // none left running without a parent waiting for it
            throw new UncheckedIOException("cannot start worker processes: " + e.getMessage(), e);
        }
    }

    /** The workers, by shard index. */
    public List<Worker> workers() {
        return workers;
    }

    /** Waits up to {@code millis} for all of them; true when all have exited. */
    public boolean awaitAll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Worker w : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !w.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private void destroy() {
        for (Worker w : workers) {
            w.process.destroy();
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    // this JVM again: its executable, its options (minus one that writes a class-data archive at exit, which the
    // parent does, and a debugger's, whose port is taken) and its class path
    private static List<String> javaCommand(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:ArchiveClassesAtExit") && !option.startsWith("-agentlib:jdwp")
                    && !option.startsWith("-javaagent")) {
                cmd.add(option);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return cmd;
    }

    // copies a child's output to its log as it comes (so the child never blocks on a full pipe) and picks out its job id
    private static void pump(Worker w) throws IOException {
        Writer out = Files.newBufferedWriter(w.log, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            try (out; BufferedReader in = new BufferedReader(new InputStreamReader(w.process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (w.jobId() == null) {
                        Matcher m = JOB_LINE.matcher(line);
                        if (m.find()) {
                            w.announcedJob().set(m.group(1));
                        }
                    }
                    out.write(line);
                    out.write('\n');
                    out.flush();
                }
            } catch (IOException e) {
                // the child is gone; its exit status says how
            }
        }, "engram-worker-log-" + w.shard.replace('/', '-'));
        t.setDaemon(true);
        t.start();
    }
}
