package dev.pulse.live;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.input.NumericId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live notifications as Server-Sent Events: the same events as Pusher, for clients without it. */
@Path("/live/stream")
@Family(ApiFamily.LIVE)
@ApplicationScoped
@Produces(MediaType.SERVER_SENT_EVENTS)
@Tag(name = "Live")
@SecurityRequirement(name = "LiveToken")
public class StreamResource {

    @Inject
    LiveStream stream;

    @Inject
    Notifications notifications;

    @GET
    @Operation(operationId = "live_stream_subscribe", summary = "Every Live notification as it happens: event save|expire|delete, data {channel, data}; "
            + "reconnect with Last-Event-ID to get what was missed in the last minutes")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "LiveNotificationStream")))
    public void subscribe(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        List<Notification.Published> missed = lastSeen(lastEventId).map(notifications::since).orElse(List.of());
        stream.subscribe(sse, sink, missed);
    }

    /** The notification id a reconnecting client last saw; 0 (before the first notification) asks for everything kept. */
    private static Optional<Long> lastSeen(String lastEventId) {
        String id = lastEventId == null ? null : lastEventId.trim();
        return "0".equals(id) ? Optional.of(0L) : NumericId.parse(id);
    }
}
