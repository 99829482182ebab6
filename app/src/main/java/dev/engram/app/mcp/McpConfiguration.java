package dev.engram.app.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the {@code engram.mcp.*} settings (ENGRAM_MCP_* in the environment) into one {@link McpSettings}. */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

    @Bean
    McpSettings mcpSettings(@Value("${engram.mcp.ingest-root:}") String ingestRoot,
                            @Value("${engram.mcp.allowed-origins:}") String allowedOrigins,
                            @Value("${engram.mcp.max-text-chars:1000000}") int maxTextChars,
                            @Value("${engram.mcp.max-request-bytes:8388608}") int maxRequestBytes,
                            @Value("${engram.mcp.ingest-wait:60s}") Duration ingestWait,
                            @Value("${engram.mcp.session-idle:60m}") Duration sessionIdle) {
        return new McpSettings(ingestRoot.isBlank() ? Optional.empty() : Optional.of(Path.of(ingestRoot.strip())),
                Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                maxTextChars, maxRequestBytes, ingestWait, sessionIdle);
    }
}
