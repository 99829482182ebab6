package dev.engram.app.server.security;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.BodyLimitFilter;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.ListenPolicy;
import dev.engram.app.server.RequestIdFilter;
import org.slf4j.LoggerFactory;
import dev.engram.app.config.EngramConfig;
import jakarta.servlet.Filter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts request ids, the body-size limit and the API-key filter in front of /api, /v1 and the SPARQL protocol
 * endpoint /sparql, checks where the server listens, and lets controllers take a {@link Caller} parameter.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    // the protected paths: the REST API, the OpenAI-compatible API and the SPARQL protocol endpoint
    private static final String[] API_PATHS = {"/api/*", "/v1/*", "/sparql", "/sparql/*"};

    // request ids first (everything after can log them), then the body limit, then authentication
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        return registration(new RequestIdFilter(), 0, "/*");
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(InputLimits limits) {
        return registration(new BodyLimitFilter(limits), 1, API_PATHS);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys) {
        return registration(new ApiKeyFilter(keys), 2, API_PATHS);
    }

    /** Registers a filter on these URL patterns, {@code rank} places after the highest precedence. */
    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int rank, String... patterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(patterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + rank);
        return registration;
    }

    /**
     * Listens where the configuration says (loopback by default) unless Spring's own {@code server.address} is given,
     * and refuses to start on a non-loopback address without API keys unless the operator opted in; warns if so.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> listenPolicy(ApiKeys keys, EngramConfig config,
                                                                          Environment environment) {
        String address = environment.getProperty("server.address", config.server().host());
        ListenPolicy.check(address, keys.enabled(), config.server().allowOpen())
                .ifPresent(w -> LoggerFactory.getLogger(ListenPolicy.class).warn(w));
        return factory -> {
            if (environment.getProperty("server.address") == null) {
                try {
                    factory.setAddress(InetAddress.getByName(address));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("cannot listen on " + address + " (ENGRAM_HOST): unknown host", e);
                }
            }
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                Object caller = request.getAttribute(ApiKeyFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
                if (caller == null) {
                    // a handler outside the filtered paths asked for a caller: never default to open
                    throw new ApiException(HttpStatus.UNAUTHORIZED, "not authenticated");
                }
                return caller;
            }
        });
    }
}
