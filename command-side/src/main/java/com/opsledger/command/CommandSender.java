package com.opsledger.command;

import com.opsledger.events.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends commands and waits for their results, with the operator's reason (if any) in their metadata, and retries
 * concurrency conflicts.
 *
 * <p>A concurrency conflict means another node appended to the same aggregate at the same moment (commands carry
 * no expected version); the command is then simply tried again on the fresh state, a few times at most.
 */
@Component
public class CommandSender {

    private static final int MAX_ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    /** Where {@link #sendOnItsOwn} sends from; daemon threads, created as needed. */
    private final ExecutorService alone = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "command-on-its-own");
        thread.setDaemon(true);
        return thread;
    });

    CommandSender(CommandGateway gateway, TransactionManager transactions) {
        this.gateway = gateway;
        this.transactions = transactions;
    }

    public <R> R send(Object command, String reason) {
        return send(command, reason == null || reason.isBlank() ? MetaData.emptyInstance()
                : MetaData.with(MetaDataKeys.REASON, reason));
    }

    /** Sends with the given metadata: for a service acting on its own, which names itself as the actor. */
    public <R> R send(Object command, MetaData metaData) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        return retryingConflicts(() -> gateway.sendAndWait(message));
    }

    public <R> R send(Object command) {
        return send(command, MetaData.emptyInstance());
    }

    /**
     * Sends from a thread of its own and waits: outside the current unit of work, so that the command's events
     * commit at once. For an event handler that sends many commands for one event (a replay job), whose commands
     * nested in the processor's unit of work would all commit only when the handler returns.
     */
    public <R> R sendOnItsOwn(Object command, MetaData metaData) {
        try {
            return alone.submit(() -> this.<R>send(command, metaData)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + command.getClass().getSimpleName(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs {@code commands} (which send with this sender) as one unit of work in one transaction: the events of all
     * of them are stored together or not at all, and a conflict tries them all again. With the local command bus
     * each command's unit of work nests in this one, and Axon stores the events of nested units when the outer one
     * commits.
     */
    public <R> R inOneTransaction(Callable<R> commands) {
        return retryingConflicts(() -> {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            unit.attachTransaction(transactions);
            ResultMessage<R> result = unit.executeWithResult(commands);
            if (result.isExceptional()) {
                throw result.exceptionResult() instanceof RuntimeException e ? e
                        : new IllegalStateException(result.exceptionResult());
            }
            return result.getPayload();
        });
    }

    private static <R> R retryingConflicts(Callable<R> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.call();
            } catch (ConcurrencyException conflict) {
                if (n == MAX_ATTEMPTS) {
                    throw conflict;
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
