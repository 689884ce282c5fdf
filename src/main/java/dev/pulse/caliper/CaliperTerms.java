package dev.pulse.caliper;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IMS Caliper 1.2 vocabulary Pulse checks events against: the context, event types with their
 * actions and the entity types each event property may hold, and the profiles. A null set means
 * "any entity".
 */
final class CaliperTerms {

    private CaliperTerms() {
    }

    /** The JSON-LD context of Caliper 1.2, which is also the only data version Pulse accepts. */
    static final String CONTEXT = "http://purl.imsglobal.org/ctx/caliper/v1p2";

    static final Set<String> PROFILES = Set.of("AnnotationProfile", "AssessmentProfile", "AssignableProfile",
            "FeedbackProfile", "ForumProfile", "GeneralProfile", "GradingProfile", "MediaProfile", "ReadingProfile",
            "ResourceManagementProfile", "SearchProfile", "SessionProfile", "SurveyProfile", "ToolLaunchProfile",
            "ToolUseProfile");

    static final Set<String> AGENTS = Set.of("Agent", "Person", "SoftwareApplication", "Organization",
            "CourseOffering", "CourseSection", "Group");
    static final Set<String> ORGANIZATIONS = Set.of("Organization", "CourseOffering", "CourseSection", "Group");
    static final Set<String> MEDIA = Set.of("MediaObject", "AudioObject", "ImageObject", "VideoObject");
    static final Set<String> DIGITAL_RESOURCES = union(MEDIA, Set.of("DigitalResource", "AssignableDigitalResource",
            "Assessment", "AssessmentItem", "Chapter", "Document", "Page", "WebPage", "Forum", "Thread", "Message",
            "DigitalResourceCollection", "Frame", "Questionnaire", "QuestionnaireItem", "LtiLink", "Link"));
    static final Set<String> ANNOTATIONS = Set.of("Annotation", "BookmarkAnnotation", "HighlightAnnotation",
            "SharedAnnotation", "TagAnnotation");
    static final Set<String> RESPONSES = Set.of("Response", "FillinBlankResponse", "MultipleChoiceResponse",
            "MultipleResponseResponse", "SelectTextResponse", "TrueFalseResponse", "OpenEndedResponse",
            "RatingScaleResponse", "MultiselectResponse", "DateTimeResponse");
    static final Set<String> SESSIONS = Set.of("Session", "LtiSession");
    static final Set<String> LINKS = Set.of("Link", "LtiLink");

    /** What one event type allows; entity sets are null when any entity is allowed. */
    record EventRule(String type, Set<String> actions, Set<String> objects, Set<String> generated,
            Set<String> targets, Set<String> referrers) {

        /** The object types for the action: a session event's object depends on how the session ended. */
        Set<String> objectsFor(String action) {
            if ("SessionEvent".equals(type) && action != null) {
                return "TimedOut".equals(action) ? SESSIONS : Set.of("SoftwareApplication");
            }
            return objects;
        }

        /** A tool launch must name the LTI session it federates. */
        boolean needsFederatedSession(String action) {
            return "ToolLaunchEvent".equals(type) && "Launched".equals(action);
        }
    }

    static final Set<String> MEDIA_ACTIONS = Set.of("Started", "Ended", "Paused", "Resumed", "Restarted",
            "ForwardedTo", "JumpedTo", "ChangedResolution", "ChangedSize", "ChangedSpeed", "ChangedVolume",
            "EnabledClosedCaptioning", "DisabledClosedCaptioning", "EnteredFullScreen", "ExitedFullScreen", "Muted",
            "Unmuted", "OpenedPopout", "ClosedPopout");
    static final Set<String> RESOURCE_ACTIONS = Set.of("Archived", "Copied", "Created", "Deleted", "Described",
            "Downloaded", "Modified", "Printed", "Published", "Restored", "Retrieved", "Saved", "Unpublished",
            "Uploaded");

