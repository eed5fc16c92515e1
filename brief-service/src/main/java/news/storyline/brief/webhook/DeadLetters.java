package news.storyline.brief.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Every webhook's dead letters (collection {@code webhook-dead-letters}), one per webhook and position. */
@Component
class DeadLetters {

    private final MongoCollection<Document> deadLetters;

    DeadLetters(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.deadLetters = storylineDatabase.getCollection("webhook-dead-letters");
        // One webhook's letters, in position order: listed, counted and removed by webhook.
        deadLetters.createIndex(Indexes.ascending("webhookId", "position"), new IndexOptions().name("byWebhook"));
    }

    /** Keeps {@code letter}; should the same event die twice (a crash before the webhook moved on), once. */
    void add(DeadLetter letter) {
        deadLetters.replaceOne(Filters.eq("_id", key(letter.webhookId(), letter.position())), document(letter),
                               new ReplaceOptions().upsert(true));
    }

    List<DeadLetter> of(String webhookId) {
        return deadLetters.find(Filters.eq("webhookId", webhookId)).sort(Sorts.ascending("position"))
                          .map(DeadLetters::letter).into(new ArrayList<>());
    }

    Optional<DeadLetter> find(String webhookId, long position) {
        return Optional.ofNullable(deadLetters.find(Filters.eq("_id", key(webhookId, position))).first())
                       .map(DeadLetters::letter);
    }

    /** Records another failed attempt at a dead letter. */
    void failedAgain(DeadLetter letter, Attempt attempt) {
        deadLetters.updateOne(Filters.eq("_id", key(letter.webhookId(), letter.position())),
                              Updates.combine(Updates.inc("attempts", 1),
                                              Updates.set("status", attempt.status()),
                                              Updates.set("error", attempt.error()),
                                              Updates.set("lastAttemptAt", Date.from(attempt.at()))));
    }

    void remove(String webhookId, long position) {
        deadLetters.deleteOne(Filters.eq("_id", key(webhookId, position)));
    }

    void removeAll(String webhookId) {
        deadLetters.deleteMany(Filters.eq("webhookId", webhookId));
    }

    long count() {
        return deadLetters.countDocuments();
    }

    long count(String webhookId) {
        return deadLetters.countDocuments(Filters.eq("webhookId", webhookId));
    }

    private static String key(String webhookId, long position) {
        return webhookId + "/" + position;
    }

    private static Document document(DeadLetter letter) {
        return new Document("_id", key(letter.webhookId(), letter.position()))
                .append("webhookId", letter.webhookId())
                .append("position", letter.position())
                .append("type", letter.type())
                .append("attempts", letter.attempts())
                .append("status", letter.status())
                .append("error", letter.error())
                .append("lastAttemptAt", Date.from(letter.lastAttemptAt()))
                .append("cloudEvent", letter.cloudEvent());
    }

    private static DeadLetter letter(Document document) {
        return new DeadLetter(document.getString("webhookId"), document.get("position", Number.class).longValue(),
                              document.getString("type"), document.get("attempts", Number.class).intValue(),
                              document.getInteger("status"), document.getString("error"),
                              document.getDate("lastAttemptAt").toInstant(), document.getString("cloudEvent"));
    }
}
