package dev.pulse.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (packages chromium and chromium-driver), with a
 * fresh profile and everything that would reach for the network switched off. Waits are generous: the
 * build machine may be at a load of 15. Collects the browser's console so that a test can fail on any
 * JavaScript error, and writes screenshots to target/screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final ChromeDriver driver;
    private final Path profile;

    public HeadlessChromium() {
        for (String file : List.of(BINARY, DRIVER)) {
            if (!new File(file).canExecute()) {
                throw new IllegalStateException(file + " is missing: apt-get install -y chromium chromium-driver (.ci/run does)");
            }
        }
        try {
            profile = Files.createTempDirectory("pulse-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).withTimeout(WAIT).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public <T> T await(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).withMessage(what).until(condition);
    }

    /**
     * Clicks the element once it is there and clickable. The pages redraw a list whenever the stream says it
     * changed, so an element found a moment ago may have been replaced: then it is looked up again.
     */
    public void click(String what, By element) {
        await(what, driver -> {
            try {
                WebElement found = driver.findElement(element);
                if (!found.isDisplayed() || !found.isEnabled()) {
                    return false;
                }
                found.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** The console's errors since the last call (JavaScript errors, failed loads, CSP refusals). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** A screenshot of the whole page (the window grown to its height for the moment) in target/screenshots. */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height + 140, window.getHeight()), 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile harms nothing
            }
        }
    }
}
