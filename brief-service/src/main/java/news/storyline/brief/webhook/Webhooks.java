package news.storyline.brief.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The registered webhooks and their delivery state (collection {@code webhooks}). */
@Component
class Webhooks {

    private final MongoCollection<Document> webhooks;

    Webhooks(@Qualifier("storylineDatabase") MongoDatabase storylineDatabase) {
        this.webhooks = storylineDatabase.getCollection("webhooks");
        webhooks.createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("oldestFirst"));
    }

    void add(Webhook webhook) {
        webhooks.insertOne(new Document("_id", webhook.id())
                                   .append("url", webhook.url())
                                   .append("types", new ArrayList<>(webhook.types()))
                                   .append("thread", webhook.thread())
                                   .append("secret", webhook.secret())
                                   .append("position", webhook.position())
                                   .append("createdAt", Date.from(webhook.createdAt()))
                                   .append("failedAttempts", 0));
    }

    List<Webhook> all() {
        return webhooks.find().sort(Sorts.ascending("createdAt")).map(Webhooks::webhook).into(new ArrayList<>());
    }

    Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.find(Filters.eq("_id", id)).first()).map(Webhooks::webhook);
    }

    boolean remove(String id) {
        return webhooks.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    /**
     * Moves the webhook past {@code position} and clears its failures. Never moves it back, so an instance whose
     * lease ran out unnoticed cannot undo another's progress.
     *
     * @return whether it moved; {@code false} when the webhook is gone or already further
     */
    boolean advance(String id, long position) {
        return webhooks.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("position", position)),
                                  Updates.combine(Updates.set("position", position),
                                                  Updates.set("failedAttempts", 0),
                                                  Updates.unset("retryAt"),
                                                  Updates.unset("lastError")))
                       .getMatchedCount() == 1;
    }

    /** Records a failed attempt at the event after the webhook's position, and when to try it again. */
    void failed(String id, int failedAttempts, Instant retryAt, String error) {
        webhooks.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("failedAttempts", failedAttempts),
                                                                  Updates.set("retryAt", Date.from(retryAt)),
                                                                  Updates.set("lastError", error)));
    }

    private static Webhook webhook(Document document) {
        Date retryAt = document.getDate("retryAt");
        return new Webhook(document.getString("_id"), document.getString("url"),
                           new HashSet<>(document.getList("types", String.class)), document.getString("thread"),
                           document.getString("secret"), document.get("position", Number.class).longValue(),
                           document.getDate("createdAt").toInstant(),
                           document.get("failedAttempts", Number.class).intValue(),
                           retryAt == null ? null : retryAt.toInstant(), document.getString("lastError"));
    }
}
