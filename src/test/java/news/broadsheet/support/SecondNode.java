package news.broadsheet.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import news.broadsheet.BroadsheetApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another application node on the test's database, as a second machine behind a load balancer
 * would be: its own process state and data directory, the same database. Close it after the test.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a node on the database of the test context whose environment this is.
     *
     * @param settings more settings for the node, as an operator would give them
     */
    public static SecondNode start(Environment environment, Map<String, String> settings) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : new String[] {
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.datasource.hikari.maximum-pool-size"
        }) {
            String value = environment.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        Path dataDir = Files.createTempDirectory(Path.of("target"), "second-node-");
        properties.put("broadsheet.data-dir", dataDir.toString());
        properties.put("server.port", "0");
        properties.put("broadsheet.demo-content.enabled", "false");
        properties.put("spring.flyway.enabled", "false");
        properties.putAll(settings);
        // As arguments, so they win over application.properties as an operator's settings do.
        return new SecondNode(new SpringApplicationBuilder(BroadsheetApplication.class)
                .run(properties.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A client of this node's web server. */
    public Http http() {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Override
    public void close() {
        context.close();
    }
}
