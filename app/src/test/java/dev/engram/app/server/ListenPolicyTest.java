package dev.engram.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Finding 5 (open by default): {@code serve} listens on loopback unless told otherwise, and another address without
 * API keys needs the explicit opt-in, which still warns.
 */
class ListenPolicyTest {

    @Test
    void loopbackIsAlwaysFineAndOtherAddressesNeedKeysOrTheOptIn() {
        for (String loopback : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"}) {
            assertThat(ListenPolicy.check(loopback, false, false)).as(loopback).isEmpty();
        }
        for (String open : new String[] {"0.0.0.0", "::", "192.168.1.10", "", "my-host.example"}) {
            assertThatThrownBy(() -> ListenPolicy.check(open, false, false)).as(open)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("--allow-open");
            assertThat(ListenPolicy.check(open, true, false)).as(open + " with keys").isEmpty();
            assertThat(ListenPolicy.check(open, false, true)).as(open + " opted in").get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("WARNING");
        }
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // old code served here until killed
    void serveDefaultsToLoopbackAndRefusesAnOpenAddressWithoutKeysBeforeOpeningAnything() throws Exception {
        CommandLine cli = Commands.commandLine();
        CommandLine serve = cli.getSubcommands().get("serve");
        // the default comes from the configuration catalogue, through the command line's default provider
        CommandLine.Model.CommandSpec spec = serve.getCommandSpec();
        String defaultHost = spec.defaultValueProvider().defaultValue(spec.findOption("--host"));
        if (System.getenv("ENGRAM_HOST") == null) {
            assertThat(defaultHost).contains("127.0.0.1");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            CommandLine fresh = Commands.commandLine();
            fresh.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            fresh.getSubcommands().get("serve").setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            status = fresh.execute("serve", "--host", "0.0.0.0", "--port", "0", "--bolt-port", "0",
                    "--data-dir", java.nio.file.Files.createTempDirectory("engram-listen").toString());
        } finally {
            System.setErr(originalErr);
        }
        if (System.getenv("ENGRAM_API_KEYS") == null) {
            assertThat(status).isNotZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to listen on 0.0.0.0");
        }
    }
}
