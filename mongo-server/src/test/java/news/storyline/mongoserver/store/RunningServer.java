package news.storyline.mongoserver.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import news.storyline.mongoserver.FileBackedMongoServer;
import news.storyline.mongoserver.MongoServerOptions;

import java.nio.file.Path;

/** The server as bin/stack runs it (file-backed, on a free loopback port), with a driver client connected. */
record RunningServer(FileBackedMongoServer server, MongoClient client) implements AutoCloseable {

    static RunningServer start(Path dataDirectory) {
        FileBackedMongoServer server = FileBackedMongoServer.start(new MongoServerOptions(0, "127.0.0.1", dataDirectory));
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.address().getPort());
        return new RunningServer(server, client);
    }

    MongoDatabase database() {
        return client.getDatabase("storyline");
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
