package news.storyline.brief.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import news.storyline.brief.deadletter.DeadLetterQueues;
import news.storyline.brief.deadletter.DeadLetterSettings;
import news.storyline.brief.deadletter.ParkingPolicy;
import news.storyline.brief.deadletter.ReadModelDeadLetters;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A read model that cannot apply an event parks that event's sequence — its story, or thread — in a dead-letter
 * queue in MongoDB, and goes on with every other one (Axon's dead-letter queue for the pooled processors, sequenced
 * by aggregate as the processors are). {@link ParkingPolicy} says when: not while the database cannot be reached,
 * and only after a few attempts. The feed parks nothing: it gives every event one position in one order, from one
 * thread, so it keeps retrying a failing event as before.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** The processing group that never parks. */
    private static final String FEED = "feed";

    @Autowired
    void parkPoisonEvents(EventProcessingConfigurer processing, ListableBeanFactory beans,
                          DeadLetterSettings settings) {
        for (String group : parkingGroups(beans)) {
            processing.registerDeadLetterQueue(group, axon -> DeadLetterQueues.inMongo(
                              group, beans.getBean("storylineDatabase", MongoDatabase.class), axon.eventSerializer(),
                              settings, beans.getBean(MeterRegistry.class)))
                      .registerDeadLetterPolicy(group, axon -> new ParkingPolicy(settings.attemptsBeforeParking()))
                      // Asks the queue about a story only once one of its events was parked in the segment.
                      .registerDeadLetteringEventHandlerInvokerConfiguration(
                              group, (axon, invoker) -> invoker.enableSequenceIdentifierCache());
        }
    }

    @Bean
    ReadModelDeadLetters readModelDeadLetters(ListableBeanFactory beans, @Lazy Configuration axon,
                                              MeterRegistry meters) {
        return new ReadModelDeadLetters(parkingGroups(beans), axon::eventProcessingConfiguration, meters);
    }

    /** Every read model's processing group but the feed's, from the projections' annotations. */
    private static List<String> parkingGroups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                     .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                     .filter(Objects::nonNull)
                     .map(ProcessingGroup::value)
                     .filter(group -> !FEED.equals(group))
                     .distinct()
                     .sorted()
                     .toList();
    }
}
