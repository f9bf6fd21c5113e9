package io.corrigo.core.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@Epic("Cluster")
@Feature("Signed messages")
class ProtocolTest {

    private final Signer signer = Signer.of("a-shared-secret-for-tests");
    private final ReplayGuard guard = new ReplayGuard();

    @Test
    void aSealedSignedMessageOpensOnceAndIsRefusedAsReplayedTheSecondTime() {
        String text = Protocol.seal(new JsonObject().put("worker", "w1").put("type", "heartbeat"));
        Protocol.Opened first = Protocol.open(signer, guard, text, signer.sign(text));
        assertThat(first.ok()).isTrue();
        assertThat(first.body().getString("worker")).isEqualTo("w1");

        Protocol.Opened again = Protocol.open(signer, guard, text, signer.sign(text));
        assertThat(again.ok()).isFalse();
        assertThat(again.code()).isEqualTo(Protocol.REPLAYED);
        assertThat(again.problem()).contains("received before");
    }

    @Test
    void aMessageSentLongerAgoThanTheWindowIsRefusedNamingTheClocks() {
        JsonObject old = new JsonObject(Protocol.seal(new JsonObject().put("worker", "w1")))
                .put("sent", System.currentTimeMillis() - Duration.ofMinutes(6).toMillis());
        String text = old.encode();
        Protocol.Opened opened = Protocol.open(signer, guard, text, signer.sign(text));
        assertThat(opened.code()).isEqualTo(Protocol.REPLAYED);
        // at least 360 s: the exact figure depends on how long sealing and opening took
        assertThat(opened.problem()).containsPattern("sent 3[6-9][0-9] s ago").contains("300 s allowed").contains("clocks");
    }

    @Test
    void aMessageWithoutNonceOrWithAnotherSecretsSignatureIsRefused() {
        String bare = new JsonObject().put("worker", "w1").encode();
        assertThat(Protocol.open(signer, guard, bare, signer.sign(bare)).problem()).contains("no nonce");
        String sealed = Protocol.seal(new JsonObject().put("worker", "w1"));
        Protocol.Opened forged = Protocol.open(signer, guard, sealed, Signer.of("not-the-shared-secret-at-all").sign(sealed));
        assertThat(forged.code()).isEqualTo(Protocol.REFUSED);
        assertThat(Protocol.open(signer, guard, sealed, signer.sign(sealed)).ok()).as("a refused forgery uses up nothing").isTrue();
    }

    @Test
    void noncesAreForgottenOnlyAfterTheyCouldNoLongerBeAdmitted() {
        long[] now = {1_000_000};
        ReplayGuard clocked = new ReplayGuard(Duration.ofSeconds(10), () -> now[0]);
        JsonObject message = new JsonObject().put("nonce", "n1").put("sent", now[0]);
        assertThat(clocked.admit(message)).isEmpty();
        now[0] += 9_000;
        assertThat(clocked.admit(message)).hasValueSatisfying(p -> assertThat(p).contains("received before"));
        now[0] += 30_000;
        assertThat(clocked.admit(message)).hasValueSatisfying(p -> assertThat(p).contains("ago"));
    }
}
