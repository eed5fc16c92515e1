package news.storyline.eventstore.spring;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import news.storyline.eventstore.GlobalIndexMongoEventStorageEngine;
import news.storyline.eventstore.NotifyingEventStore;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Wires Axon to Storyline's MongoDB event store: the storage engine with a global index, tokens in MongoDB,
 * and Jackson for every stored message. Runs before Axon's own auto-configuration, whose beans then back off.
 */
@AutoConfiguration(
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration")
@EnableConfigurationProperties({EventStoreProperties.class, MongoProperties.class})
public class EventStoreAutoConfiguration {

    /** Named, not just typed: a service may add databases of its own (views of this one) beside it. */
    @Bean
    @ConditionalOnMissingBean(name = "storylineDatabase")
    public MongoDatabase storylineDatabase(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }

    /** Fails fast while the database cannot be reached, so that callers get a prompt 503 rather than a hang. */
    @Bean
    public MongoClientSettingsBuilderCustomizer promptWhenTheDatabaseIsUnreachable(EventStoreProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Axon's general serializer; the event and message serializers below are the same one. */
    @Bean
    @Primary
    public Serializer storylineSerializer() {
        return StorylineJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer storylineSerializer) {
        return storylineSerializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer storylineSerializer) {
        return storylineSerializer;
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStorageEngine eventStorageEngine(MongoDatabase storylineDatabase,
                                                 Serializer storylineSerializer,
                                                 Configuration configuration,
                                                 EventStoreProperties properties) {
        return GlobalIndexMongoEventStorageEngine.builder()
                                                 .database(storylineDatabase)
                                                 .eventSerializer(storylineSerializer)
                                                 .snapshotSerializer(storylineSerializer)
                                                 .upcasterChain(configuration.upcasterChain())
                                                 .gapTimeout(properties.gapTimeout())
                                                 .batchSize(properties.batchSize())
                                                 .build();
    }

    /**
     * Axon's event store, polling storage at {@code pollInterval} for events written by other processes, whose streams
     * tell the processors reading them when events arrive ({@link NotifyingEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventStore.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         Configuration configuration,
                                         EventStoreProperties properties) {
        return new NotifyingEventStore(EmbeddedEventStore.builder()
                                                         .storageEngine(storageEngine)
                                                         .fetchDelay(properties.pollInterval().toMillis())
                                                         .cachedEvents(properties.cachedEvents())
                                                         .messageMonitor(configuration.messageMonitor(EventStore.class,
                                                                                                      "eventStore"))
                                                         .spanFactory(configuration.getComponent(
                                                                 EventBusSpanFactory.class)));
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(MongoDatabase storylineDatabase,
                                 Serializer storylineSerializer,
                                 EventStoreProperties properties) {
        return tokenStoreIn(storylineDatabase, storylineSerializer, properties);
    }

    /**
     * The processors' tokens in {@code database}, with its write concern: the default store takes the database's
     * own; a service whose read models may lose a suffix of their writes in a crash may give their processors one
     * that does not wait for the disk either.
     */
    public static TokenStore tokenStoreIn(MongoDatabase database, Serializer serializer,
                                          EventStoreProperties properties) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                              .serializer(serializer)
                              .claimTimeout(properties.claimTimeout())
                              .nodeId(ManagementFactory.getRuntimeMXBean().getName())
                              .build();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        /** The service is healthy only while its database answers. */
        @Bean
        HealthIndicator eventStoreHealth(MongoDatabase storylineDatabase) {
            return () -> {
                try {
                    storylineDatabase.runCommand(new Document("ping", 1));
                    return org.springframework.boot.actuate.health.Health.up()
                                 .withDetail("database", storylineDatabase.getName()).build();
                } catch (MongoException unreachable) {
                    return org.springframework.boot.actuate.health.Health.down(unreachable).build();
                }
            };
        }
    }
}
