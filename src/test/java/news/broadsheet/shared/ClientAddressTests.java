package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

    @Test
    void keysIpv6ClientsByTheirSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2:aaaa::1"));
    }

    @Test
    void readsIpv6AsTheContainerWritesIt() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa:0:0:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("[2001:DB8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo(ClientAddress.key("fe80::2%lo"));
        assertThat(ClientAddress.key("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void keysIpv4ClientsByTheWholeAddress() {
        assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key("192.0.2.2")).isNotEqualTo(ClientAddress.key("192.0.2.1"));
    }

    @Test
    void keysIpv4MappedIpv6AsIpv4() {
        assertThat(ClientAddress.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key("0:0:0:0:0:ffff:c000:201")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key("::ffff:192.0.2.1")).isNotEqualTo(ClientAddress.key("::ffff:192.0.2.2"));
    }

    @Test
    void keepsTextThatIsNoAddressAsItIs() {
        assertThat(ClientAddress.key("imported")).isEqualTo("imported");
        assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.key("example.org")).isEqualTo("example.org");
    }
}
