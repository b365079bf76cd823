package com.opsledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Every answer of the service is problem+json, whoever rejects the request. Spring MVC's errors are handled by
 * {@link ProblemHandling} and {@link ErrorEndpoint}; these cover the rest:
 * <ul>
 *   <li>Tomcat's own error page, for requests it refuses before any servlet runs (an encoded slash in the path,
 *       an unknown HTTP version, an oversized header): its HTML report is replaced by a problem;</li>
 *   <li>error answers that leave with no body at all (an actuator endpoint's 404, a 406 whose problem the client's
 *       Accept header excluded): {@link EmptyErrorBodies} gives them one.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                useProblemReports(host);
            }
        }));
    }

    /** Replaces the host's error report valve, which the host has set up by the time its contexts start. */
    private static void useProblemReports(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
        }
        host.getPipeline().addValve(new ProblemReportValve());
    }

    /** Tomcat's error report as a problem: the status and its reason, never the container's message or a trace. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
                return;
            }
            try {
                response.resetBuffer();
                Problems.writeStatus(request, response, status);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer already started: nothing more can be sent.
            }
        }
    }

    /** Gives an error answer that has no body a problem body; outermost, so it sees every answer. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class EmptyErrorBodies extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            BodyWatch watched = new BodyWatch(response);
            chain.doFilter(request, watched);
            int status = watched.getStatus();
            if (status >= 400 && !watched.bodyStarted && !response.isCommitted() && !request.isAsyncStarted()) {
                response.resetBuffer();
                Problems.writeStatus(request, response, status);
            }
        }

        private static final class BodyWatch extends HttpServletResponseWrapper {
            private boolean bodyStarted;

            BodyWatch(HttpServletResponse response) {
                super(response);
            }

            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                bodyStarted = true;
                return super.getOutputStream();
            }

            @Override
            public PrintWriter getWriter() throws IOException {
                bodyStarted = true;
                return super.getWriter();
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                bodyStarted = true;
                super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                bodyStarted = true;
                super.sendError(sc);
            }
        }
    }
}
