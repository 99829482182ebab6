package dev.engram.app.server;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Engram HTTP server: REST, Cypher, OpenAI-compatible and MCP APIs over one {@link EngramRuntime}. */
@SpringBootApplication(scanBasePackages = {"dev.engram.app.server", "dev.engram.app.mcp"})
public class EngramServer {

    /**
     * Starts the server on an already open runtime, which the caller keeps owning and closes after the context,
     * with the configuration the runtime was opened from (it outranks application.properties and the environment).
     */
    public static ConfigurableApplicationContext start(EngramRuntime runtime, EngramConfig config) {
        return run(runtime, config, SpringConfig.springProperties(config), WebApplicationType.SERVLET);
    }

    /**
     * The server's services and configuration without the HTTP server, for front ends of their own such as
     * {@code engram mcp} on stdio.
     */
    public static ConfigurableApplicationContext startWithoutHttp(EngramRuntime runtime, EngramConfig config) {
        return run(runtime, config, Map.of(), WebApplicationType.NONE);
    }

    private static ConfigurableApplicationContext run(EngramRuntime runtime, EngramConfig config,
                                                      Map<String, Object> properties, WebApplicationType type) {
        SpringApplication app = new SpringApplication(EngramServer.class);
        app.setWebApplicationType(type);
        // registered before configuration is read, so RuntimeConfiguration neither rebuilds them nor opens a second runtime
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("engramConfig", config);
            context.getBeanFactory().registerSingleton("engramRuntime", runtime);
        });
        // passed as command-line arguments because those outrank application.properties; default properties do not
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return app.run(args);
    }
}
