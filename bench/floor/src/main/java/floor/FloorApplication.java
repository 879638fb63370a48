package floor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor under Broadsheet's figures: the same framework (Spring Boot MVC on virtual threads,
 * Spring Security, Hikari with SQLite, Flyway) answering a fixed page from memory and a validated
 * form post, with no database read, no template and no application code. Whatever this cannot do,
 * Broadsheet on the same stack cannot either.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

    private final byte[] page;

    FloorApplication(@Value("${floor.page:page.html}") Path page) throws IOException {
        this.page = Files.readAllBytes(page);
    }

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    /** The cheapest chain Spring Security allows: everyone in, no session, no CSRF token. */
    @Bean
    SecurityFilterChain everyoneIn(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @GetMapping("/page")
    ResponseEntity<byte[]> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }

    record CommentForm(@NotBlank @Size(max = 80) String name, @NotBlank @Size(max = 5000) String body) {}

    /** A comment form bound and validated, then a redirect, as a comment post ends; nothing stored. */
    @PostMapping("/post")
    ResponseEntity<Void> post(@Valid @ModelAttribute CommentForm form) {
        return ResponseEntity.status(303).header("Location", "/page#comments").build();
    }
}
