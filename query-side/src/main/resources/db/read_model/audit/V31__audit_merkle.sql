-- RFC 6962 Merkle trees over the checkpoints' ranges (MerkleTree): each chain entry keeps its leaf hash,
-- SHA-256(0x00 || leaf data), the leaf data being what the chain hashes after the previous entry (AuditHash); each
-- checkpoint signs the root of its range's tree as well, so that one event's inclusion can be proven with a few
-- hashes (GET /api/v1/admin/audit/events/{position}/proof). Entries and checkpoints made before have none.
ALTER TABLE audit.chain_entry ADD COLUMN leaf BYTEA;
ALTER TABLE audit.checkpoint ADD COLUMN merkle_root BYTEA;
