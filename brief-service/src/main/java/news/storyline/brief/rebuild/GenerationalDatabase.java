package news.storyline.brief.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read models' database: every collection a projection asks for is a stand-in that goes, on each call, to
 * that collection in the generation the calling thread works on. Projections keep their collections in fields and
 * never know about generations; a switch takes effect on their next call. It remembers which read models asked,
 * which is what a rebuild rebuilds.
 */
public final class GenerationalDatabase {

    private final MongoDatabase database;
    private final ReadModelGenerations generations;
    private final Set<String> fixed;
    private final Set<String> readModels = ConcurrentHashMap.newKeySet();

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

    private MongoCollection<?> collection(Method getCollection, Object[] args) {
        String readModel = (String) args[0];
        return proxy(MongoCollection.class, (proxy, method, callArgs) -> {
            Object[] current = args.clone();
            current[0] = ReadModelGenerations.collectionName(readModel, generations.active());
            return invoke(method, invoke(getCollection, database, current), callArgs);
        });
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
