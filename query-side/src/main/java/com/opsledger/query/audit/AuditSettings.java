package com.opsledger.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The audit chain ({@code opsledger.audit.*}, e.g. {@code OPSLEDGER_AUDIT_SIGNING_KEY}).
 *
 * @param signingKey         base64 of the Ed25519 private key (PKCS#8) that signs checkpoints; empty: the chain is
 *                           kept but no checkpoint is signed, and the verifier reports the chain as unanchored
 * @param publicKeys         base64 of the Ed25519 public keys (X.509) whose checkpoints the verifier trusts: the
 *                           signing key's own, and any earlier ones after a rotation
 * @param checkpointEvery    a checkpoint is signed once this many positions have been chained since the last one
 * @param checkpointInterval ... or once this long has passed since the last one, if anything was chained meanwhile
 * @param gapGrace           how long a missing position is waited for before the transactions that could still
 *                           fill it are awaited (see {@link AuditChain})
 * @param pollInterval       how often the chain looks for new events once caught up
 */
@ConfigurationProperties("opsledger.audit")
record AuditSettings(@DefaultValue("") String signingKey,
                     @DefaultValue("") List<String> publicKeys,
                     @DefaultValue("10000") int checkpointEvery,
                     @DefaultValue("5m") Duration checkpointInterval,
                     @DefaultValue("2s") Duration gapGrace,
                     @DefaultValue("200ms") Duration pollInterval) {
}
