package dev.pulse.caliper;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IMS Caliper 1.2 vocabulary Pulse checks events against: event types with their actions and
 * the entity types each event property may hold, and the profiles. A null set means "any entity".
 */
final class CaliperTerms {

    private CaliperTerms() {
    }

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
    record EventRule(Set<String> actions, Set<String> objects, Set<String> generated, Set<String> targets,
            Set<String> referrers) {
    }

    static final Set<String> MEDIA_ACTIONS = Set.of("Started", "Ended", "Paused", "Resumed", "Restarted",
            "ForwardedTo", "JumpedTo", "ChangedResolution", "ChangedSize", "ChangedSpeed", "ChangedVolume",
            "EnabledClosedCaptioning", "DisabledClosedCaptioning", "EnteredFullScreen", "ExitedFullScreen", "Muted",
            "Unmuted", "OpenedPopout", "ClosedPopout");
    static final Set<String> RESOURCE_ACTIONS = Set.of("Archived", "Copied", "Created", "Deleted", "Described",
            "Downloaded", "Modified", "Printed", "Published", "Restored", "Retrieved", "Saved", "Unpublished",
            "Uploaded");

    static final Map<String, EventRule> EVENTS = Map.ofEntries(
            Map.entry("AnnotationEvent", new EventRule(Set.of("Bookmarked", "Highlighted", "Shared", "Tagged"),
                    DIGITAL_RESOURCES, ANNOTATIONS, DIGITAL_RESOURCES, null)),
            Map.entry("AssessmentEvent", new EventRule(Set.of("Started", "Paused", "Resumed", "Restarted", "Reset",
                    "Submitted"), Set.of("Assessment"), Set.of("Attempt"), null, null)),
            Map.entry("AssessmentItemEvent", new EventRule(Set.of("Started", "Skipped", "Completed"),
                    Set.of("AssessmentItem"), union(RESPONSES, Set.of("Attempt")), null, union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("AssignableEvent", new EventRule(Set.of("Activated", "Deactivated", "Started", "Completed",
                    "Submitted", "Reviewed"), Set.of("AssignableDigitalResource", "Assessment", "AssessmentItem",
                    "Questionnaire"), Set.of("Attempt"), Set.of("Frame"), null)),
            Map.entry("FeedbackEvent", new EventRule(Set.of("Ranked", "Commented"), null,
                    Set.of("Rating", "Comment"), Set.of("Frame"), null)),
            Map.entry("ForumEvent", new EventRule(Set.of("Subscribed", "Unsubscribed"), Set.of("Forum"), null, null,
                    null)),
            Map.entry("GradeEvent", new EventRule(Set.of("Graded"), Set.of("Attempt"), Set.of("Score", "Result"),
                    null, null)),
            Map.entry("MediaEvent", new EventRule(MEDIA_ACTIONS, MEDIA, null, Set.of("MediaLocation"), null)),
            Map.entry("MessageEvent", new EventRule(Set.of("Posted", "MarkedAsRead", "MarkedAsUnread"),
                    Set.of("Message"), null, null, null)),
            Map.entry("NavigationEvent", new EventRule(Set.of("NavigatedTo"),
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")), null, DIGITAL_RESOURCES,
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("QuestionnaireEvent", new EventRule(Set.of("Started", "Submitted"), Set.of("Questionnaire"),
                    null, null, null)),
            Map.entry("QuestionnaireItemEvent", new EventRule(Set.of("Started", "Skipped", "Completed"),
                    Set.of("QuestionnaireItem"), RESPONSES, null, null)),
            Map.entry("ResourceManagementEvent", new EventRule(RESOURCE_ACTIONS, DIGITAL_RESOURCES, DIGITAL_RESOURCES,
                    null, null)),
            Map.entry("SearchEvent", new EventRule(Set.of("Searched"), null, Set.of("SearchResponse"), null, null)),
            Map.entry("SessionEvent", new EventRule(Set.of("LoggedIn", "LoggedOut", "TimedOut"),
                    union(Set.of("SoftwareApplication"), SESSIONS), null, DIGITAL_RESOURCES,
                    union(DIGITAL_RESOURCES, Set.of("SoftwareApplication")))),
            Map.entry("SurveyEvent", new EventRule(Set.of("OptedIn", "OptedOut"), Set.of("Survey"), null, null,
                    null)),
            Map.entry("SurveyInvitationEvent", new EventRule(Set.of("Accepted", "Declined", "Sent"),
                    Set.of("SurveyInvitation"), null, null, null)),
            Map.entry("ThreadEvent", new EventRule(Set.of("MarkedAsRead", "MarkedAsUnread"), Set.of("Thread"), null,
                    null, null)),
            Map.entry("ToolLaunchEvent", new EventRule(Set.of("Launched", "Returned"), Set.of("SoftwareApplication"),
                    LINKS, LINKS, null)),
            Map.entry("ToolUseEvent", new EventRule(Set.of("Used"), Set.of("SoftwareApplication"),
                    Set.of("AggregateMeasureCollection"), Set.of("SoftwareApplication"), null)),
            Map.entry("ViewEvent", new EventRule(Set.of("Viewed"), union(DIGITAL_RESOURCES, Set.of("Result")), null, Set.of("Frame"), null)));

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

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
