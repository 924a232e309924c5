package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "127.0.0.1", "127.8.9.10",
            "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1",
            "100.127.255.254", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.1", "203.0.113.5",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "fe80::1", "febf::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::a9fe:a9fe", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:a00:1::1", "2001:0:4136:e378::1", "100::1"})
    void nonPublic(String ip) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(ip))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.167.1.1", "195.158.1.1", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void isPublic(String ip) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "2852039166, 169.254.169.254",
            "0xA9FEA9FE, 169.254.169.254",
            "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "0251.0376.0251.0376, 169.254.169.254",
            "169.254.43518, 169.254.169.254",
            "127.1, 127.0.0.1",
            "0, 0.0.0.0",
            "10.0.0.1., 10.0.0.1",
            "[::ffff:169.254.169.254], 169.254.169.254",
            "8.8.8.8, 8.8.8.8"})
    void canonicalisesNumericHosts(String host, String expected) throws Exception {
        assertThat(AddressGuard.literal(host).getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kun.uz", "xn--80ak6aa92e.com", "feeds.example", "a1.b2", "1.2.3.com"})
    void hostNamesAreNotLiterals(String host) throws Exception {
        assertThat(AddressGuard.literal(host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "256.1.1.1", "4294967296", "09.1.1.1", "1.2.3.999999999999999999999", "foo.123"})
    void ambiguousNumericHostsAreRefused(String host) {
        assertThatThrownBy(() -> AddressGuard.literal(host)).isInstanceOf(UnknownHostException.class);
    }
}
