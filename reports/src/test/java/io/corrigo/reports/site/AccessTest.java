package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, non-loopback binds, Host checks and path traversal, over real HTTP on loopback. */
@Epic("Reports")
@Feature("Report access")
class AccessTest {

    private static final String TOKEN = "s3cret-T0ken";

    @Test
    void refusesANonLoopbackHostWithoutAToken() {
        MemoryFeed feed = new MemoryFeed();
        assertThatThrownBy(() -> ReportServer.start(DemoStudies.create(), feed,
                ReportServer.Options.defaults().withHost("0.0.0.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a token");
        assertThatThrownBy(() -> ReportServer.start(DemoStudies.create(), feed,
                ReportServer.Options.defaults().withHost("192.0.2.10")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(feed.listeners()).isZero();
        assertThat(ReportServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(ReportServer.isLoopback("::1")).isTrue();
        assertThat(ReportServer.isLoopback("localhost")).isTrue();
    }

    @Test
    void requiresTheTokenOnEveryRequestWhenOneIsSet() {
        try (ReportServer server = ReportServer.start(DemoStudies.create(), new MemoryFeed(),
                ReportServer.Options.defaults().withToken(TOKEN))) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(server.url()).isEqualTo(base + "/?token=" + TOKEN);
            for (String path : List.of("/", "/api/studies", "/assets/app.css", "/api/studies/1/events", "/nope")) {
                HttpResponse<String> denied = Http.get(base + path);
                assertThat(denied.statusCode()).as(path).isEqualTo(401);
                assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"corrigo\"");
            }
            assertThat(Http.get(base + "/api/studies?token=wrong").statusCode()).isEqualTo(401);
            assertThat(Http.get(base + "/api/studies?token=" + TOKEN).statusCode()).isEqualTo(200);
            assertThat(Http.get(base + "/api/studies", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            assertThat(Http.get(base + "/assets/app.css?token=" + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pagesCarryTheTokenToTheirAssets() {
        try (ReportServer server = ReportServer.start(DemoStudies.create(), new MemoryFeed(),
                ReportServer.Options.defaults().withToken(TOKEN))) {
            String page = Http.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=" + TOKEN).body();
            assertThat(page).contains("href=\"/assets/app.css?token=" + TOKEN + "\"")
                    .contains("src=\"/assets/vendor/chart.umd.js?token=" + TOKEN + "\"")
                    .contains("src=\"/assets/study.js?token=" + TOKEN + "\"");
        }
    }

    @Test
    void servesNothingOutsideTheAssetRoot() {
        try (ReportServer server = ReportServer.start(DemoStudies.create(), new MemoryFeed(), ReportServer.Options.defaults())) {
            String host = "127.0.0.1:" + server.port();
            assertThat(Http.status(Http.raw(server.port(), "/assets/app.css", host))).isEqualTo(200);
            for (String path : List.of("/assets/../ReportServer.class", "/assets/../../../../io/corrigo/reports/site/Api.class",
                    "/assets/..%2fApi.class", "/assets/%2e%2e/Api.class", "/assets/%2e%2e%2fApi.class",
                    "/assets/%252e%252e%252fApi.class", "/assets/..\\Api.class", "/assets/..%5cApi.class",
                    "/assets/vendor/../../META-INF/MANIFEST.MF", "/assets/vendor/..%2f..%2fpackage.json",
                    "/assets/META-INF/maven/org.webjars.npm/chart.js/pom.properties", "/assets/Api.class",
                    "/assets/.%2e/.%2e/web/app.css", "/assets//etc/passwd", "/assets/%00app.css",
                    "/assets/", "/assets/vendor/", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd")) {
                String answer = Http.raw(server.port(), path, host);
                assertThat(Http.status(answer)).as(path).isIn(400, 404);
                assertThat(answer).as(path).doesNotContain("root:").doesNotContain("version=4.4.1")
                        .doesNotContain("Manifest-Version");
            }
        }
    }

    @Test
    void rejectsForeignHostHeadersWithoutAToken() {
        try (ReportServer server = ReportServer.start(DemoStudies.create(), new MemoryFeed(), ReportServer.Options.defaults())) {
            assertThat(Http.status(Http.raw(server.port(), "/api/studies", "attacker.example:" + server.port())))
                    .isEqualTo(403);
            assertThat(Http.status(Http.raw(server.port(), "/api/studies", "attacker.example"))).isEqualTo(403);
            assertThat(Http.status(Http.raw(server.port(), "/api/studies", "localhost:" + server.port()))).isEqualTo(200);
            // an SSH tunnel forwards another local port: the name is what matters
            assertThat(Http.status(Http.raw(server.port(), "/api/studies", "127.0.0.1:9999"))).isEqualTo(200);
            assertThat(Http.status(Http.raw(server.port(), "/api/studies", "[::1]:9999"))).isEqualTo(200);
        }
    }

    @Test
    void sendsProtectiveHeaders() {
        try (ReportServer server = ReportServer.start(DemoStudies.create(), new MemoryFeed(), ReportServer.Options.defaults())) {
            HttpResponse<String> page = Http.get(server.url());
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("script-src 'self'"));
        }
    }

    @Test
    void generatesUnguessableUrlSafeTokens() {
        String a = ReportServer.newToken();
        assertThat(a).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(ReportServer.newToken());
    }

    @Test
    void acceptsOnlyFlatAssetNames() {
        assertThat(Assets.isSafe("app.css")).isTrue();
        assertThat(Assets.isSafe("vendor/chart.umd.js")).isTrue();
        assertThat(Assets.isSafe("../app.css")).isFalse();
        assertThat(Assets.isSafe("..")).isFalse();
        assertThat(Assets.isSafe("a/b.js")).isFalse();
        assertThat(Assets.isSafe("app.css/")).isFalse();
        assertThat(Assets.isSafe("Api.class")).isFalse();
        assertThat(Assets.isSafe("%2e%2e.js")).isFalse();
    }
}
