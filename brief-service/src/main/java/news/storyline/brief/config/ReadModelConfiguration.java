package news.storyline.brief.config;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import news.storyline.brief.rebuild.GenerationalDatabase;
import news.storyline.brief.rebuild.ReadModelGenerations;
import news.storyline.brief.rebuild.Rebuilds;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
     * writes, and each batch of a processor is followed by its token's durable write (a rebuild's replay by the
     * durable switch), which puts every write applied before it on disk. Waiting for the disk on every write instead
     * made each event cost several syncs.
     */
    @Bean
    GenerationalDatabase generationalDatabase(MongoDatabase storylineDatabase, ReadModelGenerations generations) {
        return new GenerationalDatabase(storylineDatabase.withWriteConcern(WriteConcern.W1), generations,
                                        Set.of(FEED));
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
                      @Value("${storyline.rebuilds.batch-size:500}") int batchSize,
                      @Value("${storyline.rebuilds.poll:200ms}") Duration poll) {
        List<Object> projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                                          .filter(projection -> !FEED.equals(processingGroup(projection)))
                                          .toList();
        return new Rebuilds(eventStore, generations, storylineDatabase, projections, generational,
                            axon.parameterResolverFactory(), batchSize, poll, Clock.systemUTC());
    }

    private static String processingGroup(Object projection) {
        return projection.getClass().getAnnotation(ProcessingGroup.class).value();
    }
}
