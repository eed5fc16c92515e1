package news.storyline.story;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The command side's boundaries, as the architecture describes them. */
@AnalyzeClasses(packages = "news.storyline.story", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("..story.web..")
            .layer("command").definedBy("..story.command..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("command").mayOnlyBeAccessedByLayers("web");

    @ArchTest
    static final ArchRule theModelKnowsNothingOfHttp = noClasses().that().resideInAPackage("..story.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                                                               "jakarta.servlet..");

    /** Events go to the store through Axon alone; the model never touches MongoDB itself. */
    @ArchTest
    static final ArchRule noDirectStorage = noClasses().that().resideInAPackage("..story.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..");

    /** The two services share the published language and nothing else. */
    @ArchTest
    static final ArchRule independentOfTheQuerySide = noClasses().should().dependOnClassesThat()
            .resideInAPackage("news.storyline.brief..");
}
