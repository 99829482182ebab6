package dev.engram.app.server;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The configuration and the runtime as beans. {@code engram serve} hands in both, built from its flags; otherwise
 * (tests, a plain {@code java -jar}) the configuration is built here from Spring's environment, which holds the
 * {@code engram.*} properties and the {@code ENGRAM_*} variables alike, over the same defaults as the CLI's.
 */
@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(EngramConfig.class)
    EngramConfig engramConfig(Environment environment) {
        return EngramConfig.load(SpringConfig.source(environment));
    }

    /** Upload limits from the configuration (Spring's own default is 1 MB). */
    @Bean
    MultipartConfigElement multipartConfig(EngramConfig config) {
        long max = config.limits().uploadBytes();
        return new MultipartConfigElement(null, max, max, 0);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EngramRuntime.class)
    EngramRuntime engramRuntime(EngramConfig config) {
        return EngramRuntime.open(config);
    }
}
