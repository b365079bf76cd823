package com.opsledger.query.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (section 2.1, as RFC 9162 restates it), SHA-256: the root of a checkpoint's range and
 * the inclusion proof of one of its events, as Certificate Transparency logs compute them.
 *
 * <pre>
 * leaf hash  = SHA-256(0x00 || leaf data)
 * node hash  = SHA-256(0x01 || left || right)
 * MTH({})    = SHA-256()
 * MTH({d0})  = leaf hash(d0)
 * MTH(D[n])  = node hash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
 * </pre>
 */
public final class MerkleTree {

    private static final byte LEAF = 0;
    private static final byte NODE = 1;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = AuditHash.sha256();
        sha.update(LEAF);
        sha.update(data);
        return sha.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = AuditHash.sha256();
        sha.update(NODE);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH over leaf hashes, in order. */
    public static byte[] root(List<byte[]> leaves) {
        return leaves.isEmpty() ? AuditHash.sha256().digest() : root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(to - from);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** PATH(m, D[n]): the sibling hashes from the leaf {@code index} up to the root, the nearest first. */
    public static List<byte[]> inclusionProof(int index, List<byte[]> leaves) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, leaves, 0, leaves.size(), proof);
        return proof;
    }

    private static void path(int index, List<byte[]> leaves, int from, int to, List<byte[]> proof) {
        if (to - from == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(to - from);
        if (index < k) {
            path(index, leaves, from, from + k, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            path(index - k, leaves, from + k, to, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /**
     * The root that an inclusion proof leads to from {@code leafHash} at {@code index} of a tree of {@code size}
     * (RFC 9162, 2.1.3.2); null when the proof cannot be one of such a leaf (wrong length, index out of the tree).
     */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || leafHash.length != AuditHash.LENGTH) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p.length != AuditHash.LENGTH) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether the proof leads from {@code leafHash} to {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        return computed != null && Arrays.equals(computed, root);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
