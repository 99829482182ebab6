package dev.engram.app.server;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Binds {@link InputLimits} from {@code engram.limits.*} (and the ENGRAM_MAX_* variables behind them). */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    @Bean
    InputLimits inputLimits(@Value("${engram.limits.question-chars}") int questionChars,
                            @Value("${engram.limits.cypher-chars}") int cypherChars,
                            @Value("${engram.limits.body-size}") DataSize bodySize,
                            @Value("${spring.servlet.multipart.max-request-size}") DataSize uploadSize,
                            @Value("${engram.limits.upload-files}") int uploadFiles,
                            @Value("${engram.query.max-top-k}") int topK,
                            @Value("${engram.limits.hops}") int hops,
                            @Value("${engram.limits.paths}") int paths,
                            @Value("${engram.cypher.max-rows}") int cypherRows,
                            @Value("${engram.cypher.timeout}") Duration cypherTimeout) {
        return new InputLimits(questionChars, cypherChars, bodySize.toBytes(), uploadSize.toBytes(), uploadFiles,
                topK, hops, paths, cypherRows, cypherTimeout);
    }
}
