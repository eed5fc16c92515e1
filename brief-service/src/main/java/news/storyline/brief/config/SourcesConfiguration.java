package news.storyline.brief.config;

import news.storyline.api.source.Source;
import news.storyline.api.source.SourceRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The source registry, built as story-service builds it and from the same {@code storyline.sources.extra}, so that
 * readers find a source under every name editors may write it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourcesConfiguration.Sources.class)
public class SourcesConfiguration {

    @Bean
    SourceRegistry sourceRegistry(Sources sources) {
        return SourceRegistry.agenciesAnd(sources.extra());
    }

    /** {@code storyline.sources.extra}: sources (or more aliases of known ones) beyond the built-in agencies. */
    @ConfigurationProperties("storyline.sources")
    record Sources(List<Source> extra) {

        Sources {
            extra = extra == null ? List.of() : extra;
        }
    }
}
