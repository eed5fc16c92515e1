package news.storyline.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only public entry point. Routing lives in {@code application.yml}: writes go to story-service, reads to
 * brief-service, so that each side can be scaled and restarted on its own.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
