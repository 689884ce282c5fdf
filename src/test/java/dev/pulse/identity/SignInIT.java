package dev.pulse.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling on the real WAR (docs/decisions/0013). The tests name their client address in
 * X-Forwarded-For, which the integration server trusts from loopback only (PULSE_TRUSTED_PROXIES), so
 * each test has addresses of its own; the integration configuration sets the account-wide ceiling to
 * 30 attempts, the pace to 2 s, and the per-address budget to 50 checks refilled at 10 a second.
 */
class SignInIT {

    private static final int MAX_FAILURES = 10;
    private static final int CEILING = 30;
    private static final int BUDGET = 50;
    private static final int REFILL_PER_SECOND = 10;

    private final Api api = new Api(PulseServer.baseUrl());

    private static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private Response login(String address, String email, String password) {
        return api.json().header("X-Forwarded-For", address).body(Map.of("email", email, "password", password))
                .post("/v1/auth/login");
    }

    /** Runs the requests all at once and answers them in order. */
    private static List<Response> inParallel(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> request.apply(n));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void thirtyParallelWrongGuessesGetNoMoreThanTheLimitChecked() throws Exception {
        Api.User user = api.newUser();
        String address = newAddress();
        List<Response> answers = inParallel(30, i -> login(address, user.email(), "wrong-guess-" + i));
        assertEquals(MAX_FAILURES, count(answers, 400), "wrong passwords checked");
        assertEquals(30 - MAX_FAILURES, count(answers, 429), "refused unchecked");
        answers.stream().filter(r -> r.statusCode() == 429).forEach(r ->
                r.then().body("slug", equalTo("too-many-attempts")).header("Retry-After", org.hamcrest.Matchers.notNullValue()));
        login(address, user.email(), "password-123").then().statusCode(429);
        // the lock is of that address: the owner elsewhere signs in
        login(newAddress(), user.email(), "password-123").then().statusCode(200);
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAnAccount() {
        Api.User user = api.newUser();
        String nobody = Api.unique("nobody") + "@pulse.test";
        String address = newAddress();
        for (int i = 0; i <= MAX_FAILURES; i++) {
            Response known = login(address, user.email(), "wrong-" + i);
            Response unknown = login(address, nobody, "wrong-" + i);
            assertEquals(known.statusCode(), unknown.statusCode(), "attempt " + i);
            assertEquals(i < MAX_FAILURES ? 400 : 429, known.statusCode(), "attempt " + i);
            assertEquals(known.body().asString(), unknown.body().asString(), "attempt " + i);
            assertEquals(known.header("Content-Type"), unknown.header("Content-Type"));
            assertEquals(known.header("Retry-After") == null, unknown.header("Retry-After") == null);
            if (known.header("Retry-After") != null) {
                long difference = Long.parseLong(known.header("Retry-After")) - Long.parseLong(unknown.header("Retry-After"));
                assertTrue(Math.abs(difference) <= 1, "Retry-After " + known.header("Retry-After") + " vs "
                        + unknown.header("Retry-After"));
            }
        }
    }

    @Test
    void failuresFromManyAddressesSlowSignInToTheAccountButNeverLockIt() throws Exception {
        Api.User user = api.newUser();
        for (int a = 0; a < CEILING / MAX_FAILURES; a++) {
            String address = newAddress();
            inParallel(MAX_FAILURES, i -> login(address, user.email(), "wrong-" + i))
                    .forEach(r -> assertEquals(400, r.statusCode()));
        }
        // above the ceiling one attempt is checked per pace: this one takes the slot...
        login(newAddress(), user.email(), "wrong-again").then().statusCode(400);
        // ...so the owner, at once, from an address that never failed, is asked to wait, not locked out
        String owner = newAddress();
        Response paced = login(owner, user.email(), "password-123");
        paced.then().statusCode(429).body("slug", equalTo("sign-in-paced"));
        long wait = Long.parseLong(paced.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 2, "Retry-After " + wait);
        Thread.sleep(wait * 1000 + 200);
        login(owner, user.email(), "password-123").then().statusCode(200);
    }

    @Test
    void passwordChecksPerAddressAreBounded() throws Exception {
        Api.User user = api.newUser();
        String address = newAddress();
        for (int i = 0; i < MAX_FAILURES; i++) {
            login(address, user.email(), "wrong-" + i).then().statusCode(400);
        }
        // attempts the lock refuses are quick, so they outrun the refill; each still spends a check. On a
        // loaded machine a burst may be slow enough for the refill to keep up, so bursts go on until one is refused
        long started = System.nanoTime();
        List<Response> answers = new ArrayList<>();
        List<Response> outOfBudget = List.of();
        for (int burst = 0; burst < 10 && outOfBudget.isEmpty(); burst++) {
            answers.addAll(inParallel(100, i -> login(address, user.email(), "wrong-again")));
            outOfBudget = answers.stream()
                    .filter(r -> r.statusCode() == 429 && "too-many-password-checks".equals(r.path("slug"))).toList();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long spent = answers.size() - outOfBudget.size();
        assertTrue(!outOfBudget.isEmpty(), "a burst beyond the budget is refused (" + seconds + " s)");
        // the ten failures above were refilled while they were hashed: the bucket starts the burst full at most
        assertTrue(spent <= BUDGET + REFILL_PER_SECOND * seconds + 1, spent + " checks in " + seconds + " s");
        outOfBudget.forEach(r -> assertNotNull(r.header("Retry-After")));
        // another address has its own budget
        login(newAddress(), user.email(), "password-123").then().statusCode(200);
    }

    @Test
    void liveSignInFollowsTheSameRules() {
        String username = Api.unique("live");
        api.json().body(Map.of("name", "Live Learner", "username", username, "password", "pw-123456"))
                .post("/live/user/create").then().statusCode(201);
        String address = newAddress();
        for (int i = 0; i < MAX_FAILURES; i++) {
            api.json().header("X-Forwarded-For", address).body(Map.of("username", username, "password", "wrong-" + i))
                    .post("/live/user/login").then().statusCode(401);
        }
        Response locked = api.json().header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", "pw-123456")).post("/live/user/login");
        locked.then().statusCode(429).body("success", equalTo(false));
        assertNotNull(locked.header("Retry-After"));
        api.json().header("X-Forwarded-For", newAddress()).body(Map.of("username", username, "password", "pw-123456"))
                .post("/live/user/login").then().statusCode(200).body("data.username", equalTo(username));
    }

    @Test
    void aForwardedAddressFromAnUntrustedHopIsIgnored() {
        Api.User user = api.newUser();
        String address = newAddress();
        for (int i = 0; i < MAX_FAILURES; i++) {
            login(address, user.email(), "wrong-" + i).then().statusCode(400);
        }
        // a client cannot escape its lock by prepending addresses: only the hop loopback reported counts
        login("192.0.2.1, " + address, user.email(), "password-123").then().statusCode(429);
    }
}
