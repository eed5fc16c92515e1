package news.storyline.story.config;

import news.storyline.api.source.Source;
import news.storyline.api.source.SourceRegistry;
import news.storyline.api.upcasting.StorylineUpcasters;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** What the aggregates need beyond Axon's defaults: old event shapes, snapshots, the source registry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CommandSideConfiguration.Snapshots.class, CommandSideConfiguration.Sources.class})
public class CommandSideConfiguration {

    @Bean
    EventUpcaster storylineUpcasters() {
        return StorylineUpcasters.chain();
    }

    @Bean
    SnapshotTriggerDefinition storySnapshotTrigger(Snapshotter snapshotter, Snapshots snapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.storyThreshold());
    }

    @Bean
    SourceRegistry sourceRegistry(Sources sources) {
        return SourceRegistry.agenciesAnd(sources.extra());
    }

    /** {@code storyline.snapshots.story-threshold}: a story is snapshotted after this many events since the last. */
    @ConfigurationProperties("storyline.snapshots")
    record Snapshots(int storyThreshold) {

        Snapshots {
            storyThreshold = storyThreshold <= 0 ? 100 : storyThreshold;
        }
    }

    /** {@code storyline.sources.extra}: sources (or more aliases of known ones) beyond the built-in agencies. */
    @ConfigurationProperties("storyline.sources")
    record Sources(List<Source> extra) {

        Sources {
            extra = extra == null ? List.of() : extra;
        }
    }
}
