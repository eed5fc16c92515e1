package news.storyline.story.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.storyline.story.web.WritesNeedEditorFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may write. Who is calling is established before, by web-support's caller-trust filter, for every request
 * this service answers.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    FilterRegistrationBean<WritesNeedEditorFilter> writesNeedEditorFilter(ObjectMapper json) {
        FilterRegistrationBean<WritesNeedEditorFilter> registration =
                new FilterRegistrationBean<>(new WritesNeedEditorFilter(json));
        registration.setOrder(FilterOrder.WRITES_NEED_EDITOR);
        return registration;
    }
}
