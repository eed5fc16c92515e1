package news.storyline.brief.config;

import news.storyline.api.upcasting.StorylineUpcasters;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** How the read models' processors read old events and treat failures. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    EventUpcaster storylineUpcasters() {
        return StorylineUpcasters.chain();
    }

    /**
     * Axon's default logs a failing handler and moves on, which would leave a read model without that event
     * forever. Propagating the failure makes the processor release the segment and retry the batch from its
     * last token; the handlers are idempotent, so the retry is safe. The feed stays so; every other read model parks
     * an event that keeps failing, with its story's later events, and goes on ({@link DeadLetterConfiguration}).
     */
    @Autowired
    void retryFailedEvents(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
