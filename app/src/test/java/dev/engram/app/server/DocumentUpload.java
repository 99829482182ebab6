package dev.engram.app.server;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The multipart/form-data body of {@code POST /api/documents}, as a browser form sends it: an optional
 * {@code tenant} field, then one {@code files} part per file, in the order given.
 */
public record DocumentUpload(String boundary, byte[] body) {
    /** One file, under an optional (null: none) tenant. */
    public static DocumentUpload of(String tenant, String fileName, byte[] content) {
        return of(tenant, Map.of(fileName, content));
    }

    /** Files of text (UTF-8) by name, in the map's order, under an optional (null: none) tenant. */
    public static DocumentUpload ofText(String tenant, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return of(tenant, bytes);
    }

    private static DocumentUpload of(String tenant, Map<String, byte[]> files) {
        String boundary = "engram-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (tenant != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant\"\r\n\r\n" + tenant
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new DocumentUpload(boundary, body.toByteArray());
    }

    /** The request with this body posted and its Content-Type set. */
    public HttpRequest.Builder postedBy(HttpRequest.Builder request) {
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
