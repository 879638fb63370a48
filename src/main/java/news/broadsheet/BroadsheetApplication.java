package news.broadsheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Broadsheet: the public news site and, in later modules, the newsroom behind it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        SpringApplication.run(BroadsheetApplication.class, args);
    }
}
