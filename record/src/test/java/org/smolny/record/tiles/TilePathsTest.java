package org.smolny.record.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Path encoding of C2SP tlog-tiles (the spec's example: index 1234067 is x001/x234/067). */
class TilePathsTest {

    @Test
    void tile_indexes_are_written_in_x_prefixed_three_digit_groups() {
        assertThat(TilePaths.index(0)).isEqualTo("000");
        assertThat(TilePaths.index(999)).isEqualTo("999");
        assertThat(TilePaths.index(1000)).isEqualTo("x001/000");
        assertThat(TilePaths.index(1234067)).isEqualTo("x001/x234/067");
    }

    @Test
    void partial_tiles_and_bundles_carry_their_width() {
        assertThat(TilePaths.tile(0, 1234067, 256)).isEqualTo("tile/0/x001/x234/067");
        assertThat(TilePaths.tile(1, 5, 8)).isEqualTo("tile/1/005.p/8");
        assertThat(TilePaths.entries(1234067, 8)).isEqualTo("tile/entries/x001/x234/067.p/8");
        assertThatThrownBy(() -> TilePaths.tile(0, 1, 0)).hasMessage("a tile width is 1 to 256, got 0");
    }
}
