package io.corrigo.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Robustness")
@Feature("Cluster")
class SignerTest {

    private final Signer signer = Signer.of("0123456789abcdef0123\n");

    @Test
    void acceptsItsOwnSignatureAndRefusesAnotherSecretsOrAChangedText() {
        String signature = signer.sign("{\"worker\":\"w1\"}");

        assertThat(signer.verify("{\"worker\":\"w1\"}", signature)).isTrue();
        assertThat(signer.verify("{\"worker\":\"w2\"}", signature)).isFalse();
        assertThat(Signer.of("another-secret-of-length").verify("{\"worker\":\"w1\"}", signature)).isFalse();
        assertThat(signer.verify("{\"worker\":\"w1\"}", null)).isFalse();
    }

    @Test
    void aSecretReadFromAFileIgnoresItsTrailingNewline() {
        assertThat(Signer.of("0123456789abcdef0123").sign("x")).isEqualTo(signer.sign("x"));
    }

    @Test
    void refusesAShortSecretSayingHowToMakeOne() {
        assertThatThrownBy(() -> Signer.of("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 5 characters; use at least 16").hasMessageContaining("openssl rand -hex 24");
    }

    @Test
    void readsHostAndPortAndSaysWhatIsWrongWithABadAddress() {
        assertThat(ClusterNode.Address.parse("10.0.0.5", 5701)).isEqualTo(new ClusterNode.Address("10.0.0.5", 5701));
        assertThat(ClusterNode.Address.parse("node-3:6000", 5701)).isEqualTo(new ClusterNode.Address("node-3", 6000));
        assertThatThrownBy(() -> ClusterNode.Address.parse("node-3:99999", 5701)).hasMessageContaining("no valid port");
        assertThatThrownBy(() -> ClusterNode.Address.parse(":5701", 5701)).hasMessageContaining("names no host");
        assertThat(ClusterNode.bindAddressFor("localhost")).isEqualTo("127.0.0.1");
    }
}
