package news.storyline.bench.peer;

import news.storyline.story.StoryServiceApplication;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The peer a user would otherwise pick: story-service itself — its aggregates, its controllers, its filters, the
 * same caller-token check — with Axon's own JDBC event store on PostgreSQL in place of Storyline's MongoDB engine.
 * Storyline's auto-configuration gives way to an {@link EventStorageEngine} defined here. The write path touches
 * PostgreSQL only: MongoDB (a scratch database of the same server) still backs what a plain filing never uses,
 * the Idempotency-Key store and the health check.
 * <p>
 * Started by the bench as a process of its own: {@code java -Dloader.main=<this class> -jar bench-...-exec.jar}.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {StoryServiceApplication.class, PostgresPeerApplication.class}, args);
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, Serializer storylineSerializer,
                                          TransactionManager transactionManager, EventUpcaster storylineUpcasters) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .eventSerializer(storylineSerializer)
                .snapshotSerializer(storylineSerializer)
                .upcasterChain(storylineUpcasters)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }
}
