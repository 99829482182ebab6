package dev.engram.app.mcp;

import dev.engram.app.config.EngramConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MCP server's settings as a bean, from the one configuration ({@code engram.mcp.*}, ENGRAM_MCP_*). */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

    @Bean
    McpSettings mcpSettings(EngramConfig config) {
        return config.mcp().settings();
    }
}
