package news.storyline.brief.query;

import com.mongodb.client.MongoDatabase;
import news.storyline.eventstore.StorylineJson;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

import java.time.Duration;

/** The processors' token store as the service configures it, for a node the test names (another instance, say). */
final class TokenStores {

    private TokenStores() {
    }

    static TokenStore on(MongoDatabase database, String nodeId) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                              .serializer(StorylineJson.serializer())
                              .claimTimeout(Duration.ofSeconds(10))
                              .nodeId(nodeId)
                              .build();
    }
}
