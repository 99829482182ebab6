package dev.engram.app.mcp;

import dev.engram.app.server.security.ApiKeyFilter;
import dev.engram.app.server.security.ApiKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Streamable HTTP at {@code /mcp} on {@code engram serve}, behind the same API-key filter as {@code /api}: a
 * request without a valid key gets the same 401, and each tool sees the key's tenant and groups.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class McpHttpConfiguration {
    /** The MCP endpoint's path. */
    public static final String PATH = "/mcp";

    @Bean
    FilterRegistrationBean<ApiKeyFilter> mcpApiKeyFilter(ApiKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys));
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setName("mcpApiKeyFilter");
        return registration;
    }

    @Bean
    ServletRegistrationBean<McpEndpoint> mcpEndpoint(EngramMcp mcp, McpSettings settings) {
        ServletRegistrationBean<McpEndpoint> registration = new ServletRegistrationBean<>(
                new McpEndpoint(mcp, settings, PATH), PATH);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }
}
