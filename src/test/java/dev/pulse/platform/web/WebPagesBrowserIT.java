package dev.pulse.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.HeadlessChromium;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages in a real browser (headless Chromium) against the shared server: the live board stays
 * current through the SSE stream, hackers and mentors work a ticket through the page, and the academy
 * dashboard's chart plots exactly what the report API counts. Any error in the browser's console fails the
 * test that caused it. Screenshots of each page go to target/screenshots.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesBrowserIT {

    private static final String LIVE = "X-MenloHacks-Authorization";
    private static final DateTimeFormatter LIVE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String MAP = """
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
              <rect width="400" height="200" fill="#eef"/>
              <rect x="20" y="20" width="160" height="160" fill="#9bd" stroke="#135"/>
              <text x="100" y="105" text-anchor="middle" font-size="20">Main hall</text>
              <rect x="220" y="20" width="160" height="70" fill="#db9" stroke="#531"/>
              <text x="300" y="60" text-anchor="middle" font-size="16">Mentors</text>
            </svg>""";

    private static Api api;
    private static HeadlessChromium browser;

    @BeforeAll
    static void openTheBrowser() throws InterruptedException {
        api = new Api(PulseServer.baseUrl());
        browser = new HeadlessChromium();
        // a server that has just booted on a loaded machine may answer its first sign-in 503 (the database's
        // statement bound); it is the administrator's token every test below starts from
        for (int attempt = 1; ; attempt++) {
            try {
                api.adminToken();
                break;
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(3000);
            }
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void theConsoleShowedNoError() {
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    @Test
    @Order(1)
    void anAnnouncementAppearsOnAnOpenBoardWithoutReloading() {
        String admin = api.adminToken();
        String location = newLocation(admin);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // for the countdown on the screenshot; other tests may change the times meanwhile, so none is asserted
        live(admin).body(Map.of("event_start_time", LIVE_TIME.format(now.minus(2, ChronoUnit.HOURS)),
                "hacking_start_time", LIVE_TIME.format(now.minus(1, ChronoUnit.HOURS)),
                "hacking_end_time", LIVE_TIME.format(now.plus(20, ChronoUnit.HOURS)),
                "event_end_time", LIVE_TIME.format(now.plus(26, ChronoUnit.HOURS))))
                .put("/live/times").then().statusCode(200);
        String current = Api.unique("Hacking kick-off");
        newEvent(admin, location, current, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));
        newEvent(admin, location, Api.unique("Workshop"), now.plus(2, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS));

        browser.open(api.url("/live/"));
        awaitReady();
        browser.await("the running event marked now", driver -> "now".equals(browser.script(
                "return [...document.querySelectorAll('#schedule li')].find(li => li.textContent.includes(arguments[0]))?.className",
                current)));
        browser.script("window.pulseBoardNotReloaded = true");

        String message = Api.unique("Lunch is served in the main hall");
        live(admin).body(Map.of("message", message)).post("/live/announcements").then().statusCode(201);
        long posted = System.nanoTime();
        browser.await("the announcement on the board", ExpectedConditions.textToBePresentInElementLocated(
                By.id("announcements"), message));
        System.out.printf("[web] announcement on the open board %d ms after the API answered%n",
                (System.nanoTime() - posted) / 1_000_000);
        assertEquals(Boolean.TRUE, browser.script("return window.pulseBoardNotReloaded === true"), "the board reloaded");
        assertTrue(((String) browser.script("return document.querySelector('#announcements li').textContent")).contains(message),
                "newest first");

        // a ticket nobody claims leaves the queue when it expires (PULSE_TICKET_EXPIRY is 6 s in the tests)
        String waiting = Api.unique("Nobody comes for this one");
        live(newLiveUser()).body(Map.of("description", waiting, "location", "Table 3", "contact", "desk"))
                .post("/live/mentorship/create").then().statusCode(201);
        browser.await("the new ticket in the queue", ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), waiting));
        browser.screenshot("live-board");
        browser.await("the expired ticket gone from the queue", ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), waiting)));
        assertEquals(Boolean.TRUE, browser.script("return window.pulseBoardNotReloaded === true"), "the board reloaded");
    }

    @Test
    @Order(2)
    void aHackerAsksForHelpAndAMentorClaimsAndClosesTheTicket() {
        Map<String, String> hacker = newLiveAccount("hacker");
        Map<String, String> mentor = newLiveAccount("mentor");
        String description = Api.unique("Our OAuth callback answers 400");

        // the mentor's board is open in one tab, the hacker's in another: each tab keeps its own sign-in
        browser.open(api.url("/live/"));
        signIn(mentor);
        String mentorTab = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(api.url("/live/"));
        signIn(hacker);
        WebElement form = browser.find("#ticket-form");
        form.findElement(By.name("description")).sendKeys(description);
        form.findElement(By.name("location")).sendKeys("Table 12");
        form.findElement(By.name("contact")).sendKeys("grace on Slack");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("the ticket among the hacker's, waiting", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#my-tickets li[data-state=open]"), description));
        String hackerTab = browser.driver().getWindowHandle();

        // the ticket reaches the mentor's open board through the stream; it expires 6 s after it was opened
        browser.driver().switchTo().window(mentorTab);
        browser.click("the ticket's Claim button", By.cssSelector("#queue button[aria-label='Claim: " + description + "']"));
        browser.await("the ticket among the mentor's", ExpectedConditions.textToBePresentInElementLocated(
                By.id("claimed-tickets"), description));
        browser.await("the claimed ticket gone from the queue", ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), description)));
        browser.screenshot("live-board-mentor");
        browser.click("the ticket's Close button", By.cssSelector("#claimed-tickets button[aria-label='Close: " + description + "']"));
        browser.await("the closed ticket gone from the mentor's list", ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("claimed-tickets"), description)));

        // the hacker's tab follows the stream too: the ticket is closed there
        browser.driver().switchTo().window(hackerTab);
        browser.await("the ticket closed on the hacker's board", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#my-tickets li[data-state=closed]"), description));
        live(hacker.get("token")).get("/live/mentorship/user/queue").then().statusCode(200)
                .body("data.tickets.closed.description", org.hamcrest.Matchers.hasItem(description));
        browser.driver().close();
        browser.driver().switchTo().window(mentorTab);
    }

    @Test
    @Order(3)
    void anOrganiserPostsAnAnnouncementAndEditsAnEventOnTheBoard() {
        String admin = api.adminToken();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(4, ChronoUnit.HOURS);
        String event = newEvent(admin, newLocation(admin), Api.unique("Dinner"), start, start.plus(1, ChronoUnit.HOURS));

        browser.open(api.url("/live/"));
        signIn(Map.of("username", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD));
        WebElement announcement = browser.await("the organiser's tools",
                ExpectedConditions.visibilityOfElementLocated(By.id("announcement-form")));
        String message = Api.unique("Demos move to the main stage");
        announcement.findElement(By.name("message")).sendKeys(message);
        announcement.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("the organiser's announcement on the board",
                ExpectedConditions.textToBePresentInElementLocated(By.id("announcements"), message));

        browser.await("the event among the organiser's choices", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#event-select option[value='" + event + "']")));
        new Select(browser.find("#event-select")).selectByValue(event);
        WebElement title = browser.find("#event-form input[name=short_description]");
        title.clear();
        String renamed = Api.unique("Dinner and demos");
        title.sendKeys(renamed);
        browser.find("#event-form button[type=submit]").click();
        browser.await("the renamed event in the schedule",
                ExpectedConditions.textToBePresentInElementLocated(By.id("schedule"), renamed));
        List<Map<String, Object>> events = api.request().get("/live/events").then().statusCode(200)
                .extract().jsonPath().getList("data");
        Map<String, Object> saved = events.stream().filter(e -> event.equals(e.get("id"))).findFirst().orElseThrow();
        assertEquals(renamed, saved.get("short_description"));
        assertEquals(LIVE_TIME.format(start), saved.get("start_time"), "the times the form showed are kept");
        browser.find("#sign-out").click();
    }

    @Test
    @Order(4)
    void theCoordinatorsChartPlotsWhatTheReportCounts() {
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, 3);
        Api.User coordinator = api.newUser();
        api.addToAcademy(academy, coordinator.id(), "academy_coordinator");
        Api.User ada = api.newUser();
        Api.User alan = api.newUser();
        api.addToCohort(cohort.slug(), ada.id(), "STUDENT");
        api.addToCohort(cohort.slug(), alan.id(), "STUDENT");
        Map<String, Integer> seeded = new LinkedHashMap<>();
        for (var activity : List.of(Map.entry(ada, "lesson_opened"), Map.entry(ada, "lesson_opened"),
                Map.entry(ada, "exercise_success"), Map.entry(alan, "lesson_opened"), Map.entry(alan, "breathecode_login"))) {
            api.as(api.adminToken()).body(Map.of("slug", activity.getValue(), "data", "{}", "cohort", cohort.slug()))
                    .post("/v1/activity/user/" + activity.getKey().id()).then().statusCode(201);
            seeded.merge(activity.getValue(), 1, Integer::sum);
        }
        api.as(coordinator.token()).header("Academy", academy).body(Map.of("completion_rate", 40))
                .post("/v1/assignment/academy/asset/intro-to-html/user/" + ada.id() + "/telemetry").then().statusCode(201);

        browser.open(api.url("/academy/"));
        WebElement form = browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        form.findElement(By.name("email")).sendKeys(coordinator.email());
        form.findElement(By.name("password")).sendKeys("password-123");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("the cohort in the picker", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cohort-select option[value='" + cohort.slug() + "']")));
        browser.find("#picker button[type=submit]").click();
        browser.await("the chart drawn", ExpectedConditions.attributeToBeNotEmpty(browser.find("#chart"), "data-points"));
        browser.await("the students listed", ExpectedConditions.numberOfElementsToBe(By.cssSelector("#students tbody tr"), 2));

        String since = browser.find("#since").getAttribute("value");
        String until = browser.find("#until").getAttribute("value");
        JsonObject points = Json.createReader(new StringReader(browser.find("#chart").getAttribute("data-points"))).readObject();
        List<String> slugs = points.getJsonArray("slugs").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        List<String> days = points.getJsonArray("days").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(seeded.keySet().stream().sorted().toList(), slugs);
        assertEquals(since, days.get(0));
        assertEquals(until, days.get(days.size() - 1));
        String untilExclusive = java.time.LocalDate.parse(until).plusDays(1).toString();
        for (int s = 0; s < slugs.size(); s++) {
            JsonArray plotted = points.getJsonArray("counts").getJsonArray(s);
            Map<String, Integer> reported = new LinkedHashMap<>();
            List<Map<String, Object>> byDay = api.as(coordinator.token()).header("Academy", academy)
                    .queryParam("cohort", cohort.slug()).queryParam("slug", slugs.get(s)).queryParam("by", "day")
                    .queryParam("since", since).queryParam("until", untilExclusive)
                    .get("/v1/activity/report").then().statusCode(200).extract().jsonPath().getList("$");
            byDay.forEach(d -> reported.put((String) d.get("day"), ((Number) d.get("count")).intValue()));
            int total = 0;
            for (int d = 0; d < days.size(); d++) {
                int expected = reported.getOrDefault(days.get(d), 0);
                assertEquals(expected, plotted.getJsonNumber(d).intValue(), slugs.get(s) + " on " + days.get(d));
                total += plotted.getJsonNumber(d).intValue();
            }
            assertEquals(seeded.get(slugs.get(s)), total, "every seeded " + slugs.get(s) + " is plotted");
        }

        WebElement adaRow = browser.find("#students tr[data-user='" + ada.id() + "']");
        assertTrue(adaRow.getText().contains("40 % (intro-to-html)"), adaRow.getText());
        assertTrue(browser.find("#students tr[data-user='" + alan.id() + "']").getText().contains("No telemetry yet"));
        adaRow.findElement(By.tagName("button")).click();
        browser.await("Ada's timeline", ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline li"), 3));
        browser.screenshot("academy-dashboard");
    }

    @Test
    @Order(5)
    void theApiPageShowsEveryFamily() {
        browser.open(api.url("/docs"));
        browser.await("the API page's operations", ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        List<String> tags = browser.driver().findElements(By.cssSelector("h3.opblock-tag")).stream()
                .map(tag -> tag.getAttribute("data-tag")).toList();
        // "default" holds the test WAR's probe endpoints, which declare no tag
        assertEquals(List.of("BreatheCode", "Caliper", "Sunbird", "Live"),
                tags.stream().filter(tag -> !tag.equals("default")).toList());
        browser.screenshot("api-page");
    }

    @Test
    @Order(6)
    void theBoardFitsAPhone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(api.url("/live/"));
            awaitReady();
            long overflow = (Long) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, overflow, "the board scrolls sideways on a phone");
            browser.screenshot("live-board-phone");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static void awaitReady() {
        browser.await("the page loaded", ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    /** Signs in on the open board; a tab keeps its last sign-in, which is ended first. */
    private static void signIn(Map<String, String> account) {
        awaitReady();
        if (browser.find("#sign-out").isDisplayed()) {
            browser.find("#sign-out").click();
        }
        WebElement form = browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        form.findElement(By.name("username")).sendKeys(account.get("username"));
        form.findElement(By.name("password")).sendKeys(account.get("password"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("signed in", ExpectedConditions.visibilityOfElementLocated(By.id("help-panel")));
    }

    private static RequestSpecification live(String token) {
        return api.json().header(LIVE, token);
    }

    private static String newLocation(String admin) {
        return api.request().header(LIVE, admin)
                .multiPart("name", Api.unique("Main hall")).multiPart("rank", "1")
                .multiPart("image", "hall.svg", MAP.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .post("/live/locations").then().statusCode(201).extract().path("data.id");
    }

    private static String newEvent(String admin, String location, String title, Instant start, Instant end) {
        return live(admin).body(Map.of("short_description", title, "long_description", "At the main stage",
                "location", location, "start_time", LIVE_TIME.format(start), "end_time", LIVE_TIME.format(end)))
                .post("/live/events").then().statusCode(201).extract().path("data.id");
    }

    private static Map<String, String> newLiveAccount(String role) {
        String username = Api.unique(role);
        String token = api.json().body(Map.of("name", "A " + role, "username", username, "password", "password-123"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        return Map.of("username", username, "password", "password-123", "token", token);
    }

    private static String newLiveUser() {
        return newLiveAccount("hacker").get("token");
    }
}
