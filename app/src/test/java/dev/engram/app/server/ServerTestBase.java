package dev.engram.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a test of the whole running server shares: a data directory of its own for the embedded store (made once
 * per Spring context), Bolt on a free port, the rule extractor, the server's random port, and an HTTP client and
 * JSON mapper to talk to it. A test class adds its own settings with {@code @TestPropertySource}.
 */
@SpringBootTest(classes = EngramServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "engram.bolt-port=0", "engram.embed-threads=2", "engram.extractor=rule"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestBase {
    // the API keys the test classes configure (each its own subset, in engram.api-keys): key:role:tenant
    protected static final String ADMIN = "admin-key";         // write:*
    protected static final String READER_ALL = "reader-all";   // read:*
    protected static final String READER_A = "reader-a";       // read:tenantA
    protected static final String WRITER_A = "writer-a";       // write:tenantA
    protected static final String READER_B = "reader-b";       // read:tenantB
    protected static final String WRITER_B = "writer-b";       // write:tenantB

    @DynamicPropertySource
    static void ownDataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("engram-server-test");
        registry.add("engram.data-dir", dir::toString);
    }

    /** The running server's data directory. */
    @Value("${engram.data-dir}") protected Path dataDir;
    /** The running server's HTTP port. */
    @LocalServerPort protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final ObjectMapper json = new ObjectMapper();
}
