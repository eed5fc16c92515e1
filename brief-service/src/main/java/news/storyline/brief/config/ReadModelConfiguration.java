package news.storyline.brief.config;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import news.storyline.brief.deadletter.ReadModelDeadLetters;
import news.storyline.brief.rebuild.GenerationalDatabase;
import news.storyline.brief.rebuild.ReadModelGenerations;
import news.storyline.brief.rebuild.Rebuilds;
import news.storyline.brief.rebuild.ReplayParking;
import news.storyline.brief.rebuild.SequenceLocks;
import news.storyline.eventstore.spring.EventStoreAutoConfiguration;
import news.storyline.eventstore.spring.EventStoreProperties;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;

/**
 * The read models live in generations (see {@link ReadModelGenerations}) so that they can be rebuilt while they
 * serve. The feed is not among them: its positions are given out for good, so it is never rebuilt.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** The processing group, and collection, that keeps its positions for good. */
    private static final String FEED = "feed";

    @Bean
    ReadModelGenerations readModelGenerations(MongoDatabase storylineDatabase,
                                              @Value("${storyline.rebuilds.switch-refresh:1s}") Duration refresh) {
        return new ReadModelGenerations(storylineDatabase, refresh, Clock.systemUTC());
    }

    /**
     * The read models write with {@code w: 1}: acknowledged once applied, not once on disk. A read model can be
     * rebuilt, and what a crash could take back of it is never lost: the store takes back only a suffix of the
     * writes, and each batch of a processor is followed by its token's write (a rebuild's replay by the durable
     * switch), so a crash that takes back a batch's writes takes back its token too, and the batch is handled again.
     * Waiting for the disk on every write instead made each event cost several syncs.
     */
    @Bean
    GenerationalDatabase generationalDatabase(MongoDatabase storylineDatabase, ReadModelGenerations generations) {
        return new GenerationalDatabase(storylineDatabase.withWriteConcern(WriteConcern.W1), generations,
                                        Set.of(FEED));
    }

    /**
     * The rebuildable read models' processors keep their tokens with {@code w: 1} too. A crash takes back only a
     * suffix of the writes, in the order they were applied: a token it keeps had every write of its batches applied
     * before it, and those it keeps as well; a token it takes back sends the processor over those batches again
     * (the handlers are idempotent). Each durable token write was a commit and sync of its own: of the store's
     * commits under a steady write load, about two in five. The feed's processor keeps durable tokens: its positions
     * are given out for good.
     */
    @Autowired
    void readModelTokensWithoutWaitingForTheDisk(EventProcessingConfigurer processing,
                                                  EventProcessorProperties processors,
                                                  MongoDatabase storylineDatabase, Serializer storylineSerializer,
                                                  EventStoreProperties eventStore) {
        TokenStore tokens = EventStoreAutoConfiguration.tokenStoreIn(
                storylineDatabase.withWriteConcern(WriteConcern.W1), storylineSerializer, eventStore);
        processors.getProcessors().keySet().stream().filter(name -> !FEED.equals(name))
                  .forEach(name -> processing.registerTokenStore(name, configuration -> tokens));
    }

    /** Static: the configuration's own injected method needs it, before the configuration exists. */
    @Bean
    static SequenceLocks sequenceLocks() {
        return new SequenceLocks();
    }

    /**
     * The rebuildable read models' processors hold a story's lock while they apply its event, as a replay does, and
     * apply all of it to one generation.
     */
    @Autowired
    void liveProcessorsHoldTheSequenceLocks(EventProcessingConfigurer processing, EventProcessorProperties processors,
                                           SequenceLocks locks, ObjectProvider<ReadModelGenerations> generations) {
        processors.getProcessors().keySet().stream().filter(name -> !FEED.equals(name)).forEach(
                group -> processing.registerHandlerInterceptor(group, axon -> oneEventAtATime(
                        group, axon.eventProcessingConfiguration().sequencingPolicy(group), locks,
                        generations.getObject())));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> oneEventAtATime(
            String group, SequencingPolicy<? super EventMessage<?>> sequencing, SequenceLocks locks,
            ReadModelGenerations generations) {
        return (unitOfWork, chain) -> {
            Lock lock = locks.lockOf(group, SequenceLocks.sequenceOf(sequencing, unitOfWork.getMessage()));
            lock.lock();
            try {
                return generations.pinnedWhile(chain::proceed);
            } finally {
                lock.unlock();
            }
        };
    }

    /** What every projection gets as its database. */
    @Bean
    @Qualifier("readModels")
    MongoDatabase readModels(GenerationalDatabase generational) {
        return generational.database();
    }

    @Bean
    Rebuilds rebuilds(EventStore eventStore, ReadModelGenerations generations, MongoDatabase storylineDatabase,
                      GenerationalDatabase generational, @Lazy Configuration axon, ApplicationContext context,
                      ReadModelDeadLetters deadLetters, SequenceLocks locks,
                      @Value("${storyline.rebuilds.segments:4}") int segments,
                      @Value("${storyline.rebuilds.batch-size:500}") int batchSize,
                      @Value("${storyline.rebuilds.poll:200ms}") Duration poll) {
        Map<String, List<Object>> projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(projection -> !FEED.equals(processingGroup(projection)))
                .sorted(AnnotationAwareOrderComparator.INSTANCE) // as Axon orders a group's handlers
                .collect(Collectors.groupingBy(ReadModelConfiguration::processingGroup));
        return new Rebuilds(eventStore, generations, storylineDatabase, projections, generational,
                            axon.parameterResolverFactory(),
                            group -> axon.eventProcessingConfiguration().sequencingPolicy(group),
                            segments, parkingIn(deadLetters), locks, batchSize, poll, Clock.systemUTC());
    }

    /** A rebuild parks what it cannot apply where the live processors park theirs. */
    private static ReplayParking parkingIn(ReadModelDeadLetters deadLetters) {
        return new ReplayParking() {
            @Override
            public boolean parks(Throwable failure) {
                return deadLetters.parks(failure);
            }

            @Override
            public void park(String group, String sequence, EventMessage<?> event, Throwable cause) {
                deadLetters.parkReplayed(group, sequence, event, cause);
            }
        };
    }

    private static String processingGroup(Object projection) {
        return projection.getClass().getAnnotation(ProcessingGroup.class).value();
    }
}
