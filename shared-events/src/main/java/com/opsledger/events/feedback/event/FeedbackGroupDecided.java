package com.opsledger.events.feedback.event;

import com.opsledger.events.feedback.GroupDecision;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An operator decided the group; the decision goes to each of {@code memberIds} that is still open.
 *
 * @param progressReported true when the members follow it asynchronously and the group records their progress
 *                         ({@link FeedbackGroupDecisionProgressed}); false for decisions taken before revision 2,
 *                         which were applied within the operator's request
 */
@Revision("2")
public record FeedbackGroupDecided(String groupId, GroupDecision decision, List<String> memberIds,
                                   boolean progressReported) {
}
