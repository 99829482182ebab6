package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.EngramServer;
import dev.engram.app.server.ListenPolicy;
import dev.engram.app.server.jobs.IngestJobs;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

/** {@code engram serve}: the HTTP server (REST, Cypher and OpenAI-compatible APIs) over the graph. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API (/api), read-only Cypher (/api/cypher), OpenAI-compatible chat (/v1) "
                + "and health (/actuator/health). Set ENGRAM_API_KEYS to require keys.")
final class ServeCommand extends ConfiguredCommand {
    @picocli.CommandLine.Option(names = "--resume-jobs",
            description = "Resume the ingest jobs a previous run left interrupted (see engram jobs list).")
    boolean resumeJobs;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.RETRIEVAL,
                Set.of(Setting.PORT, Setting.HOST, Setting.ALLOW_OPEN));
    }

    @Override
    public Integer call() throws InterruptedException {
        EngramConfig config = config();
        // decided before anything opens, so a refused exposure costs nothing
        ListenPolicy.check(config.server().host(), config.server().hasApiKeys(), config.server().allowOpen())
                .ifPresent(System.err::println);
        try (EngramRuntime runtime = EngramRuntime.open(config)) {
            serveUntilStopped(runtime, config, resumeJobs);
            return 0;
        }
    }

    /** Serves {@code runtime} over HTTP and returns once the server has shut down (Ctrl-C). */
    static void serveUntilStopped(EngramRuntime runtime, EngramConfig config) throws InterruptedException {
        serveUntilStopped(runtime, config, false);
    }

    /** Serves {@code runtime}, first queueing the interrupted ingest jobs again when {@code resumeJobs}. */
    static void serveUntilStopped(EngramRuntime runtime, EngramConfig config, boolean resumeJobs) throws InterruptedException {
        String host = config.server().host();
        int port = config.server().port();
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = EngramServer.start(runtime, config);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!context.isActive()) {
            closed.countDown();
        }
        System.err.println("engram: serving on http://" + host + ":"
                + context.getEnvironment().getProperty("local.server.port", String.valueOf(port))
                + " (graph: " + runtime.store().boltUri() + ")"
                + (resumeJobs ? "; resuming " + context.getBean(IngestJobs.class).resumeInterrupted() + " interrupted jobs" : ""));
        // the server runs on its own threads; the runtime must stay open until Spring has shut down (Ctrl-C)
        closed.await();
    }
}
