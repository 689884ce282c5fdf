package dev.pulse.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A message from the organisers, shown from its time on; made on the API or texted in. */
@Entity
@Table(name = "live_announcement")
public class Announcement {

    static final int MAX_MESSAGE = 1000;

    enum Source { organiser, sms }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_MESSAGE)
    private String message;

    @Column(name = "made_at", nullable = false)
    private Instant time;

    @Column(nullable = false, length = 20)
    private String source;

    protected Announcement() {
    }

    Announcement(String message, Instant time, Source source) {
        change(message, time);
        this.source = source.name();
    }

    final void change(String message, Instant time) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("an announcement needs a message of at most " + MAX_MESSAGE + " characters");
        }
        this.message = message.trim();
        this.time = Objects.requireNonNull(time, "time");
    }

    Long id() {
        return id;
    }

    Instant time() {
        return time;
    }

    String message() {
        return message;
    }
}
