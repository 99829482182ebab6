package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.mcp.EngramMcp;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.EngramServer;
import dev.engram.app.server.security.Caller;
import dev.engram.app.server.security.Role;
import dev.engram.store.search.AccessFilter;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code engram mcp}: the MCP server on stdin/stdout for a local agent host (Claude Desktop, VS Code...), as one
 * caller whose role, tenant and groups come from flags or the environment. Standard output carries the protocol
 * only; everything else, logs included, goes to standard error. Exits when the host closes standard input.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve the graph to an agent host over the Model Context Protocol on stdin/stdout "
                + "(for Streamable HTTP, run engram serve: it answers at /mcp).")
final class McpCommand extends ConfiguredCommand {
    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.RETRIEVAL,
                Set.of(Setting.MCP_ROLE, Setting.MCP_TENANT, Setting.MCP_GROUPS, Setting.MCP_INGEST_ROOT));
    }

    @Override
    public Integer call() throws InterruptedException {
        // the protocol owns standard output: keep it for the transport, and send whatever else prints to stderr
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        EngramConfig config = config();
        Caller caller = caller(config.mcp());
        CountDownLatch hostGone = new CountDownLatch(1);
        try (EngramRuntime runtime = EngramRuntime.open(config);
             ConfigurableApplicationContext context = EngramServer.startWithoutHttp(runtime, config)) {
            EngramMcp mcp = context.getBean(EngramMcp.class);
            McpSyncServer server = mcp.stdio(new StdioServerTransportProvider(mcp.json(),
                    new EndSignallingInput(System.in, hostGone), protocol), caller);
            System.err.println("engram: MCP on stdio as " + caller.role().name().toLowerCase(java.util.Locale.ROOT) + " tenant '"
                    + caller.access().tenant() + "' groups " + caller.access().groups() + "; tools: "
                    + String.join(", ", mcp.toolNames(caller)));
            hostGone.await();
            server.closeGracefully();
        }
        return 0;
    }

    /** The one caller this process serves, by the same rule as an ENGRAM_API_KEYS entry (see ApiKey). */
    static Caller caller(EngramConfig.Mcp mcp) {
        String t = mcp.tenant() == null || mcp.tenant().isBlank() ? AccessFilter.ANY : mcp.tenant().strip();
        List<String> g = mcp.groups();
        if (g.isEmpty() && AccessFilter.ANY.equals(t)) {
            g = List.of(AccessFilter.ANY);
        }
        return new Caller(Role.parse(mcp.role()), new AccessFilter(t, g));
    }

    /** Standard input that says when the host has closed it, so the process can stop. */
    private static final class EndSignallingInput extends FilterInputStream {
        private final CountDownLatch ended;

        EndSignallingInput(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return signal(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return signal(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int signal(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
