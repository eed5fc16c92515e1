package news.storyline.brief;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The query side's boundaries, as the architecture describes them. */
@AnalyzeClasses(packages = "news.storyline.brief", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("..brief.web..")
            .layer("query").definedBy("..brief.query..")
            .layer("config").definedBy("..brief.config..")
            .layer("rebuild").definedBy("..brief.rebuild..")
            .layer("deadletter").definedBy("..brief.deadletter..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("query").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("rebuild").mayOnlyBeAccessedByLayers("web", "config")
            .whereLayer("deadletter").mayOnlyBeAccessedByLayers("web", "config");

    /** The web layer asks the read models through Axon's query bus; it never touches their collections. */
    @ArchTest
    static final ArchRule theWebLayerStaysOutOfTheDatabase = noClasses().that().resideInAPackage("..brief.web..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..");

    /** The query side reads events and never writes them. */
    @ArchTest
    static final ArchRule writesNoEvents = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.gateway.EventGateway")
            .orShould().callMethod(org.axonframework.modelling.command.AggregateLifecycle.class, "apply", Object.class);

    @ArchTest
    static final ArchRule independentOfTheCommandSide = noClasses().should().dependOnClassesThat()
            .resideInAPackage("news.storyline.story..");
}
