package com.opsledger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Authenticates the platform's ingest calls by the service key in the {@code X-Service-Key} header. */
class ServiceKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Service-Key";
    static final String SERVICE_ACTOR = "service:platform";

    private final byte[] serviceKey;

    ServiceKeyFilter(String serviceKey) {
        this.serviceKey = serviceKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null && MessageDigest.isEqual(serviceKey, presented.getBytes(StandardCharsets.UTF_8))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    SERVICE_ACTOR, null, AuthorityUtils.createAuthorityList("ROLE_" + Roles.SERVICE)));
        }
        chain.doFilter(request, response);
    }
}
