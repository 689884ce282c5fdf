package dev.pulse.platform.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the request log on a background thread for as long as the application is deployed (the
 * logger belongs to the server's one LogManager and outlives a deployment, so the handler is removed
 * again at undeployment).
 */
@ApplicationScoped
public class RequestLogOutput {

    /** Lines waiting for the console; a burst beyond it makes requests wait rather than lose lines. */
    private static final int QUEUED_LINES = 16_384;

    /**
     * Jersey's servlet layer warns about a form-typed body on a request whose parameters were read, and
     * writes the request's whole URI in the warning: its query too, which may hold an access token.
     */
    static final String JERSEY_FORM_WARNING = "org.glassfish.jersey.servlet.WebComponent";

    private Logger logger; // held: the LogManager keeps loggers only weakly
    private Logger jerseyFormWarning;
    private BackgroundLogHandler handler;

    @PostConstruct
    void install() {
        logger = Logger.getLogger(RequestLog.LOGGER);
        handler = BackgroundLogHandler.install(logger, QUEUED_LINES);
        jerseyFormWarning = Logger.getLogger(JERSEY_FORM_WARNING);
        jerseyFormWarning.setLevel(Level.SEVERE); // tokens and emails stay out of logs
    }

    @PreDestroy
    void uninstall() {
        handler.close();
    }

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the start makes the container create this bean, and install the handler, at deployment
    }
}
