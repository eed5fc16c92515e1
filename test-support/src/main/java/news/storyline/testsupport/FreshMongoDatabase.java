package news.storyline.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Points {@code spring.data.mongodb.uri} at a fresh database on the backend {@link TestMongo} chose, one for each
 * test class: the test class is part of the context's cache key, so two classes that are otherwise configured alike
 * still get a context and a database each, and no test sees what another class wrote. Applied by {@link ServiceIT}.
 */
public final class FreshMongoDatabase implements ContextCustomizerFactory {

    static final String MONGODB_URI = "spring.data.mongodb.uri";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new ForTestClass(outermost(testClass));
    }

    /** A {@code @Nested} class shares its enclosing class's context, and so its database. */
    private static Class<?> outermost(Class<?> testClass) {
        Class<?> owner = testClass;
        while (owner.getEnclosingClass() != null && !Modifier.isStatic(owner.getModifiers())) {
            owner = owner.getEnclosingClass();
        }
        return owner;
    }

    private record ForTestClass(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            String uri = TestMongo.uri(testClass.getSimpleName());
            context.getEnvironment().getPropertySources()
                   .addFirst(new MapPropertySource(FreshMongoDatabase.class.getSimpleName(), Map.of(MONGODB_URI, uri)));
        }
    }
}
