package news.storyline.brief.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The read models' database: every collection a projection asks for is a stand-in that goes, on each call, to
 * that collection in the generation the calling thread works on. Projections keep their collections in fields and
 * never know about generations; a switch takes effect on their next call. It remembers which read models asked,
 * which is what a rebuild rebuilds, and the indexes they created (once, at start-up, in the generation current
 * then), so that a new generation gets them too.
 */
public final class GenerationalDatabase {

    private final MongoDatabase database;
    private final ReadModelGenerations generations;
    private final Set<String> fixed;
    private final Set<String> readModels = ConcurrentHashMap.newKeySet();
    private final List<IndexCreation> indexes = new CopyOnWriteArrayList<>();

    /**
     * @param fixed collections that are not rebuilt (an append-only log whose positions must never change); they
     *              always have their plain name
     */
    public GenerationalDatabase(MongoDatabase database, ReadModelGenerations generations, Set<String> fixed) {
        this.database = database;
        this.generations = generations;
        this.fixed = Set.copyOf(fixed);
    }

    /** The database to give the projections. */
    public MongoDatabase database() {
        return proxy(MongoDatabase.class, (proxy, method, args) -> {
            if (method.getName().equals("getCollection") && args != null && args[0] instanceof String name
                    && !fixed.contains(name)) {
                readModels.add(name);
                return collection(method, args);
            }
            return invoke(method, database, args);
        });
    }

    /** The collections the projections asked for, each of which a rebuild fills anew. */
    public Set<String> readModels() {
        return Set.copyOf(readModels);
    }

    /** Creates in {@code generation} every index the projections created in theirs. */
    public void createIndexesIn(long generation) {
        for (IndexCreation index : indexes) {
            Object[] args = index.getCollectionArgs().clone();
            args[0] = ReadModelGenerations.collectionName(index.readModel(), generation);
            try {
                invoke(index.createIndex(), invoke(index.getCollection(), database, args), index.createIndexArgs());
            } catch (Throwable failure) {
                throw new IllegalStateException("Could not create an index of " + index.readModel() + " in generation "
                                                        + generation, failure);
            }
        }
    }

    private MongoCollection<?> collection(Method getCollection, Object[] args) {
        String readModel = (String) args[0];
        return proxy(MongoCollection.class, (proxy, method, callArgs) -> {
            if (method.getName().startsWith("createIndex")) {
                indexes.add(new IndexCreation(readModel, getCollection, args.clone(), method, callArgs));
            }
            Object[] current = args.clone();
            current[0] = ReadModelGenerations.collectionName(readModel, generations.active());
            return invoke(method, invoke(getCollection, database, current), callArgs);
        });
    }

    /** An index a projection created: replayed on a new generation's collection. */
    private record IndexCreation(String readModel, Method getCollection, Object[] getCollectionArgs,
                                 Method createIndex, Object[] createIndexArgs) {
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
