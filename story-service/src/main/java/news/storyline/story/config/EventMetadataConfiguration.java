package news.storyline.story.config;

import news.storyline.story.web.RequestTraceMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What an event's metadata takes over from the command that caused it. */
@Configuration(proxyBeanMethods = false)
public class EventMetadataConfiguration {

    /** The request's correlation id and trace context, which {@link TracingConfiguration} put on the command. */
    @Bean
    CorrelationDataProvider requestTraceProvider() {
        return new SimpleCorrelationDataProvider(RequestTraceMetadata.REQUEST_CORRELATION_ID,
                                                 RequestTraceMetadata.TRACEPARENT);
    }

    /** Axon's default ({@code correlationId}, {@code traceId}), which it drops once any other provider is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
