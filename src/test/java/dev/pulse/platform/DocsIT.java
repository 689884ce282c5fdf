package dev.pulse.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API page at /docs on the real WAR: the page, every file it references (served by Pulse, none from
 * elsewhere), and Swagger UI pointed at the document Pulse serves. That the page renders every tag in a
 * browser is checked with the browser tests.
 */
class DocsIT {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private final Api api = new Api(PulseServer.baseUrl());

    @Test
    void thePageAndEveryFileItReferencesAreServedByPulse() {
        Response page = api.request().get("/docs");
        page.then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<div id=\"swagger-ui\"></div>"));

        List<String> references = references(page.asString());
        assertEquals(7, references.size(), "two style sheets, two icons, three scripts: " + references);
        for (String reference : references) {
            assertTrue(reference.startsWith("/docs/"), reference + " is not served by Pulse");
            Response file = api.request().get(reference);
            file.then().statusCode(200).header("X-Content-Type-Options", "nosniff");
            assertTrue(file.asByteArray().length > 0, reference + " is empty");
            String type = file.contentType();
            if (reference.endsWith(".js")) {
                assertTrue(type.startsWith("text/javascript"), reference + " is " + type);
            } else if (reference.endsWith(".css")) {
                assertTrue(type.startsWith("text/css"), reference + " is " + type);
            } else {
                assertTrue(type.startsWith("image/png"), reference + " is " + type);
            }
        }
        api.request().get("/docs/swagger-ui-bundle.js").then().body(containsString("SwaggerUIBundle"));
    }

    @Test
    void swaggerUiReadsTheServedOpenApiDocument() {
        List<String> scripts = references(api.request().get("/docs").asString()).stream()
                .filter(r -> r.endsWith(".js")).toList();
        String initializer = scripts.get(scripts.size() - 1);
        api.request().get(initializer).then().statusCode(200)
                .body(containsString("url: \"/openapi\""))
                .body(not(containsString("petstore")));
        api.request().accept(ContentType.JSON).get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Pulse"));
    }

    @Test
    void onlyThePageFilesAreServedAndThePageIsNotAnApiOperation() {
        api.request().get("/docs/index.html").then().statusCode(404)
                .body("slug", equalTo("not-found"));
        // in the webjar, but it would point the page at the petstore
        api.request().get("/docs/swagger-initializer.js").then().statusCode(404);
        api.request().accept(ContentType.JSON).get("/openapi").then().statusCode(200)
                .body("paths", not(hasKey("/docs")))
                .body("paths", not(hasKey("/docs/{asset}")));
    }

    private static List<String> references(String html) {
        Matcher m = REFERENCE.matcher(html);
        return m.results().map(r -> r.group(1)).toList();
    }
}
