package news.storyline.brief.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import news.storyline.web.ProblemResponses;
import news.storyline.web.ProblemType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

import static news.storyline.web.ProblemResponses.hasParameter;

/**
 * The OpenAPI document at {@code /v3/api-docs}: springdoc describes the endpoints from the controllers; this adds
 * the service's description and the problem details each operation may answer with (they come from controller
 * advice and {@code Problems.respond}, whose status springdoc cannot read off a {@code ResponseEntity}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The version of the HTTP API described, not of the build. */
    static final String API_VERSION = "0.1.0";

    @Bean
    OpenAPI briefServiceOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Storyline brief-service")
                .description("Storyline brief-service: the read API. Stories, briefs, thread timelines, history "
                             + "and search, projected from the story events; refusals are problem details "
                             + "(RFC 9457, application/problem+json).")
                .version(API_VERSION))
                // Relative to the document, which clients fetch through the gateway: calls go there too.
                .servers(List.of(new Server().url("/").description("The gateway")));
    }

    @Bean
    OpenApiCustomizer briefServiceProblems() {
        return openApi -> ProblemResponses.addTo(openApi, (path, method, operation) -> {
            List<ProblemType> problems = new ArrayList<>();
            if (operation.getParameters() != null && !operation.getParameters().isEmpty()
                || operation.getRequestBody() != null) {
                problems.add(ProblemType.INVALID_REQUEST);
            }
            if (hasParameter(operation, "path", null)) {
                problems.add(ProblemType.NOT_FOUND);
            }
            if (path.equals("/api/stories/{storyId}/diff")) {
                // A withdrawn story's text is no longer kept.
                problems.add(ProblemType.TEXT_WITHDRAWN);
            }
            if (path.equals("/api/admin/rebuilds") && method == PathItem.HttpMethod.POST) {
                // Another rebuild is running.
                problems.add(ProblemType.UNPROCESSABLE);
            }
            if (path.equals("/api/events/stream") || path.equals("/api/threads/{slug}/live")) {
                // The instance serves as many live streams as it may.
                problems.add(ProblemType.UNAVAILABLE);
            }
            if (hasParameter(operation, "query", "minVersion")) {
                // The read model has not caught up with the version asked for in time.
                problems.add(ProblemType.UNAVAILABLE);
            }
            problems.add(ProblemType.INTERNAL);
            return problems;
        });
    }
}
