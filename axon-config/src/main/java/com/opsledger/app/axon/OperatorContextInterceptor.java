package com.opsledger.app.axon;

import com.opsledger.events.MetaDataKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps each command sent while serving an HTTP request with who sent it (the token subject, or the service
 * credential's name) and from where. The correlation data provider copies both onto every resulting event.
 */
class OperatorContextInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, Object> context = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            context.put(MetaDataKeys.ACTOR, authentication.getName());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            context.put(MetaDataKeys.SOURCE_IP, request.getRemoteAddr());
        }
        return (index, message) -> message.andMetaData(context);
    }
}
