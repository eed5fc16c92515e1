package news.storyline.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A problem made anywhere in a controller, or by Spring MVC itself, leaves with the request's correlation id. */
class CorrelatedProblemsTest {

    @RestController
    static class Refusing {

        @GetMapping("/refused")
        String refused() {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.of(ProblemType.NOT_FOUND, "No such story"), null);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new StandardProblemsAdvice(), new CorrelatedProblems()).build();

    @Test
    void aControllersProblemCarriesTheCorrelationIdTheGatewayGave() throws Exception {
        mvc.perform(get("/refused").header(CorrelationIds.HEADER, "from-the-gateway"))
           .andExpect(status().isNotFound())
           .andExpect(jsonPath("$.correlationId").value("from-the-gateway"))
           .andExpect(header().string(CorrelationIds.HEADER, "from-the-gateway"));
    }

    @Test
    void springsOwnProblemsCarryOneToo() throws Exception {
        mvc.perform(delete("/refused").header(CorrelationIds.HEADER, "id-2"))
           .andExpect(status().isMethodNotAllowed())
           .andExpect(jsonPath("$.correlationId").value("id-2"));
    }
}
