import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpsLedger's load driver: a separate process that talks to the service over loopback HTTP, one unique id per
 * request. Run with the JDK's source launcher, no build: {@code java bench/driver/LoadDriver.java MODE key=value...}
 *
 * <ul>
 *   <li>{@code submit clients=16 seconds=15}: closed-loop feedback submissions; samples projection lag (ack to row
 *       visible) on every {@code lagEvery}-th one; {@code ackLog=FILE} appends "submissionId feedbackId" per 2xx and
 *       keeps retrying the same submission through outages (crash test);</li>
 *   <li>{@code transitions clients=16 seconds=15}: each client submits its own items, then drives them round the
 *       workflow (triage, start, complete, archive, reopen);</li>
 *   <li>{@code query rate=200 seconds=15 path=/api/v1/admin/feedback?...}: open-loop reads at a fixed rate, latency
 *       counted from each request's scheduled time (no coordinated omission), after {@code warmup=5} seconds of
 *       the same load unrecorded; with {@code until=FILE}, ended early once that file exists;</li>
 *   <li>{@code submit rate=100 seconds=15}: submissions at a fixed rate instead, for lag at a given load;</li>
 *   <li>{@code authorize clients=16 seconds=15 wallets=64 templates=DIR}: Stripe's real-time authorization requests,
 *       closed loop (or {@code rate=200}, open loop), each a full-size Stripe event signed with {@code stripeSecret}
 *       for a card of one of {@code wallets} wallets opened first (round robin); a request counts as answered when it
 *       is a 200 with OpsLedger's approval;</li>
 *   <li>{@code stripe-storm clients=8 seconds=60 wallets=16 templates=DIR ackLog=FILE token=OPERATOR}: the crash
 *       test's Stripe load: wallets whose approval threshold (1,000) makes every third authorization (2,000) use one
 *       of three approved spend requests; each authorization request is retried until answered, half of them
 *       delivered again (the same answer must come), then Stripe's {@code issuing_authorization.created} delivered
 *       twice; {@code ackLog} gets "request ID WALLET APPROVED" and "created ID" lines for answered ones;</li>
 *   <li>{@code connector clients=16 seconds=15} (or {@code rate=200}): inbound connector webhooks, each signed per
 *       Standard Webhooks, to a connection it registers whose endpoint is a worker in this process; {@code lagMs} is
 *       the time from sending a webhook to the worker's receipt of its first attempt. {@code failFirst=N}: the worker
 *       answers 503 to the first attempt of every N-th event; {@code schedule=PT0S,PT2S}: the connection's retry
 *       schedule; {@code ackLog=FILE} gets "accepted UPSTREAM_ID DELIVERY_ID" per 200 (each webhook is retried until
 *       answered), {@code receiptLog=FILE} "received DELIVERY_ID ATTEMPT STATUS" per request the worker answered;
 *       with {@code token=OPERATOR} the worker answers until every delivery is recorded as delivered (at most
 *       {@code settleSeconds}).</li>
 * </ul>
 * Prints one JSON object: counts, throughput per second and latency percentiles in milliseconds.
 */
public class LoadDriver {

    private static final Pattern FEEDBACK_ID = Pattern.compile("\"feedbackId\":\"([^\"]+)\"");
    private static final Pattern WALLET_ID = Pattern.compile("\"walletId\":\"([^\"]+)\"");
    private static final Pattern SPEND_REQUEST_ID = Pattern.compile("\"spendRequestId\":\"([^\"]+)\"");

    private final Map<String, String> options;
    private final String base;
    private final String serviceKey;
    private final String token;
    /** Every how many acknowledged submissions the lag is measured (0: never). */
    private final int lagEvery;
    /** Duplicate groups per kind of submission. */
    private final long groups;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> lagMicros = new ConcurrentLinkedQueue<>();
    /** The service's process id, for CPU per request (0: not measured). */
    private final long servicePid;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    /** Lag is measured beside the load, never inside a client's request, so it does not delay the next command. */
    private final ExecutorService lagPollers = Executors.newFixedThreadPool(4);

