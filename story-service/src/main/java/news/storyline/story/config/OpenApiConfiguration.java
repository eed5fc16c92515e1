package news.storyline.story.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
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
 * what it cannot see there: the service's description, the {@code Idempotency-Key} a filter honours, and the problem
 * details each operation may answer with (they come from controller advice, whose status springdoc cannot read off
 * a {@code ResponseEntity}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The version of the HTTP API described, not of the build. */
    static final String API_VERSION = "0.1.0";

    @Bean
    OpenAPI storyServiceOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Storyline story-service")
                .description("Storyline story-service: the write API. Files and revises stories and threads; "
                             + "a change names the version it was based on in If-Match, and refusals are "
                             + "problem details (RFC 9457, application/problem+json).")
                .version(API_VERSION))
                // Relative to the document, which clients fetch through the gateway: calls go there too.
                .servers(List.of(new Server().url("/").description("The gateway")));
    }

    @Bean
    OpenApiCustomizer storyServiceWrites() {
        return openApi -> {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (method == PathItem.HttpMethod.GET) {
                    return;
                }
                // A change to something filed (a path parameter names it) reads If-Match from the headers when it
                // is sent, where springdoc cannot see it; PUT declares it, required.
                if (hasParameter(operation, "path", null) && !hasParameter(operation, "header", "If-Match")) {
                    operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                            .description("The version this change is based on, as the ETag gave it (\"3\"); "
                                         + "if it is no longer current, the change is refused with a 409")
                            .schema(new StringSchema()));
                }
                if (!hasParameter(operation, "header", "Idempotency-Key")) {
                    operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("Retries with the same key get the first answer, and change nothing again")
                            .schema(new StringSchema()));
                }
            }));
            ProblemResponses.addTo(openApi, (path, method, operation) -> {
                List<ProblemType> problems = new ArrayList<>(List.of(ProblemType.INVALID_REQUEST));
                if (operation.getRequestBody() != null) {
                    problems.add(ProblemType.MALFORMED_BODY);
                }
                if (hasParameter(operation, "path", null)) {
                    problems.add(ProblemType.NOT_FOUND);
                }
                if (method != PathItem.HttpMethod.GET) {
                    problems.add(ProblemType.FORBIDDEN);
                    problems.add(ProblemType.VERSION_CONFLICT);
                    if (path.startsWith("/api/stories/")) {
                        problems.add(ProblemType.STORY_WITHDRAWN);
                    } else if (path.startsWith("/api/threads/")) {
                        problems.add(ProblemType.THREAD_CLOSED);
                    } else {
                        problems.add(ProblemType.ALREADY_EXISTS);
                    }
                    problems.add(ProblemType.IDEMPOTENCY_IN_PROGRESS);
                    problems.add(ProblemType.UNPROCESSABLE);
                    problems.add(ProblemType.IDEMPOTENCY_KEY_REUSE);
                }
                if (operation.getRequestBody() != null) {
                    problems.add(ProblemType.PAYLOAD_TOO_LARGE);
                    problems.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
                }
                if (hasParameter(operation, "header", "If-Match", true)) {
                    problems.add(ProblemType.PRECONDITION_REQUIRED);
                }
                problems.add(ProblemType.INTERNAL);
                return problems;
            });
        };
    }
}
