package news.storyline.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Gives the service under test the {@link TestCallers} secret ({@code storyline.trust.secret}), so that it trusts the
 * tokens tests mint. It also blanks {@code storyline.trust.secret-file}, which a developer's shell may set
 * ({@code STORYLINE_TRUST_SECRET_FILE}) for a running stack. Applied by {@link ServiceIT}.
 */
public final class TrustedTestCallers implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                    TrustedTestCallers.class.getSimpleName(),
                    Map.of("storyline.trust.secret", TestCallers.base64Secret(), "storyline.trust.secret-file", "")));
        }
    }
}
