package com.opsledger.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 6962 test vectors as transparency-dev/merkle publishes them (proof/verify_test.go): eight leaves, the
 * roots of the trees of their first 1 to 8, and inclusion proofs, which must verify, while every corruption of them
 * (the probes of that file) must not.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final String EMPTY_TREE = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SOME_HASH = "abacaba000000000000000000000000000000000000000000060061e00123456";

    /** Leaf (1-based), tree size, proof. */
    private record Vector(int leaf, int size, List<String> proof) {
    }

    private static final List<Vector> PROOFS = List.of(
            new Vector(1, 1, List.of()),
            new Vector(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(6, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(3, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Vector(2, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private static List<byte[]> leafHashes(int size) {
        return LEAVES.subList(0, size).stream().map(leaf -> MerkleTree.leafHash(HEX.parseHex(leaf))).toList();
    }

    @Test
    void theRootsOfTheFirstOneToEightLeavesAreTheVectors() {
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(leafHashes(size)))).as("size " + size)
                    .isEqualTo(ROOTS.get(size - 1));
        }
        assertThat(HEX.formatHex(MerkleTree.root(List.of()))).isEqualTo(EMPTY_TREE);
    }

    @Test
    void theInclusionProofsAreTheVectorsAndVerify() {
        for (Vector vector : PROOFS) {
            List<byte[]> leaves = leafHashes(vector.size());
            List<byte[]> proof = MerkleTree.inclusionProof(vector.leaf() - 1, leaves);
            assertThat(proof.stream().map(HEX::formatHex).toList()).as(vector.toString())
                    .isEqualTo(vector.proof());
            byte[] root = HEX.parseHex(ROOTS.get(vector.size() - 1));
            assertThat(MerkleTree.verifyInclusion(vector.leaf() - 1, vector.size(), leaves.get(vector.leaf() - 1),
                    proof, root)).as(vector.toString()).isTrue();
        }
    }

    /** The corruptions of verify_test.go's corruptInclusionProof: none may verify. */
    @Test
    void noCorruptionOfAProofVerifies() {
        for (Vector vector : PROOFS.subList(1, PROOFS.size())) {
            long index = vector.leaf() - 1;
            long size = vector.size();
            byte[] leaf = leafHashes(vector.size()).get(vector.leaf() - 1);
            byte[] root = HEX.parseHex(ROOTS.get(vector.size() - 1));
            List<byte[]> proof = vector.proof().stream().map(HEX::parseHex).toList();
            List<String> verified = new ArrayList<>();
            check(verified, "leafIndex - 1", index - 1, size, leaf, proof, root);
            check(verified, "leafIndex + 1", index + 1, size, leaf, proof, root);
            check(verified, "leafIndex ^ 2", index ^ 2, size, leaf, proof, root);
            check(verified, "treeSize * 2", index, size * 2, leaf, proof, root);
            check(verified, "treeSize / 2", index, size / 2, leaf, proof, root);
            check(verified, "wrong leaf", index, size, "WrongLeaf".getBytes(), proof, root);
            check(verified, "empty root", index, size, leaf, proof, HEX.parseHex(EMPTY_TREE));
            check(verified, "random root", index, size, leaf, proof, HEX.parseHex(SOME_HASH));
            check(verified, "trailing garbage", index, size, leaf, with(proof, new byte[0], false), root);
            check(verified, "trailing root", index, size, leaf, with(proof, root, false), root);
            check(verified, "preceding garbage", index, size, leaf, with(proof, new byte[0], true), root);
            check(verified, "preceding root", index, size, leaf, with(proof, root, true), root);
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] element = flipped.get(i).clone();
                element[0] ^= 8;
                flipped.set(i, element);
                check(verified, "modified proof[" + i + "] bit 3", index, size, leaf, flipped, root);
            }
            check(verified, "removed component", index, size, leaf, proof.subList(0, proof.size() - 1), root);
            if (proof.size() > 1) {
                List<byte[]> inserted = new ArrayList<>(List.of(proof.get(0), HEX.parseHex(SOME_HASH)));
                inserted.addAll(proof.subList(1, proof.size()));
                check(verified, "inserted component", index, size, leaf, inserted, root);
            }
            assertThat(verified).as("corruptions of " + vector + " that verified").isEmpty();
        }
    }

    private static void check(List<String> verified, String probe, long index, long size, byte[] leaf,
                              List<byte[]> proof, byte[] root) {
        if (MerkleTree.verifyInclusion(index, size, leaf, proof, root)) {
            verified.add(probe);
        }
    }

    private static List<byte[]> with(List<byte[]> proof, byte[] extra, boolean first) {
        List<byte[]> changed = new ArrayList<>(proof);
        changed.add(first ? 0 : changed.size(), extra);
        return changed;
    }
}
