package dev.engram.app.server;

import dev.engram.app.config.EngramConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link InputLimits} of the one configuration ({@code engram.limits.*}, the ENGRAM_MAX_* variables) as a bean. */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    @Bean
    InputLimits inputLimits(EngramConfig config) {
        return config.limits();
    }
}
