package news.storyline.brief.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** How the read models' processors treat failures. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    /**
     * Axon's default logs a failing handler and moves on, which would leave a read model without that event
     * forever. Propagating the failure makes the processor release the segment and retry the batch from its
     * last token; the handlers are idempotent, so the retry is safe.
     */
    @Autowired
    void retryFailedEvents(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
