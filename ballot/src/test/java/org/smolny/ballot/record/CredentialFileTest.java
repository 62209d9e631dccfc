package org.smolny.ballot.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.P256Group;

class CredentialFileTest {
    private final P256Group group = P256Group.instance();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private ElectionRecordFiles files() {
        return new ElectionRecordFiles(dir, group);
    }

    private String key() {
        return Bytes.hex(group.powerOfGenerator(group.randomSecret(random)).encode());
    }

    @Test
    void credentials_written_are_read_back_in_order_by_the_streaming_reader() {
        List<PublicCredential> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(new PublicCredential(group.powerOfGenerator(group.randomSecret(random)), 1 + i % 4));
        }
        files().writeCredentials(written);
        assertThat(files().readCredentials()).isEqualTo(written);
    }

    @Test
    void a_bad_weight_an_off_curve_key_or_a_cut_file_is_refused_with_its_place() throws IOException {
        Path file = dir.resolve(ElectionRecordFiles.CREDENTIALS);
        Files.writeString(file, "{\"v\":1,\"credentials\":[{\"key\":\"" + key() + "\",\"weight\":1},{\"key\":\""
                + key() + "\",\"weight\":0}]}");
        assertThatThrownBy(() -> files().readCredentials()).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("credentials.json.credentials[1].weight").hasMessageContaining("a weight must be");
        String offCurve = key().substring(0, 128) + "00";
        Files.writeString(file, "{\"v\":1,\"credentials\":[{\"key\":\"" + offCurve + "\",\"weight\":1}]}");
        assertThatThrownBy(() -> files().readCredentials()).hasMessageContaining("credentials.json.credentials[0].key");
        Files.writeString(file, "{\"v\":1,\"credentials\":[{\"key\":\"" + key() + "\",\"weight\":1},");
        assertThatThrownBy(() -> files().readCredentials()).hasMessageContaining("credentials.json: not JSON");
        Files.writeString(file, "{\"v\":2,\"credentials\":[]}");
        assertThatThrownBy(() -> files().readCredentials()).hasMessageContaining("unknown version");
        Files.writeString(file, "{\"credentials\":[]}");
        assertThatThrownBy(() -> files().readCredentials()).hasMessageContaining("missing field \"v\"");
    }
}
