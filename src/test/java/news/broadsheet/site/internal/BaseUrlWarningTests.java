package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import news.broadsheet.shared.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class BaseUrlWarningTests {

    private static final String DEFAULT = "http://localhost:8080";

    @Test
    void warnsOnceWhenTheDefaultAddressIsServedOnEveryInterface(CapturedOutput output) {
        new BaseUrlWarning(site(DEFAULT), null).warnIfLocal();

        assertThat(output.getOut()).containsOnlyOnce("WARN").containsOnlyOnce("Set broadsheet.site.base-url");
        assertThat(output.getOut()).contains("is http://localhost:8080", "listens on every network interface");
    }

    @Test
    void warnsWhenTheServerListensOnAPublicAddress(CapturedOutput output) {
        new BaseUrlWarning(site(DEFAULT), "192.0.2.10").warnIfLocal();

        assertThat(output.getOut()).contains("listens on 192.0.2.10", "Set broadsheet.site.base-url");
    }

    @Test
    void keepsQuietWhenTheServerListensOnLoopbackOnly(CapturedOutput output) {
        new BaseUrlWarning(site(DEFAULT), "127.0.0.1").warnIfLocal();
        new BaseUrlWarning(site(DEFAULT), "localhost").warnIfLocal();
        new BaseUrlWarning(site(DEFAULT), "::1").warnIfLocal();

        assertThat(output.getOut()).doesNotContain("broadsheet.site.base-url");
    }

    @Test
    void keepsQuietWhenThePublicAddressIsSet(CapturedOutput output) {
        new BaseUrlWarning(site("https://news.example.com"), null).warnIfLocal();

        assertThat(output.getOut()).doesNotContain("broadsheet.site.base-url");
    }

    private static SiteSettings site(String baseUrl) {
        return new SiteSettings("Broadsheet", ZoneOffset.UTC, baseUrl, "en");
    }
}
