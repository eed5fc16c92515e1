package news.storyline.gateway;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.actuate.autoconfigure.tracing.TracingProperties;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayPropagatingSenderTracingObservationHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the client's {@code tracestate} on the call to the service. The gateway's own handler (it replaces the one
 * Spring Cloud Gateway would make) removes every propagation header from the forwarded request before it writes its
 * own {@code traceparent}, and Brave's W3C propagation writes no {@code tracestate}, so the client's vendors' state
 * would be lost, which Trace Context asks a participant not to do. Kept only while the client's trace is continued:
 * {@link CorrelationFilter} drops a {@code tracestate} that came with an invalid {@code traceparent}.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfiguration {

    /** The same order Spring Cloud Gateway gives its own, so that it runs before Boot's default tracing handlers. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    GatewayPropagatingSenderTracingObservationHandler gatewayPropagatingSenderTracingObservationHandler(Tracer tracer,
            Propagator propagator, TracingProperties tracing) {
        List<String> keptFields = new ArrayList<>(tracing.getBaggage().getRemoteFields());
        keptFields.add(Correlation.TRACESTATE);
        return new GatewayPropagatingSenderTracingObservationHandler(tracer, propagator, keptFields);
    }
}
