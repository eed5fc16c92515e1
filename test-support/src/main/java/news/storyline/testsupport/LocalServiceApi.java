package news.storyline.testsupport;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;

/**
 * Adds an {@link Api} on the service the test started to the test's context, so that a test may {@code @Autowired}
 * it. The bean is made when first asked for, once the server listens and its random port is known. Applied by
 * {@link ServiceIT}.
 */
public final class LocalServiceApi implements ContextCustomizerFactory {

    private static final String LOCAL_SERVER_PORT = "local.server.port";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Environment environment = context.getEnvironment();
            RootBeanDefinition api = new RootBeanDefinition(
                    Api.class, () -> Api.on(environment.getRequiredProperty(LOCAL_SERVER_PORT, Integer.class)));
            api.setLazyInit(true);
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(Api.class.getName(), api);
        }
    }
}
