package org.smolny.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The transparency-dev/merkle proof vectors (test resources merkle/, Apache 2.0): happy paths hold, mutations fail. */
class TransparencyDevVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> every_inclusion_vector_verifies_exactly_when_it_should() throws Exception {
        return vectors("merkle/inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = JSON.readTree(file.toFile());
            ProofResult result = Proofs.verifyInclusion(vector.get("leafIdx").asLong(), vector.get("treeSize").asLong(),
                    decode(vector.get("leafHash")), proof(vector), decode(vector.get("root")));
            assertThat(result.isVerified()).as(vector.get("desc").asText() + ": " + result).isEqualTo(!vector.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_consistency_vector_verifies_exactly_when_it_should() throws Exception {
        return vectors("merkle/consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = JSON.readTree(file.toFile());
            ProofResult result = Proofs.verifyConsistency(vector.get("size1").asLong(), vector.get("size2").asLong(),
                    proof(vector), decode(vector.get("root1")), decode(vector.get("root2")));
            assertThat(result.isVerified()).as(vector.get("desc").asText() + ": " + result).isEqualTo(!vector.get("wantErr").asBoolean());
        }));
    }

    @Test
    void the_vector_folders_hold_both_happy_paths_and_mutations() throws Exception {
        List<Path> all = new ArrayList<>();
        vectors("merkle").forEach(all::add);
        long failing = all.stream().filter(path -> {
            try {
                return JSON.readTree(path.toFile()).get("wantErr").asBoolean();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(all).hasSizeGreaterThan(150);
        assertThat(failing).isGreaterThan(100).isLessThan(all.size());
    }

    @Test
    void a_generated_proof_verifies_against_the_vector_roots() throws Exception {
        // Leaves of the transparency-dev reference tree (RFC 6962 test data): the roots of the vectors are reproduced.
        JsonNode vector = JSON.readTree(resource("merkle/consistency/1/happy-path.json").toFile());
        assertThat(vector.get("size2").asLong()).isEqualTo(8);
        assertThat(TreeFixtures.rootOf(TreeFixtures.REFERENCE_LEAVES, 8).base64()).isEqualTo(vector.get("root2").asText());
        assertThat(TreeFixtures.rootOf(TreeFixtures.REFERENCE_LEAVES, 1).base64()).isEqualTo(vector.get("root1").asText());
    }

    private static Stream<Path> vectors(String folder) throws IOException, URISyntaxException {
        return Files.walk(resource(folder)).filter(path -> path.toString().endsWith(".json")).sorted();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TransparencyDevVectorsTest.class.getClassLoader().getResource(name).toURI());
    }

    private static String name(Path file) {
        return file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static List<byte[]> proof(JsonNode vector) {
        List<byte[]> proof = new ArrayList<>();
        vector.get("proof").forEach(hash -> proof.add(decode(hash)));
        return proof;
    }

    private static byte[] decode(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }
}
