package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.extraction.document.DocumentFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram ingest --json} and {@code --sync --json}, run in process as a user would: stdout is only the JSON. */
class IngestJsonTest {
    @TempDir Path temp;
    final ObjectMapper json = new ObjectMapper();

    record Run(int exit, JsonNode out, String err) {}

    @Test
    void ingestAndSyncPrintTheirResultAsJsonWithEveryProblemAndProgressOnStderr() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("pile"));
        Files.writeString(folder.resolve("harbour.md"), "# Harbour\n\nThe harbour master is Ines Duarte.\n");
        Files.writeString(folder.resolve("crane.txt"), "The harbour crane lifts containers.\n");
        DocumentFixtures.truncatedPdf(folder.resolve("broken.pdf"));
        Files.writeString(folder.resolve("empty.txt"), "  \n");

        Run first = engram("ingest", "--json", folder.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out().get("read").asLong()).isEqualTo(2);
        assertThat(first.out().get("written").asLong()).isEqualTo(2);
        assertThat(first.out().get("unchanged").asLong()).isZero();
        assertThat(first.out().get("failed").asLong()).isEqualTo(2);
        assertThat(first.out().get("chunks").asLong()).isEqualTo(2);
        assertThat(first.out().has("sync")).isFalse();
        assertThat(problems(first)).hasSize(2);
        assertThat(problems(first).get(0)).startsWith(folder.resolve("broken.pdf") + ": cannot parse (corrupt or truncated application/pdf)");
        assertThat(problems(first).get(1)).startsWith(folder.resolve("empty.txt") + ": ").contains("empty");
        assertThat(first.err()).contains("skipped " + folder.resolve("broken.pdf")).contains("ingest");

        Files.writeString(folder.resolve("harbour.md"), "# Harbour\n\nThe harbour master is Rui Costa now.\n");
        Files.delete(folder.resolve("crane.txt"));
        Files.writeString(folder.resolve("quay.md"), "# Quay\n\nQuay 3 takes the ferries.\n");

        Run plan = engram("ingest", "--sync", "--dry-run", "--json", folder.toString());
        assertThat(plan.out().get("sync").get("dryRun").asBoolean()).isTrue();
        assertThat(plan.out().get("sync").get("added")).containsExactly(json.valueToTree("pile/quay.md"));
        assertThat(plan.out().get("sync").get("changed")).containsExactly(json.valueToTree("pile/harbour.md"));
        assertThat(plan.out().get("sync").get("removed")).containsExactly(json.valueToTree("pile/crane.txt"));
        assertThat(plan.out().get("written").asLong()).isZero();
        assertThat(plan.out().get("failed").asLong()).isEqualTo(2);

        Run sync = engram("ingest", "--sync", "--json", folder.toString());
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out().get("sync").get("dryRun").asBoolean()).isFalse();
        assertThat(sync.out().get("sync").get("deleted").asInt()).isOne();
        assertThat(sync.out().get("read").asLong()).isEqualTo(2);
        assertThat(sync.out().get("written").asLong()).isEqualTo(2);
        assertThat(sync.out().get("failed").asLong()).isEqualTo(2);
        assertThat(problems(sync)).hasSize(2);

        Run again = engram("ingest", "--sync", "--json", folder.toString());
        assertThat(again.out().get("unchanged").asLong()).isEqualTo(2);
        assertThat(again.out().get("written").asLong()).isZero();
        assertThat(again.out().get("sync").get("deleted").asInt()).isZero();
    }

    /** Each problem as "file: reason". */
    private static List<String> problems(Run run) {
        List<String> out = new ArrayList<>();
        run.out().get("problems").forEach(p -> out.add(p.get("file").asText() + ": " + p.get("reason").asText()));
        return out;
    }

    private Run engram(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--data-dir");
        all.add(2, temp.resolve("db").toString());
        Printed run = Printed.engram(all.toArray(String[]::new));
        String text = run.out();
        String errText = run.err();
        assertThat(text.strip()).as("stdout is one JSON object; stderr: " + errText).startsWith("{").endsWith("}");
        return new Run(run.exit(), json.readTree(text), errText);
    }
}
