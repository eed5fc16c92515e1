package news.storyline.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only public entry point. Routing lives in {@code application.yml}: writes go to story-service, reads to
 * brief-service, so that each side can be scaled and restarted on its own. Before a request is forwarded its
 * bearer token is checked ({@link GatewaySecurity}), it is rate-limited per subject ({@link RateLimitFilter}), and
 * the service is told who calls in a caller token ({@link CallerTokenFilter}).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
