package news.storyline.story.config;

import io.micrometer.tracing.Tracer;
import news.storyline.story.web.RequestTraceMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every command carries the correlation id and trace context of the request that sent it
 * ({@link RequestTraceMetadata}); {@link EventMetadataConfiguration} passes them on to the events. (Two classes,
 * because the command bus is built from Axon's configuration, which needs the correlation data providers first.)
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Autowired
    void traceCommands(CommandBus commandBus, Tracer tracer) {
        commandBus.registerDispatchInterceptor(new RequestTraceMetadata(tracer));
    }
}
