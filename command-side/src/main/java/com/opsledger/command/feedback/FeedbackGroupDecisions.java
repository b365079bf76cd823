package com.opsledger.command.feedback;

import com.opsledger.command.Commands;
import com.opsledger.events.feedback.command.ApplyGroupDecision;
import com.opsledger.events.feedback.command.DecideFeedbackGroup;
import com.opsledger.events.feedback.GroupDecision;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * One operator decision for a whole duplicate/burst group: the group records it, then each member still open follows
 * it. Re-running a decision is safe (members no longer open are left alone), so an interrupted run is finished by
 * running it again.
 */
@Service
class FeedbackGroupDecisions {

    /** Members the decision changed, and members it left alone because they were no longer open. */
    record MembersDecided(List<String> changed, List<String> unchanged) {
    }

    private final Commands commands;

    FeedbackGroupDecisions(Commands commands) {
        this.commands = commands;
    }

    MembersDecided decide(String groupId, GroupDecision decision, String reason) {
        List<String> members = commands.send(new DecideFeedbackGroup(groupId, decision), reason);
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String member : members) {
            boolean applied = commands.send(new ApplyGroupDecision(member, groupId, decision), reason);
            (applied ? changed : unchanged).add(member);
        }
        return new MembersDecided(changed, unchanged);
    }
}
