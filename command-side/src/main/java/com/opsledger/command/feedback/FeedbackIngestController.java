package com.opsledger.command.feedback;

import com.opsledger.command.EventPositions;
import com.opsledger.command.JsonInput;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.WireName;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.command.SubmitFeedback;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;

/** The platform submits user feedback here, with its service credential. */
@RestController
@RequestMapping("/api/v1/ingest/feedback")
class FeedbackIngestController {

    /** One submission; the same {@code submissionId} again returns the same feedback and records nothing. */
    record FeedbackSubmissionRequest(@NotBlank @Size(max = 200) String submissionId,
                                     @NotBlank @Size(max = 200) String orgId,
                                     @NotBlank @Size(max = 200) String workspaceId,
                                     @NotBlank @Size(max = 200) String userId,
                                     @NotBlank @Size(max = 100) String channel,
                                     @NotNull String message,
                                     @Size(max = 2000) String page,
                                     JsonNode context) {
    }

    record ClassificationView(List<String> securityClasses, String signal, String severity) {
        static ClassificationView of(Classification c) {
            return new ClassificationView(c.securityClasses().stream().map(WireName::of).toList(),
                    WireName.of(c.signal()), WireName.of(c.severity()));
        }
    }

    record FeedbackReceipt(String feedbackId, String submissionId, String groupId, boolean created,
                           ClassificationView classification, long position) {
    }

    private final FeedbackIntake intake;
    private final EventPositions positions;

    FeedbackIngestController(FeedbackIntake intake, EventPositions positions) {
        this.intake = intake;
        this.positions = positions;
    }

    @Operation(summary = "Submit user feedback",
            description = "The platform submits one piece of user feedback; it is classified (security probe classes, "
                    + "signal, severity) and put in its duplicate group. 201 with the new item; the same submissionId "
                    + "and content again answers 200 with the same item, other content under that id is a 409.")
    @PostMapping
    ResponseEntity<FeedbackReceipt> submit(@Valid @RequestBody FeedbackSubmissionRequest request) {
        int characters = request.message().codePointCount(0, request.message().length());
        if (characters < 1 || characters > SubmitFeedback.MAX_MESSAGE_CHARACTERS) {
            throw new InvalidInput("message", "must be 1 to " + SubmitFeedback.MAX_MESSAGE_CHARACTERS
                    + " characters (Unicode code points) long");
        }
        if (JsonInput.isBlank(request.message())) {
            throw new InvalidInput("message", "must contain more than white space");
        }
        SubmissionAccepted accepted = intake.submit(new FeedbackIntake.Submission(request.submissionId(),
                request.orgId(), request.workspaceId(), request.userId(), request.channel(), request.message(),
                request.page(), JsonInput.objectText("context", request.context())));
        FeedbackReceipt body = new FeedbackReceipt(accepted.feedbackId(), request.submissionId(),
                accepted.groupId(), accepted.created(), ClassificationView.of(accepted.classification()),
                positions.lastPositionOf(List.of(accepted.feedbackId(), accepted.groupId())).orElse(0));
        return accepted.created()
                ? ResponseEntity.created(URI.create("/api/v1/admin/feedback/" + accepted.feedbackId())).body(body)
                : ResponseEntity.status(HttpStatus.OK).body(body);
    }
}
