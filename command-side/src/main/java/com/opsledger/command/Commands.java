package com.opsledger.command;

import com.opsledger.events.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its result, with the operator's reason (if any) in its metadata.
 *
 * <p>A concurrency conflict means another node appended to the same aggregate at the same moment (commands carry
 * no expected version); the command is then simply tried again on the fresh state, a few times at most.
 */
@Component
public class Commands {

    private static final int MAX_ATTEMPTS = 3;

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String reason) {
        return send(command, reason == null || reason.isBlank() ? MetaData.emptyInstance()
                : MetaData.with(MetaDataKeys.REASON, reason));
    }

    /** Sends with the given metadata: for a service acting on its own, which names itself as the actor. */
    public <R> R send(Object command, MetaData metaData) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (ConcurrencyException conflict) {
                if (attempt == MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    public <R> R send(Object command) {
        return send(command, MetaData.emptyInstance());
    }
}