    LoadDriver(Map<String, String> options) {
        this.options = options;
        this.base = option("url", "http://127.0.0.1:8080");
        this.serviceKey = option("serviceKey", "opsledger-local-service-key");
        this.token = option("token", "");
        this.lagEvery = intOption("lagEvery", 20);
        this.groups = Long.parseLong(option("groups", "1"));
        this.servicePid = Long.parseLong(option("servicePid", "0"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Arrays.stream(args).skip(1).map(a -> a.split("=", 2)).forEach(kv -> options.put(kv[0], kv[1]));
        LoadDriver driver = new LoadDriver(options);
        String result = switch (args[0]) {
            case "submit" -> driver.submissions();
            case "transitions" -> driver.transitions();
            case "query" -> driver.queries();
            case "authorize" -> driver.authorizations();
            case "stripe-storm" -> driver.stripeStorm();
            case "connector" -> driver.connector();
            default -> throw new IllegalArgumentException(
                    "mode: submit | transitions | query | authorize | stripe-storm | connector");
        };
        System.out.println(result);
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    // ---- submissions -------------------------------------------------------------------------------------------

    String submissions() throws Exception {
        if (options.containsKey("rate")) {
            double elapsed = fixedRate(measured -> {
                String submissionId = "bench-" + run + "-" + sequence.incrementAndGet();
                HttpResponse<String> response = post("/api/v1/ingest/feedback", submission(submissionId), false);
                if (response == null || response.statusCode() / 100 != 2) {
                    return false;
                }
                if (measured) {
                    sampleLag(match(FEEDBACK_ID, response.body()), System.nanoTime());
                }
                return true;
            });
            awaitLagSamples();
            return report("submit-at-rate", intOption("rate", 200), elapsed);
        }
        int clients = intOption("clients", 16);
        Path ackLog = options.containsKey("ackLog") ? Path.of(options.get("ackLog")) : null;
        BufferedWriter acks = ackLog == null ? null : Files.newBufferedWriter(ackLog, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long seconds = intOption("seconds", 15);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        cpuAtStart = CpuTicks.now(servicePid);
        runClients(clients, () -> {
            while (System.nanoTime() < deadline) {
                String submissionId = "bench-" + run + "-" + sequence.incrementAndGet();
                String body = submission(submissionId);
                // With an ack log (crash test), a failed attempt is retried with the same id until it succeeds.
                while (true) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = post("/api/v1/ingest/feedback", body, false);
                    long acked = System.nanoTime();
                    if (response != null && response.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                        latenciesMicros.add((acked - sent) / 1000);
                        String feedbackId = match(FEEDBACK_ID, response.body());
                        if (acks != null) {
                            synchronized (acks) {
                                acks.write(submissionId + " " + feedbackId + "\n");
                                acks.flush();
                            }
                        }
                        sampleLag(feedbackId, acked);
                        break;
                    }
                    failed.incrementAndGet();
                    if (acks == null || System.nanoTime() > deadline + TimeUnit.SECONDS.toNanos(60)) {
                        break;
                    }
                    sleep(200);
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        cpuAtEnd = CpuTicks.now(servicePid);
        awaitLagSamples();
        if (acks != null) {
            acks.close();
        }
        return report("submit", clients, elapsed);
    }

    /** Measures the lag of every {@code lagEvery}-th acknowledged submission (0: none). */
    private void sampleLag(String feedbackId, long ackedNanos) {
        if (lagEvery > 0 && sequence.get() % lagEvery == 0) {
            lagPollers.submit(() -> measureLag(feedbackId, ackedNanos));
        }
    }

    private void awaitLagSamples() throws InterruptedException {
        lagPollers.shutdown();
        lagPollers.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Polls the read model until the item is visible; the lag counts from the command's 2xx. The pause between polls
     * is a twentieth of the time waited so far (at least 1 ms): the figure stays within 5% while the polls add little
     * load of their own, where polling every millisecond would itself load the service under test.
     */
    private void measureLag(String feedbackId, long ackedNanos) {
        long giveUp = ackedNanos + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < giveUp) {
            HttpResponse<String> response = get("/api/v1/admin/feedback/" + feedbackId);
            if (response != null && response.statusCode() == 200) {
                lagMicros.add((System.nanoTime() - ackedNanos) / 1000);
                return;
            }
            sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ackedNanos) / 20));
        }
    }

    /**
     * A realistic mix: a quarter each of bug reports, XSS probes, product wishes and SQL probes. Digits do not
     * change a fingerprint, so with {@code groups=N} the items spread over N duplicate groups per kind (a word
     * spelled from the group number), and with the default each kind is one hot group, like a probe burst.
     */
    private String submission(String submissionId) {
        long n = sequence.get();
        String group = letters(n % groups);
        String message = switch ((int) (n % 4)) {
            case 0 -> "Export to CSV is broken on workspace " + group + " " + n;
            case 1 -> "<script>alert('" + group + "', " + n + ")</script>";
            case 2 -> "Please add dark mode for " + group + ", it would help with long triage sessions " + n;
            default -> "' OR 1=1 -- " + group + " " + n;
        };
        return "{\"submissionId\":\"" + submissionId + "\",\"orgId\":\"org-" + (n % 50) + "\",\"workspaceId\":\"ws-"
                + (n % 200) + "\",\"userId\":\"user-" + (n % 1000) + "\",\"channel\":\"web\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"page\":\"/bench\"}";
    }

    private static String letters(long n) {
        StringBuilder word = new StringBuilder();
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }

    // ---- transitions -------------------------------------------------------------------------------------------

    String transitions() throws Exception {
        int clients = intOption("clients", 16);
        int itemsPerClient = intOption("items", 20);
        String[] cycle = {"triage", "start", "complete", "archive", "reopen"};
        long seconds = intOption("seconds", 15);
        CountDownLatch ready = new CountDownLatch(clients);
        long[] window = new long[2];
        runClients(clients, () -> {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < itemsPerClient; i++) {
                HttpResponse<String> r = post("/api/v1/ingest/feedback",
                        submission("bench-" + run + "-t-" + sequence.incrementAndGet()), false);
                if (r != null && r.statusCode() / 100 == 2) {
                    items.add(match(FEEDBACK_ID, r.body()));
                }
            }
            ready.countDown();
            awaitQuietly(ready);
            synchronized (window) {
                if (window[0] == 0) {
                    window[0] = System.nanoTime();
                    window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
                }
            }
            int[] step = new int[items.size()];
            for (int i = 0; System.nanoTime() < window[1] && !items.isEmpty(); i = (i + 1) % items.size()) {
                String action = cycle[step[i]];
                String body = action.equals("reopen") ? "{\"reason\":\"bench regression\"}" : "{}";
                long sent = System.nanoTime();
                HttpResponse<String> r = post("/api/v1/admin/feedback/" + items.get(i) + "/" + action, body, true);
                if (r != null && r.statusCode() == 200) {
                    ok.incrementAndGet();
                    latenciesMicros.add((System.nanoTime() - sent) / 1000);
                    step[i] = (step[i] + 1) % cycle.length;
                } else {
                    failed.incrementAndGet();
                }
            }
        });
        return report("transitions", clients, (System.nanoTime() - window[0]) / 1e9);
    }

    // ---- real-time authorization decisions --------------------------------------------------------------------

    String authorizations() throws Exception {
        Path templates = Path.of(option("templates", "."));
        String request = Files.readString(templates.resolve("authorization-request.json"));
        List<String[]> cards = openWallets(intOption("wallets", 64),
                Files.readString(templates.resolve("card-created.json")));
        if (options.containsKey("rate")) {
            return report("authorize-at-rate", intOption("rate", 200),
                    fixedRate(measured -> authorize(request, cards)));
        }
        int clients = intOption("clients", 16);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOption("seconds", 15));
        long start = System.nanoTime();
        cpuAtStart = CpuTicks.now(servicePid);
        runClients(clients, () -> {
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                if (authorize(request, cards)) {
                    ok.incrementAndGet();
                    latenciesMicros.add((System.nanoTime() - sent) / 1000);
                } else {
                    failed.incrementAndGet();
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        cpuAtEnd = CpuTicks.now(servicePid);
        return report("authorize", clients, elapsed);
    }

    String stripeStorm() throws Exception {
        Path templates = Path.of(option("templates", "."));
        String request = Files.readString(templates.resolve("authorization-request.json"));
        String created = Files.readString(templates.resolve("authorization-created.json"));
        List<String[]> cards = openWallets(intOption("wallets", 16),
                Files.readString(templates.resolve("card-created.json")), 1_000);
        String expires = java.time.Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        for (String[] card : cards) {
            for (int i = 0; i < 3; i++) {
                String spend = postUntilAnswered("/api/v1/ingest/agent-wallet/wallets/" + card[0]
                        + "/spend-requests", "{\"requestId\":\"storm-" + i + "\",\"requestedBy\":\"user-storm\","
                        + "\"amount\":5000,\"currency\":\"usd\",\"merchantName\":\"Rocket Rides\",\"purpose\":\"storm\","
                        + "\"expiresAt\":\"" + expires + "\"}", false);
                postUntilAnswered("/api/v1/admin/agent-wallet/wallets/" + card[0] + "/spend-requests/"
                        + match(SPEND_REQUEST_ID, spend) + "/approve", "{}", true);
            }
        }
        BufferedWriter acks = Files.newBufferedWriter(Path.of(option("ackLog", "stripe-acks.txt")),
                StandardCharsets.UTF_8);
        AtomicLong mismatches = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOption("seconds", 60));
        long start = System.nanoTime();
        runClients(intOption("clients", 8), () -> {
            while (System.nanoTime() < deadline) {
                long n = sequence.incrementAndGet();
                String[] card = cards.get((int) (n % cards.size()));
                String id = "iauth_storm_" + run + "_" + n;
                String amount = n % 3 == 0 ? "2000" : "700";
                String payload = request.replace("__ID__", id).replace("__CARD__", card[1])
                        .replace("__WALLET__", card[0]).replace("__AMOUNT__", amount);
                String answer = untilAnswered(payload, deadline);
                if (answer == null) {
                    continue;
                }
                boolean approvedByUs = answer.contains("\"approved\":true");
                synchronized (acks) {
                    acks.write("request " + id + " " + card[0] + " " + approvedByUs + "\n");
                    acks.flush();
                }
                ok.incrementAndGet();
                if (n % 2 == 0) {
                    String again = untilAnswered(payload, deadline);
                    if (again != null && again.contains("\"approved\":true") != approvedByUs) {
                        mismatches.incrementAndGet();
                    }
                }
                String report = created.replace("__ID__", id).replace("__CARD__", card[1])
                        .replace("__WALLET__", card[0]).replace("__AMOUNT__", amount)
                        .replace("__APPROVED__", Boolean.toString(approvedByUs));
                if (untilAnswered(report, deadline) != null && untilAnswered(report, deadline) != null) {
                    synchronized (acks) {
                        acks.write("created " + id + "\n");
                        acks.flush();
                    }
                }
            }
        });
        acks.close();
        return report("stripe-storm", intOption("clients", 8), (System.nanoTime() - start) / 1e9)
                .replaceFirst("}$", ",\"redeliveryMismatches\":" + mismatches.get() + "}");
    }

    /** Posts a webhook until it is answered 200 (through crashes, up to a minute past the deadline); its body. */
    private String untilAnswered(String template, long deadline) {
        while (System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(60)) {
            HttpResponse<String> answer = webhook(template);
            if (answer != null && answer.statusCode() == 200) {
                return answer.body();
            }
            failed.incrementAndGet();
            sleep(200);
        }
        return null;
    }

    private List<String[]> openWallets(int wallets, String cardCreated) {
        return openWallets(wallets, cardCreated, 99_999_999);
    }

    /**
     * Opens the wallets (limits far above the load) and gives each a card by Stripe's card.created webhook. Each call
     * is idempotent and retried until answered, so the set-up also goes through a crash.
     */
    private List<String[]> openWallets(int wallets, String cardCreated, long approvalThreshold) {
        List<String[]> cards = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            String opened = postUntilAnswered("/api/v1/ingest/agent-wallet/wallets", "{\"agentId\":\"bench-" + run
                    + "-" + i + "\",\"orgId\":\"org-bench\",\"workspaceId\":\"ws-" + i + "\",\"currency\":\"usd\","
                    + "\"policy\":{\"perAuthorizationLimit\":99999999,\"dailyLimit\":99999999,\"monthlyLimit\":99999999,"
                    + "\"allowedCategories\":[],\"blockedCategories\":[],\"approvalThreshold\":" + approvalThreshold
                    + ",\"dualControlThreshold\":99999999}}", false);
            String walletId = match(WALLET_ID, opened);
            String cardId = "ic_bench_" + run + "_" + i;
            if (walletId == null || untilAnswered(cardCreated.replace("__ID__", cardId).replace("__CARD__", cardId)
                    .replace("__WALLET__", walletId), System.nanoTime()) == null) {
                throw new IllegalStateException("could not open wallet " + i + ": " + opened);
            }
            cards.add(new String[] {walletId, cardId});
        }
        return cards;
    }

    /** Posts until a 2xx, or a 409 (for a retried step that took effect before the crash); the answer's body. */
    private String postUntilAnswered(String path, String body, boolean operator) {
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> answer = post(path, body, operator);
            if (answer != null && (answer.statusCode() / 100 == 2 || answer.statusCode() == 409)) {
                return answer.body();
            }
            sleep(200);
        }
        throw new IllegalStateException("no answer from " + path);
    }

    /** One authorization request for the next wallet's card; true when OpsLedger approved it. */
    private boolean authorize(String template, List<String[]> cards) {
        long n = sequence.incrementAndGet();
        String[] card = cards.get((int) (n % cards.size()));
        String id = "iauth_" + run + "_" + n;
        HttpResponse<String> answer = webhook(template.replace("__ID__", id).replace("__CARD__", card[1])
                .replace("__WALLET__", card[0]).replace("__AMOUNT__", "700"));
        return answer != null && answer.statusCode() == 200 && answer.body().contains("\"approved\":true");
    }

    /** A Stripe webhook, its {@code created} set to now and signed as Stripe signs (HMAC-SHA256 of "t.payload"). */
    private HttpResponse<String> webhook(String template) {
        long t = System.currentTimeMillis() / 1000;
        String payload = template.replace("__CREATED__", Long.toString(t));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(option("stripeSecret", "").getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String signature = "t=" + t + ",v1=" + java.util.HexFormat.of().formatHex(
                    mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + "/webhooks/stripe")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- connector webhooks ------------------------------------------------------------------------------------

    String connector() throws Exception {
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        Set<String> measuredIds = ConcurrentHashMap.newKeySet();
        Set<String> receivedOnce = ConcurrentHashMap.newKeySet();
        int failFirst = intOption("failFirst", 0);
        Path receiptLog = options.containsKey("receiptLog") ? Path.of(options.get("receiptLog")) : null;
        BufferedWriter receipts = receiptLog == null ? null : Files.newBufferedWriter(receiptLog,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        com.sun.net.httpserver.HttpServer worker = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 512);
        worker.setExecutor(Executors.newFixedThreadPool(32));
        worker.createContext("/", exchange -> {
            long now = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            String upstream = exchange.getRequestHeaders().getFirst("X-OpsLedger-Upstream-Id");
            String attempt = exchange.getRequestHeaders().getFirst("X-OpsLedger-Attempt");
            String deliveryId = exchange.getRequestHeaders().getFirst("webhook-id");
            long n = Long.parseLong(upstream.substring(upstream.lastIndexOf('-') + 1));
            int status = failFirst > 0 && n % failFirst == 0 && "1".equals(attempt) ? 503 : 204;
            if (receivedOnce.add(upstream) && measuredIds.contains(upstream)) {
                Long sent = sentAt.get(upstream);
                if (sent != null) {
                    lagMicros.add((now - sent) / 1000);
                }
            }
            if (receipts != null) {
                synchronized (receipts) {
                    receipts.write("received " + deliveryId + " " + attempt + " " + status + "\n");
                    receipts.flush();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        worker.start();
        String schedule = option("schedule", "PT0S,PT5S,PT5M");
        String inbound = "whsec_" + java.util.Base64.getEncoder().encodeToString(
                ("bench-inbound-" + run + "-secret").substring(0, 24).getBytes(StandardCharsets.UTF_8));
        String registered = postUntilAnswered("/api/v1/ingest/connections", "{\"id\":\"bench-" + run
                + "\",\"connector\":\"github\",\"orgId\":\"org-bench\",\"workspaceId\":\"ws-bench\",\"endpointUrl\":"
                + "\"http://127.0.0.1:" + worker.getAddress().getPort() + "/hook\",\"scheme\":\"standard_webhooks\","
                + "\"inboundSecret\":\"" + inbound + "\",\"retrySchedule\":{\"delays\":[\""
                + String.join("\",\"", schedule.split(",")) + "\"],\"jitter\":0},\"attemptTimeout\":\"PT5S\"}", false);
        String connectionId = match(Pattern.compile("\"connectionId\":\"([^\"]+)\""), registered);
        Path ackLog = options.containsKey("ackLog") ? Path.of(options.get("ackLog")) : null;
        BufferedWriter acks = ackLog == null ? null : Files.newBufferedWriter(ackLog, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Pattern deliveryId = Pattern.compile("\"deliveryId\":\"([^\"]+)\"");
        ConnectorWebhook send = (measured, deadline) -> {
            String upstream = "evt-" + run + "-" + sequence.incrementAndGet();
            String body = "{\"type\":\"push\",\"ref\":\"refs/heads/main\",\"id\":\"" + upstream
                    + "\",\"commits\":[{\"message\":\"bench\"}]}";
            if (measured) {
                measuredIds.add(upstream);
            }
            while (true) {
                sentAt.putIfAbsent(upstream, System.nanoTime());
                HttpResponse<String> answer = signedConnectorWebhook(connectionId, inbound, upstream, body);
                if (answer != null && answer.statusCode() == 200) {
                    if (acks != null) {
                        synchronized (acks) {
                            try {
                                acks.write("accepted " + upstream + " " + match(deliveryId, answer.body()) + "\n");
                                acks.flush();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                    return true;
                }
                if (acks == null || System.nanoTime() > deadline + TimeUnit.SECONDS.toNanos(60)) {
                    return false;
                }
                failed.incrementAndGet();
                sleep(200);
            }
        };
        boolean atRate = options.containsKey("rate");
        double elapsed;
        if (atRate) {
            elapsed = fixedRate(measured -> send.post(measured, System.nanoTime()));
        } else {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(intOption("seconds", 15));
            cpuAtStart = CpuTicks.now(servicePid);
            runClients(intOption("clients", 16), () -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    if (send.post(true, deadline)) {
                        ok.incrementAndGet();
                        latenciesMicros.add((System.nanoTime() - sent) / 1000);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            elapsed = (System.nanoTime() - start) / 1e9;
            cpuAtEnd = CpuTicks.now(servicePid);
        }
        // The receipts of the last webhooks come after their answers: wait for them. With a token (the crash test),
        // the worker goes on answering until the service has recorded every delivery as delivered: an attempt the
        // worker answered may have lost its outcome in a kill, and its retry must find the worker there.
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOption("settleSeconds", 10));
        while (!(receivedOnce.containsAll(measuredIds) && (token.isEmpty() || allDelivered(connectionId)))
                && System.nanoTime() < settle) {
            sleep(token.isEmpty() ? 50 : 1000);
        }
        worker.stop(0);
        if (acks != null) {
            acks.close();
        }
        if (receipts != null) {
            receipts.close();
        }
        return report(atRate ? "connector-at-rate" : "connector", intOption(atRate ? "rate" : "clients", 16), elapsed)
                .replaceFirst("}$", ",\"connectionId\":\"" + connectionId + "\",\"receivedEvents\":"
                        + receivedOnce.size() + ",\"sentEvents\":" + sentAt.size() + "}");
    }

    /** Whether the connection's deliveries are all delivered: the failures-first list starts with a delivered one. */
    private boolean allDelivered(String connectionId) {
        HttpResponse<String> page = get("/api/v1/admin/connector-events?limit=1&connectionId=" + connectionId);
        return page != null && page.statusCode() == 200 && page.body().contains("\"status\":\"delivered\"");
    }

    /** One webhook of the connector load; answers whether it was accepted (200). */
    private interface ConnectorWebhook {
        boolean post(boolean measured, long deadline);
    }

    /** Posts a connector webhook signed per Standard Webhooks (base64 HMAC-SHA256 of "id.timestamp.body"). */
    private HttpResponse<String> signedConnectorWebhook(String connectionId, String secret, String id, String body) {
        long t = System.currentTimeMillis() / 1000;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)),
                    "HmacSHA256"));
            String signature = "v1," + java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + "/webhooks/connectors/" + connectionId))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("webhook-id", id).header("webhook-timestamp", Long.toString(t))
                    .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    String queries() throws Exception {
        String path = option("path", "/api/v1/admin/feedback?state=open&limit=50");
        return report("query", intOption("rate", 200), fixedRate(measured -> {
            HttpResponse<String> r = get(path);
            return r != null && r.statusCode() == 200;
        }));
    }

    /**
     * Open loop: one request every 1/rate seconds whatever the answers do, latency counted from the scheduled
     * time, so a slow answer cannot hide the requests that should have been sent meanwhile. The first
     * {@code warmup} seconds (default 5) run the same schedule unrecorded: this process's own start (its JIT, its
     * connections) is not the service's latency. With {@code until=FILE}, the run ends early once that file
     * exists (what it measures is over: a rebuild went live); requests not yet sent then are not sent. Returns the
     * seconds the recorded part took.
     */
    private double fixedRate(Request request) throws Exception {
        int rate = intOption("rate", 200);
        long seconds = intOption("seconds", 15);
        long warmup = intOption("warmup", 5);
        long total = rate * (warmup + seconds);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch((int) total);
        Path until = options.containsKey("until") ? Path.of(option("until", null)) : null;
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            boolean measured = scheduled >= measureFrom;
            ticker.schedule(() -> until != null && Files.exists(until) ? null : workers.submit(() -> {
                boolean answered = request.send(measured);
                if (measured && answered) {
                    ok.incrementAndGet();
                    latenciesMicros.add((System.nanoTime() - scheduled) / 1000);
                } else if (measured) {
                    failed.incrementAndGet();
                }
                done.countDown();
            }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds + 60);
        while (!done.await(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline
                && (until == null || !Files.exists(until))) {
            // answers still due
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        ticker.shutdownNow();
        workers.shutdownNow();
        return elapsed;
    }

    /** One request of a fixed-rate run; {@code measured} is false during its warm-up. Answers whether it got a 2xx. */
    private interface Request {
        boolean send(boolean measured);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private void runClients(int clients, ThrowingRunnable client) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    client.run();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private HttpResponse<String> post(String path, String body, boolean operator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (operator) {
            request.header("Authorization", "Bearer " + token);
        } else {
            request.header("X-Service-Key", serviceKey);
        }
        return send(request.build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CpuTicks cpuAtStart;
    private CpuTicks cpuAtEnd;

    private String report(String mode, int concurrency, double seconds) {
        return "{\"mode\":\"" + mode + "\",\"concurrency\":" + concurrency + ",\"seconds\":"
                + String.format("%.2f", seconds) + ",\"ok\":" + ok.get() + ",\"failed\":" + failed.get()
                + ",\"perSecond\":" + String.format("%.1f", ok.get() / seconds)
                + ",\"latencyMs\":" + percentiles(latenciesMicros) + ",\"lagMs\":" + percentiles(lagMicros)
                + (cpuAtStart == null ? "" : ",\"cpuMsPerRequest\":" + cpuAtEnd.perRequest(cpuAtStart, ok.get()))
                + "}";
    }

    /**
     * CPU time used so far by the service ({@code servicePid}), by every PostgreSQL process, and by this driver, in
     * clock ticks from /proc; the difference over a measured window, per request, says who spent what.
     */
    record CpuTicks(long service, long postgres, long driver) {
        private static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

        static CpuTicks now(long servicePid) {
            if (servicePid <= 0) {
                return null;
            }
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) processes::iterator) {
                    String stat = read(dir.resolve("stat"));
                    if (stat != null && stat.contains("(postgres)")) {
                        postgres += ticks(stat);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new CpuTicks(ticks(read(Path.of("/proc/" + servicePid + "/stat"))), postgres,
                    ticks(read(Path.of("/proc/self/stat"))));
        }

        String perRequest(CpuTicks start, long requests) {
            double n = Math.max(1, requests);
            return String.format("{\"service\":%.3f,\"postgres\":%.3f,\"driver\":%.3f}",
                    (service - start.service) * MS_PER_TICK / n, (postgres - start.postgres) * MS_PER_TICK / n,
                    (driver - start.driver) * MS_PER_TICK / n);
        }

        /** utime + stime: fields 14 and 15, counted after the parenthesised command name. */
        private static long ticks(String stat) {
            if (stat == null) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static String read(Path path) {
            try {
                return Files.readString(path);
            } catch (IOException | RuntimeException e) {
                return null; // a process that ended meanwhile
            }
        }
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "null";
        }
        return String.format("{\"n\":%d,\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f}", sorted.length,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
