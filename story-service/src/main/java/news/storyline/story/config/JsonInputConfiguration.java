package news.storyline.story.config;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import news.storyline.story.web.PlainTextDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How request bodies are read beyond {@code spring.jackson.*}: a text field takes plain text and nothing else. */
@Configuration(proxyBeanMethods = false)
public class JsonInputConfiguration {

    /**
     * {@code allow-coercion-of-scalars: false} keeps text out of number and boolean fields but not the other way
     * round: Jackson still reads {@code "headline": 5} as "5". The coercions to text are refused here.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer textIsPlainTextOnly() {
        return builder -> builder
                .deserializerByType(String.class, new PlainTextDeserializer())
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
