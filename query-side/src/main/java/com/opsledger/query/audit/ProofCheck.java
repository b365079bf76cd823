package com.opsledger.query.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks one event's inclusion proof without trusting the service ({@code java -jar opsledger.jar verify-proof}):
 * from the proof ({@code GET /api/v1/admin/audit/events/{position}/proof}), the event as exported and the auditors'
 * public key, that
 * <ol>
 *   <li>the proof's leaf data is the exported event, field by field (its payload and metadata as the same JSON);</li>
 *   <li>SHA-256(0x00 || leaf data) is the leaf hash, and the proof's path leads from it to the checkpoint's Merkle
 *       root (RFC 6962);</li>
 *   <li>the checkpoint's signature verifies with the public key over the bytes {@link AuditCheckpoint#signedBytes()}
 *       names.</li>
 * </ol>
 * Nothing here reads a database or calls the service.
 */
public final class ProofCheck {

    /** The outcome: {@code valid}, or the first check that failed. */
    public record Report(boolean valid, long position, String eventId, long checkpoint, String problem) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private ProofCheck() {
    }

    static Report check(JsonNode proof, JsonNode event, AuditKeys keys) {
        long position = proof.get("position").asLong();
        JsonNode signed = proof.get("checkpoint");
        long number = signed.get("number").asLong();
        byte[] leafData = Base64.getDecoder().decode(proof.get("leafData").asString());
        String mismatch = sameEvent(leafData, event);
        if (mismatch != null) {
            return failed(proof, number, "the proof's leaf is not the exported event: " + mismatch);
        }
        byte[] leaf = MerkleTree.leafHash(leafData);
        if (!HEX.formatHex(leaf).equals(proof.get("leafHash").asString())) {
            return failed(proof, number, "SHA-256(0x00 || leafData) is not the proof's leafHash");
        }
        long from = signed.get("fromPosition").asLong();
        long to = signed.get("toPosition").asLong();
        long index = proof.get("leafIndex").asLong();
        long size = proof.get("treeSize").asLong();
        if (index != position - from || size != to - from + 1) {
            return failed(proof, number, "leafIndex and treeSize do not place the position in the checkpoint");
        }
        List<byte[]> path = proof.get("proof").valueStream().map(hash -> HEX.parseHex(hash.asString())).toList();
        byte[] root = HEX.parseHex(signed.get("merkleRoot").asString());
        if (!MerkleTree.verifyInclusion(index, size, leaf, path, root)) {
            return failed(proof, number, "the proof does not lead from the leaf to the checkpoint's Merkle root");
        }
        JsonNode previous = signed.get("previousSignature");
        AuditCheckpoint checkpoint = new AuditCheckpoint(number, from, to,
                HEX.parseHex(signed.get("headHash").asString()),
                previous == null || previous.isNull() ? null : HEX.parseHex(previous.asString()),
                Instant.parse(signed.get("signedAt").asString()), signed.get("keyId").asString(), root,
                HEX.parseHex(signed.get("signature").asString()));
        if (!keys.verify(checkpoint.keyId(), checkpoint.signedBytes(), checkpoint.signature())) {
            return failed(proof, number, "the checkpoint's signature does not verify with the given public key(s)"
                    + " (key " + checkpoint.keyId() + ")");
        }
        return new Report(true, position, textOrNull(proof.get("eventId")), number, null);
    }

    /**
     * Why the leaf data (data(p) of {@link AuditHash}) is not {@code event}, or null when it is. A gap's leaf is
     * no event: it matches no exported line.
     */
    private static String sameEvent(byte[] leafData, JsonNode event) {
        ByteBuffer in = ByteBuffer.wrap(leafData);
        if (in.get() != 0) {
            return "the leaf is a gap, which holds no event";
        }
        List<String> problems = new ArrayList<>();
        compare(problems, "position", in.getLong(), event.get("position").asLong());
        compare(problems, "eventId", str(in), textOrNull(event.get("eventId")));
        compare(problems, "aggregateType", str(in), textOrNull(event.get("aggregateType")));
        compare(problems, "aggregateId", str(in), textOrNull(event.get("aggregateId")));
        compare(problems, "sequenceNumber", in.getLong(), event.get("sequenceNumber").asLong());
        compare(problems, "payloadType", str(in), textOrNull(event.get("payloadType")));
        compare(problems, "payloadRevision", str(in), textOrNull(event.get("payloadRevision")));
        String storedTime = str(in);
        compare(problems, "occurredAt", storedTime == null ? null : Instant.parse(storedTime),
                Instant.parse(event.get("occurredAt").asString()));
        compare(problems, "payload", json(str(in)), event.get("payload"));
        compare(problems, "metaData", json(str(in)), event.get("metaData"));
        return problems.isEmpty() ? null : String.join(", ", problems) + " differ";
    }

    private static void compare(List<String> problems, String field, Object inLeaf, Object exported) {
        if (!Objects.equals(inLeaf, exported)) {
            problems.add(field);
        }
    }

    /** str(s) of {@link AuditHash}: a 4-byte big-endian length (FF FF FF FF for SQL NULL), then UTF-8 bytes. */
    private static String str(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Report failed(JsonNode proof, long checkpoint, String problem) {
        return new Report(false, proof.get("position").asLong(), textOrNull(proof.get("eventId")), checkpoint,
                problem);
    }

    /**
     * {@code verify-proof --proof=proof.json --event=event.json --public-key=<base64> [--public-key=...]}: 0 when
     * the proof holds, 1 when it does not (the report names why), 2 when it could not be checked.
     */
    public static int fromCommandLine(String[] args, PrintStream out, PrintStream err) {
        String proofFile = null;
        String eventFile = null;
        List<String> publicKeys = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--proof=")) {
                proofFile = arg.substring("--proof=".length());
            } else if (arg.startsWith("--event=")) {
                eventFile = arg.substring("--event=".length());
            } else if (arg.startsWith("--public-key=")) {
                publicKeys.add(arg.substring("--public-key=".length()));
            } else {
                proofFile = null;
                break;
            }
        }
        if (proofFile == null || eventFile == null || publicKeys.isEmpty()) {
            err.println("usage: verify-proof --proof=proof.json --event=event.json --public-key=<base64> "
                    + "(the event as one line of the export, or one item of the events list); got "
                    + Arrays.toString(args));
            return 2;
        }
        try {
            Report report = check(JSON.readTree(Files.readString(Path.of(proofFile))),
                    JSON.readTree(Files.readString(Path.of(eventFile))), AuditKeys.verifyingWith(publicKeys));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("verify-proof could not check: " + e.getMessage());
            return 2;
        }
    }
}
