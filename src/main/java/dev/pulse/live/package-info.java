/**
 * Live: the day-of operations of a hackathon, on the wire contract of MenloHacks Vivere under
 * {@code /live}: Live accounts (name, username, password), the event's times, maps and location
 * images, the schedule of events, announcements (also texted in through an SMS webhook), and the
 * mentorship help queue whose tickets expire by a database sweep on every instance. Every change is published to Pusher
 * (when configured) and to the Server-Sent Events stream at {@code /live/stream}.
 * Success bodies are {@code {"data":…,"success":true}} ({@link dev.pulse.live.Envelope}); errors
 * are rendered by the platform in the Live family's shape. Entities carry no JSON: the records
 * {@code AnnouncementView}, {@code LocationView}, {@code EventView}, {@code TicketView} and
 * {@code KeyTimes} render them, for answers and notifications alike. Bodies are read with the
 * platform's {@link dev.pulse.platform.input.JsonFields} in Live's words ({@code LiveFieldMessages}).
 */
package dev.pulse.live;
