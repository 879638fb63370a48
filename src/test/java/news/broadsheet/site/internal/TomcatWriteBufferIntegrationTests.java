package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.unit.DataSize;

/** The per-connection write buffer: configured on the connector, and pages larger than it arrive whole. */
@IntegrationTest
class TomcatWriteBufferIntegrationTests {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void theConnectorWritesThroughA48KilobyteBuffer() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        // Read back from the endpoint's socket properties, where Tomcat keeps it.
        assertThat(String.valueOf(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize")))
                .isEqualTo("49152");
    }

    @Test
    void aStoryPageSeveralBuffersLongArrivesWhole() {
        String paragraph = "The harbour board met again on Tuesday and argued about the cranes. ";
        String body = (paragraph.repeat(20) + "\n\n").repeat(60); // about 80 KB of text
        ArticleSummary story = newsroom.article(newsroom.section("World"), newsroom.author("Ada Vale"))
                .headline("A very long harbour story")
                .body(body + "The last sentence of the long harbour story.")
                .publish();

        for (int i = 0; i < 2; i++) { // rendered, then from the page cache
            Http.Response page = http.get(story.url());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().length()).isGreaterThan(80_000);
            assertThat(page.body())
                    .contains("The last sentence of the long harbour story.")
                    .contains("</html>");
        }
    }

    @Test
    void refusesAWriteBufferOutsideItsRange() {
        assertThatThrownBy(() -> new TomcatConfiguration(DataSize.ofBytes(100)))
                .hasMessageContaining("between 8KB and 1MB");
        assertThatThrownBy(() -> new TomcatConfiguration(DataSize.ofMegabytes(2)))
                .hasMessageContaining("between 8KB and 1MB");
    }
}
