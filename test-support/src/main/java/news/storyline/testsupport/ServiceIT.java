package news.storyline.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service's integration test: the whole application on a random port, writing to a database of the test class's
 * own ({@link FreshMongoDatabase}) and trusting the tests' caller tokens ({@link TrustedTestCallers}). A test reaches
 * the database through the service's {@code MongoDatabase} bean and the HTTP API through an {@link Api} bean
 * ({@link LocalServiceApi}), which calls as the gateway would; both are {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories({FreshMongoDatabase.class, TrustedTestCallers.class, LocalServiceApi.class})
public @interface ServiceIT {

    /** Properties for the test's context, in the form {@code key=value}, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
