package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void parsesDockerHubBearerChallenge() {
        AuthChallenge c = AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/python:pull\"");
        assertThat(c.isBearer()).isTrue();
        assertThat(c.parameter("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.parameter("service")).isEqualTo("registry.docker.io");
        assertThat(c.parameter("scope")).isEqualTo("repository:library/python:pull");
    }

    @Test
    void parsesBasicAndUnquotedParameters() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=strata-test, charset=\"UTF-8\"");
        assertThat(c.isBasic()).isTrue();
        assertThat(c.parameter("realm")).isEqualTo("strata-test");
        assertThat(c.parameter("charset")).isEqualTo("UTF-8");
    }

    @Test
    void scopeWithCommasInsideQuotesStaysWhole() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"r\",scope=\"repository:a:pull,push\"");
        assertThat(c.parameter("scope")).isEqualTo("repository:a:pull,push");
    }
}
