package com.opsledger.command.feedback;

import com.opsledger.command.CommandAccepted;
import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.events.feedback.command.ArchiveFeedback;
import com.opsledger.events.feedback.command.AssignFeedback;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.command.CompleteFeedback;
import com.opsledger.events.feedback.command.DecideFeedbackGroup;
import com.opsledger.events.feedback.FeedbackIds;
import com.opsledger.events.feedback.GroupDecision;
import com.opsledger.events.feedback.command.HandOffFeedback;
import com.opsledger.events.feedback.command.ReclassifyFeedback;
import com.opsledger.events.feedback.command.ReopenFeedback;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import com.opsledger.events.feedback.command.StartFeedbackWork;
import com.opsledger.events.feedback.command.TriageFeedback;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Operators move feedback through triage here. Each answer carries the position of the change it made. */
@RestController
@RequestMapping("/api/v1/admin")
class FeedbackCommandController {

    private static final int MAX_REASON = 2000;

    record Reason(@Size(max = MAX_REASON) String reason) {
    }

    record RequiredReason(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record Reclassification(@NotNull @Size(max = 10) List<@NotNull SecurityClass> securityClasses,
                            @NotNull SignalCategory signal, @NotNull Severity severity,
                            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record Assignment(@NotBlank @Size(max = 200) String assignee, @Size(max = MAX_REASON) String reason) {
    }

    record HandoffRequest(@NotBlank @Size(max = 100) String destinationTeam, @NotBlank @Size(max = 4000) String note,
                   @Size(max = MAX_REASON) String reason) {
    }

    record GroupDecisionRequest(@NotNull GroupDecision decision, @Size(max = MAX_REASON) String reason) {
    }

    /**
     * The decision as recorded: it goes to {@code members} members, which follow it asynchronously; the group's
     * read model at {@code position} shows how far they have come.
     */
    record GroupDecisionAccepted(String groupId, GroupDecision decision, int members, long position) {
    }

    private final CommandSender commands;
    private final ClassifierRerun classifierRerun;
    private final EventPositions positions;

    FeedbackCommandController(CommandSender commands, ClassifierRerun classifierRerun, EventPositions positions) {
        this.commands = commands;
        this.classifierRerun = classifierRerun;
        this.positions = positions;
    }

    /**
     * Re-runs the current classifier over stored feedback in the background (admins only). Answers at once with the
     * run's status; a run already under way is not started twice.
     */
    @Operation(summary = "Re-run the classifier on all feedback",
            description = "Admin only. Starts a background run of the current classifier over every stored item; each "
                    + "item whose classification changes gets an event explaining why. 202 with the run's status; a "
                    + "run already under way is not started twice.")
    @PostMapping("/feedback/reclassification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ClassifierRerun.Status rerunClassifier(Principal operator) {
        return classifierRerun.start(operator.getName());
    }

    /** Where the last re-run of the classifier is. */
    @Operation(summary = "Show the classifier re-run",
            description = "Where the last re-run of the classifier is: state, who started it, items done, "
                    + "reclassified, unchanged and failed.")
    @GetMapping("/feedback/reclassification")
    ClassifierRerun.Status classifierRerunStatus() {
        return classifierRerun.status();
    }

    @Operation(summary = "Triage a feedback item",
            description = "Moves an open item to triaged. 409 from any other state, saying why.")
    @PostMapping("/feedback/{id}/triage")
    CommandAccepted triage(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return apply(id, new TriageFeedback(id), reasonOf(body));
    }

    @Operation(summary = "Start work on a feedback item",
            description = "Moves a triaged item to in progress. 409 from any other state.")
    @PostMapping("/feedback/{id}/start")
    CommandAccepted start(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return apply(id, new StartFeedbackWork(id), reasonOf(body));
    }

    @Operation(summary = "Complete a feedback item",
            description = "Moves an item in progress to done. 409 from any other state.")
    @PostMapping("/feedback/{id}/complete")
    CommandAccepted complete(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return apply(id, new CompleteFeedback(id), reasonOf(body));
    }

    @Operation(summary = "Archive a feedback item",
            description = "Moves a done item to archived. 409 from any other state.")
    @PostMapping("/feedback/{id}/archive")
    CommandAccepted archive(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return apply(id, new ArchiveFeedback(id), reasonOf(body));
    }

    @Operation(summary = "Reopen a feedback item",
            description = "Moves a done or archived item back to open; the reason is required and recorded.")
    @PostMapping("/feedback/{id}/reopen")
    CommandAccepted reopen(@PathVariable String id, @Valid @RequestBody RequiredReason body) {
        return apply(id, new ReopenFeedback(id), body.reason());
    }

    @Operation(summary = "Correct an item's classification",
            description = "An operator sets the security classes, signal and severity the classifier got wrong, with "
                    + "a reason.")
    @PostMapping("/feedback/{id}/reclassify")
    CommandAccepted reclassify(@PathVariable String id, @Valid @RequestBody Reclassification body) {
        Classification classification = new Classification(body.securityClasses(), body.signal(), body.severity());
        return apply(id, new ReclassifyFeedback(id, classification), body.reason());
    }

    @Operation(summary = "Assign a feedback item",
            description = "Names the operator who owns the item.")
    @PostMapping("/feedback/{id}/assign")
    CommandAccepted assign(@PathVariable String id, @Valid @RequestBody Assignment body) {
        return apply(id, new AssignFeedback(id, body.assignee()), body.reason());
    }

    @Operation(summary = "Hand a feedback item to a team",
            description = "Records that the item is handed to another team, with a note for them.")
    @PostMapping("/feedback/{id}/handoff")
    CommandAccepted handoff(@PathVariable String id, @Valid @RequestBody HandoffRequest body) {
        return apply(id, new HandOffFeedback(id, body.destinationTeam(), body.note()), body.reason());
    }

    /**
     * Triages, or archives as duplicates, every open member of a group: recorded at once (202), followed by the
     * members in the background.
     */
    @Operation(summary = "Decide for a whole duplicate group",
            description = "Triage every open member of a group, or archive them as duplicates. 202 at once: the group "
                    + "records the decision and its members follow it in the background, each once; the group shows "
                    + "the progress.")
    @PostMapping("/feedback-groups/{groupId}/triage")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GroupDecisionAccepted decideGroup(@PathVariable String groupId, @Valid @RequestBody GroupDecisionRequest body) {
        requireKind(groupId, FeedbackIds.GROUP);
        int members = commands.send(new DecideFeedbackGroup(groupId, body.decision()), body.reason());
        return new GroupDecisionAccepted(groupId, body.decision(), members, positions.lastPositionOf(groupId));
    }

    private CommandAccepted apply(String id, Object command, String reason) {
        requireKind(id, FeedbackIds.FEEDBACK);
        commands.send(command, reason);
        return new CommandAccepted(id, positions.lastPositionOf(id));
    }

    /** Ids of other kinds of item share the event store; they are no feedback. */
    private static void requireKind(String id, String prefix) {
        if (!id.startsWith(prefix)) {
            throw new AggregateNotFoundException(id, "no such item");
        }
    }

    private static String reasonOf(Reason body) {
        return body == null ? null : body.reason();
    }
}
