package news.storyline.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem a service answers carries the request's {@code correlationId}, whichever advice or controller made
 * it: one place, as the last step before the body is written, rather than in each of them. (Problems written by
 * filters, before Spring MVC, get it from {@link FilterProblems}.)
 */
@RestControllerAdvice
public class CorrelatedProblems implements ResponseBodyAdvice<Object> {

    static final String PROPERTY = "correlationId";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
                && (problem.getProperties() == null || !problem.getProperties().containsKey(PROPERTY))) {
            String correlationId = CorrelationIds.of(servlet.getServletRequest());
            problem.setProperty(PROPERTY, correlationId);
            response.getHeaders().set(CorrelationIds.HEADER, correlationId);
        }
        return body;
    }
}
