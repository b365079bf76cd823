package com.opsledger.query.audit;

import com.opsledger.query.audit.AuditHash.StoredEvent;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The inclusion proof of one position in the Merkle tree of the checkpoint that covers it: with the checkpoint's
 * signed root and the public key, anyone can check that the event as exported is the one the log signed, from a few
 * hashes and without the rest of the history.
 */
@Component
class AuditProofs {

    /** A checkpoint as its signature covers it: hashes and the signature in hex. */
    record SignedCheckpoint(long number, long fromPosition, long toPosition, String headHash, String merkleRoot,
                            String previousSignature, Instant signedAt, String keyId, String signature) {
    }

    /**
     * {@code leafData} is data(p) of {@link AuditHash} in base64; {@code leafHash} = SHA-256(0x00 || leafData);
     * {@code proof} leads from it, at {@code leafIndex} of a tree of {@code treeSize} leaves, to the checkpoint's
     * {@code merkleRoot} (RFC 6962 / RFC 9162 2.1.3.2).
     */
    record InclusionProof(long position, String eventId, long leafIndex, long treeSize, String leafData,
                          String leafHash, List<String> proof, SignedCheckpoint checkpoint) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    AuditProofs(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    InclusionProof proof(long position) {
        AuditCheckpoint checkpoint = jdbc.query("SELECT " + AuditCheckpoint.COLUMNS + " FROM audit.checkpoint "
                        + "WHERE ? BETWEEN from_position AND to_position", (rs, n) -> AuditCheckpoint.read(rs),
                position).stream().findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Position " + position + " is in no signed checkpoint yet"));
        if (checkpoint.merkleRoot() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Checkpoint " + checkpoint.number()
                    + " was signed before checkpoints had Merkle trees; it has no inclusion proofs");
        }
        List<byte[]> leaves = chain.leaves(checkpoint.fromPosition(), checkpoint.toPosition());
        int index = (int) (position - checkpoint.fromPosition());
        List<StoredEvent> rows = jdbc.query("SELECT " + AuditHash.COLUMNS + " FROM domain_event_entry "
                + "WHERE global_index = ?", (rs, n) -> StoredEvent.read(rs), position);
        byte[] data = rows.isEmpty() ? AuditHash.gapData(position) : AuditHash.data(rows.get(0));
        List<String> proof = MerkleTree.inclusionProof(index, leaves).stream().map(HEX::formatHex).toList();
        return new InclusionProof(position, rows.isEmpty() ? null : rows.get(0).eventId(), index, leaves.size(),
                Base64.getEncoder().encodeToString(data), HEX.formatHex(leaves.get(index)), proof,
                new SignedCheckpoint(checkpoint.number(), checkpoint.fromPosition(), checkpoint.toPosition(),
                        HEX.formatHex(checkpoint.headHash()), HEX.formatHex(checkpoint.merkleRoot()),
                        checkpoint.previousSignature() == null ? null : HEX.formatHex(checkpoint.previousSignature()),
                        checkpoint.signedAt(), checkpoint.keyId(), HEX.formatHex(checkpoint.signature())));
    }
}
