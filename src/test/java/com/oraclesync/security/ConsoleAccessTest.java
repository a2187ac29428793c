package com.oraclesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hawtio and Jolokia behind the API's login: the login form for a browser, HTTP Basic for scripts. */
@DisableJmx(false) // Camel's MBeans, which camel-test leaves out unless told
class ConsoleAccessTest extends ApiTestSupport {

    @LocalServerPort
    private int port;

    @Autowired
    private CamelContext camel;

    @Test
    void hawtioAnswers200AfterLoggingInWithTheFormAndSendsABrowserToTheLoginFormBefore() throws Exception {
        // given
        Browser browser = new Browser();

        // when
        HttpResponse<String> before = browser.get("/actuator/hawtio/");
        browser.logIn(ApiClient.USER, ApiClient.PASSWORD);
        HttpResponse<String> after = browser.getFollowingRedirects("/actuator/hawtio/");

        // then
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location")).hasValue(base() + "/login");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("<title>Hawtio</title>").contains("<base href=\"/actuator/hawtio/\">");
    }

    @Test
    void theLoginFormRefusesAWrongPassword() throws Exception {
        // given
        Browser browser = new Browser();

        // when
        HttpResponse<String> answer = browser.logIn(ApiClient.USER, "wrong-password");

        // then
        assertThat(answer.headers().firstValue("Location")).hasValue(base() + "/login?error");
        assertThat(browser.get("/actuator/hawtio/").statusCode()).isEqualTo(302);
    }

    @Test
    void hawtioAndJolokiaAnswerBasicAuthAndRefuseWithout() {
        // when
        Response hawtio = api.get("/actuator/hawtio/");
        Response hawtioAnonymous = api.anonymous().get("/actuator/hawtio/");
        Response jolokiaAnonymous = api.anonymous().get("/actuator/jolokia/version");
        Response jolokiaWrongPassword = api.as(ApiClient.USER, "wrong").get("/actuator/jolokia/version");

        // then
        assertThat(hawtio.status()).isEqualTo(200);
        assertThat(hawtio.body()).contains("<title>Hawtio</title>");
        assertThat(hawtioAnonymous.status()).isEqualTo(401);
        assertThat(jolokiaAnonymous.status()).isEqualTo(401);
        assertThat(jolokiaWrongPassword.status()).isEqualTo(401);
    }

    @Test
    void jolokiaListsEveryCamelRouteByIdWithItsStatistics() {
        // given
        api.get("/api/sync/status");
        String context = camel.getManagementName();

        // when
        JsonNode routes = api.get("/actuator/jolokia/read/org.apache.camel:context=" + context
                + ",type=routes,name=*/RouteId,ExchangesTotal,State").json();
        JsonNode camelContext = api.get("/actuator/jolokia/read/org.apache.camel:context=" + context
                + ",type=context,name=*/State").json();

        // then
        assertThat(routes.get("status").asInt()).isEqualTo(200);
        Set<String> listed = new HashSet<>();
        routes.get("value").elements().forEachRemaining(route -> {
            String id = route.get("RouteId").asText();
            listed.add(id);
            assertThat(route.get("State").asText()).as(id)
                    .isEqualTo(camel.getRouteController().getRouteStatus(id).name());
        });
        assertThat(listed).containsExactlyInAnyOrderElementsOf(camel.getRoutes().stream().map(Route::getRouteId).toList());
        assertThat(listed).contains("sync-opportunities", "sync-opportunities-schedule", "sync-api-start", "sync-api-status");
        long statusExchanges = routes.get("value").get("org.apache.camel:context=" + context
                + ",type=routes,name=\"sync-api-status\"").get("ExchangesTotal").asLong();
        assertThat(statusExchanges).isGreaterThanOrEqualTo(1);
        assertThat(camelContext.get("value").elements().next().get("State").asText()).isEqualTo("Started");
    }

    @Test
    void aJolokiaPostFromALoggedInBrowserNeedsTheCsrfTokenThatHawtioSends() throws Exception {
        // given
        Browser browser = new Browser();
        browser.logIn(ApiClient.USER, ApiClient.PASSWORD);
        browser.getFollowingRedirects("/actuator/hawtio/");
        String version = "{\"type\":\"version\"}";

        // when
        HttpResponse<String> withoutToken = browser.post("/actuator/jolokia", version, null);
        HttpResponse<String> withToken = browser.post("/actuator/jolokia", version, browser.cookie("XSRF-TOKEN"));

        // then
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"agent\"");
    }

    @Test
    void aScriptPostsToJolokiaWithBasicCredentialsAndNoCsrfToken() {
        // when
        Response answer = api.send(api.builder("/actuator/jolokia").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"com.oraclesync:type=SyncControl,"
                        + "name=opportunities\",\"operation\":\"status\"}")));

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asInt()).isEqualTo(200);
        assertThat(answer.json().get("value").asText()).startsWith("{\"running\":false,");
    }

    @Test
    void onlyHealthIsOpen() {
        // when / then
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/db").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/actuator/info").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator").status()).isEqualTo(401);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A browser: it keeps cookies, and it posts the login form with the CSRF token the form carries. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient manual = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final HttpClient following = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return manual.send(page(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> getFollowingRedirects(String path) throws IOException, InterruptedException {
            return following.send(page(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
            String form = get("/login").body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
            String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            return manual.send(page("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, String csrfToken) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            return manual.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            for (Iterator<HttpCookie> it = cookies.getCookieStore().getCookies().iterator(); it.hasNext(); ) {
                HttpCookie cookie = it.next();
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
            throw new AssertionError("No cookie " + name);
        }

        private HttpRequest.Builder page(String path) {
            return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html,application/xhtml+xml");
        }

        private String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
