package news.storyline.brief.deadletter;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

/** Where a read model's parked events are kept. */
public final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    /**
     * Axon's MongoDB dead-letter queue, one collection for all read models (each letter names its group), reported
     * on by {@link ReportingDeadLetterQueue}.
     */
    public static SequencedDeadLetterQueue<EventMessage<?>> inMongo(String group, MongoDatabase database,
                                                                    Serializer serializer,
                                                                    DeadLetterSettings settings,
                                                                    MeterRegistry meters) {
        MongoSequencedDeadLetterQueue<EventMessage<?>> letters =
                MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                             .processingGroup(group)
                                             .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                .mongoDatabase(database)
                                                                                .deadLetterCollectionName(
                                                                                        settings.collection())
                                                                                .build())
                                             .serializer(serializer)
                                             .claimDuration(settings.claim())
                                             .build();
        return new ReportingDeadLetterQueue(group, letters, meters);
    }
}
