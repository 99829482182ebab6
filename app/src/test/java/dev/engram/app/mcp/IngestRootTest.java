package dev.engram.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.server.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest folder's path rules on real files and symbolic links. */
class IngestRootTest {
    @TempDir Path temp;
    Path root;
    Path outside;
    IngestRoot ingest;

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(Files.createDirectories(root.resolve("docs/a")).resolve("note.md"), "# Note\n");
        Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(root.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside.md"), root.resolve("docs/a/note.md"));
        Files.createSymbolicLink(root.resolve("docs/out"), outside);
        Files.createDirectories(root.resolve("clean"));
        Files.writeString(root.resolve("clean/x.txt"), "x\n");
        ingest = new IngestRoot(root);
    }

    @Test
    void pathsInsideTheRootResolveToTheirRealPaths() throws Exception {
        assertThat(ingest.resolve("docs/a/note.md")).isEqualTo(root.toRealPath().resolve("docs/a/note.md"));
        assertThat(ingest.resolve(root.resolve("clean").toString())).isEqualTo(root.toRealPath().resolve("clean"));
        assertThat(ingest.resolve("./clean/x.txt")).isEqualTo(root.toRealPath().resolve("clean/x.txt"));
        assertThat(ingest.resolve("inside.md")).as("a link that stays inside").isEqualTo(root.toRealPath().resolve("docs/a/note.md"));
    }

    @Test
    void escapesAreRefusedWithTheReason() {
        assertRefused("../outside/secret.txt", "'..'");
        assertRefused("docs/../../outside/secret.txt", "'..'");
        assertRefused(outside.resolve("secret.txt").toString(), "outside the ingest root");
        assertRefused("/etc/passwd", "outside the ingest root");
        assertRefused("escape.txt", "symbolic link");
        assertRefused("docs/out/secret.txt", "symbolic link");
        assertRefused("docs", "a symbolic link leading outside");
        assertRefused("no/such/file", "nothing at");
        assertRefused("", "non-empty");
        assertRefused("bad\0name", "non-empty");
    }

    @Test
    void theRootMustExist() {
        assertThatThrownBy(() -> new IngestRoot(temp.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    private void assertRefused(String path, String reason) {
        assertThatThrownBy(() -> ingest.resolve(path)).as(path).isInstanceOf(ApiException.class).hasMessageContaining(reason);
    }
}
