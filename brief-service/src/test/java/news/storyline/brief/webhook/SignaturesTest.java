package news.storyline.brief.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

    @Test
    void signsTheBodyWithHmacSha256AsHex() {
        // The HMAC-SHA256 example value published for key "key" and this message (e.g. Wikipedia's HMAC article).
        assertThat(Signatures.sign("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void signsTheUtf8BytesOfCyrillicText() {
        String body = "{\"data\":{\"headline\":\"Кремъл: преговорите продължават\"}}";

        assertThat(Signatures.sign("secret", body)).isNotEqualTo(Signatures.sign("secret", body.replace('К', 'к')))
                                                   .isNotEqualTo(Signatures.sign("other", body))
                                                   .matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void givesEveryWebhookARandom256BitSecret() {
        String secret = Signatures.newSecret();

        assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }
}