    static final Map<String, EventRule> EVENTS = Map.ofEntries(
            Map.entry("AnnotationEvent", new EventRule("AnnotationEvent", Set.of("Bookmarked", "Highlighted", "Shared", "Tagged"),
                    DIGITAL_RESOURCES, ANNOTATIONS, DIGITAL_RESOURCES, null)),
            Map.entry("AssessmentEvent", new EventRule("AssessmentEvent", Set.of("Started", "Paused", "Resumed", "Restarted", "Reset",
                    "Submitted"), Set.of("Assessment"), Set.of("Attempt"), null, null)),
            Map.entry("AssessmentItemEvent", new EventRule("AssessmentItemEvent", Set.of("Started", "Skipped", "Completed"),
                    Set.of("AssessmentItem"), union(RESPONSES, Set.of("Attempt")), null, union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("AssignableEvent", new EventRule("AssignableEvent", Set.of("Activated", "Deactivated", "Started", "Completed",
                    "Submitted", "Reviewed"), Set.of("AssignableDigitalResource", "Assessment", "AssessmentItem",
                    "Questionnaire"), Set.of("Attempt"), Set.of("Frame"), null)),
            Map.entry("FeedbackEvent", new EventRule("FeedbackEvent", Set.of("Ranked", "Commented"), null,
                    Set.of("Rating", "Comment"), Set.of("Frame"), null)),
            Map.entry("ForumEvent", new EventRule("ForumEvent", Set.of("Subscribed", "Unsubscribed"), Set.of("Forum"), null, null,
                    null)),
            Map.entry("GradeEvent", new EventRule("GradeEvent", Set.of("Graded"), Set.of("Attempt"), Set.of("Score", "Result"),
                    null, null)),
            Map.entry("MediaEvent", new EventRule("MediaEvent", MEDIA_ACTIONS, MEDIA, null, Set.of("MediaLocation"), null)),
            Map.entry("MessageEvent", new EventRule("MessageEvent", Set.of("Posted", "MarkedAsRead", "MarkedAsUnread"),
                    Set.of("Message"), null, null, null)),
            Map.entry("NavigationEvent", new EventRule("NavigationEvent", Set.of("NavigatedTo"),
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")), null, DIGITAL_RESOURCES,
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("QuestionnaireEvent", new EventRule("QuestionnaireEvent", Set.of("Started", "Submitted"), Set.of("Questionnaire"),
                    null, null, null)),
            Map.entry("QuestionnaireItemEvent", new EventRule("QuestionnaireItemEvent", Set.of("Started", "Skipped", "Completed"),
                    Set.of("QuestionnaireItem"), RESPONSES, null, null)),
            Map.entry("ResourceManagementEvent", new EventRule("ResourceManagementEvent", RESOURCE_ACTIONS, DIGITAL_RESOURCES, DIGITAL_RESOURCES,
                    null, null)),
            Map.entry("SearchEvent", new EventRule("SearchEvent", Set.of("Searched"), null, Set.of("SearchResponse"), null, null)),
            Map.entry("SessionEvent", new EventRule("SessionEvent", Set.of("LoggedIn", "LoggedOut", "TimedOut"),
                    union(Set.of("SoftwareApplication"), SESSIONS), null, DIGITAL_RESOURCES,
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("SurveyEvent", new EventRule("SurveyEvent", Set.of("OptedIn", "OptedOut"), Set.of("Survey"), null, null,
                    null)),
            Map.entry("SurveyInvitationEvent", new EventRule("SurveyInvitationEvent", Set.of("Accepted", "Declined", "Sent"),
                    Set.of("SurveyInvitation"), null, null, null)),
            Map.entry("ThreadEvent", new EventRule("ThreadEvent", Set.of("MarkedAsRead", "MarkedAsUnread"), Set.of("Thread"), null,
                    null, null)),
            Map.entry("ToolLaunchEvent", new EventRule("ToolLaunchEvent", Set.of("Launched", "Returned"), Set.of("SoftwareApplication"),
                    LINKS, LINKS, null)),
            Map.entry("ToolUseEvent", new EventRule("ToolUseEvent", Set.of("Used"), Set.of("SoftwareApplication"),
                    Set.of("AggregateMeasureCollection"), Set.of("SoftwareApplication"), null)),
            Map.entry("ViewEvent", new EventRule("ViewEvent", Set.of("Viewed"), union(DIGITAL_RESOURCES, Set.of("Result")), null, Set.of("Frame"), null)));

    /** Every action of the Caliper 1.2 vocabulary: the generic Event may carry any of them. */
    static final Set<String> ACTIONS;

    static {
        Set<String> all = new HashSet<>();
        EVENTS.values().forEach(r -> all.addAll(r.actions()));
        all.addAll(List.of("Abandoned", "Accepted", "Activated", "Added", "Attached", "Changed", "Checked",
                "Classified", "Closed", "Created", "Declined", "Disabled", "Enabled", "Identified", "Liked",
                "Linked", "Loaded", "Ranked", "Recommended", "Removed", "Rated", "Rejected", "Returned", "Searched",
                "Sent", "Shared", "Showed", "Started", "Subscribed", "Unsubscribed", "Viewed"));
        ACTIONS = Set.copyOf(all);
    }

    /** The generic Event: any action of the vocabulary, any entity. */
    static final EventRule EVENT = new EventRule("Event", ACTIONS, null, null, null, null);

    /** The rule of an event type; null for a type outside the vocabulary. */
    static EventRule ruleFor(String type) {
        return "Event".equals(type) ? EVENT : EVENTS.get(type);
    }

    /** Every event type, the generic Event first, as the type message lists them. */
    static String eventTypes() {
        return "Event, " + String.join(", ", new TreeSet<>(EVENTS.keySet()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
